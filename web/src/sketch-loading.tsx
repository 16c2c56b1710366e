import type { ComponentChildren } from 'preact';
import { statusMessages } from '../../functions/core/status-messages.de.ts';
import { SignInPrompt } from './components/SignInPrompt.tsx';
import type { AnswerOf } from './lib/api.ts';
import { type Loaded, useLoad } from './lib/loaded.ts';
import type { ProfileState } from './profile.ts';
import type { PublicProfile } from './sketch-form.ts';
import { texts } from './texts.de.ts';

/** A sketch as the API answers it (get-sketch, and every change of a sketch). */
export type SketchDoc = AnswerOf<'getSketch'>;

/** Loads a sketch for a page; 401 becomes the sign-in prompt. */
export const useSketch = (id: string, reloads = 0): Loaded<SketchDoc> =>
  useLoad('getSketch', { params: { id } }, reloads);

/** What a sketch page shows while its sketch and the profile load, or when they cannot. */
export function Loading({
  loaded,
  profile,
  path,
  children,
}: {
  loaded: Loaded<SketchDoc>;
  profile: ProfileState;
  path: string;
  children: (doc: SketchDoc, profile: PublicProfile) => ComponentChildren;
}) {
  if (loaded.state === 'signed-out') return <SignInPrompt path={path} />;
  const failed =
    loaded.state === 'failed'
      ? loaded.message
      : loaded.state === 'forbidden'
        ? statusMessages.forbidden
        : profile.state === 'failed'
          ? profile.message
          : '';
  if (failed)
    return (
      <div class="notice notice--error" role="alert">
        <p>{failed}</p>
      </div>
    );
  if (loaded.state !== 'loaded' || profile.state !== 'loaded')
    return <p role="status">{texts.sketch.loading}</p>;
  return <>{children(loaded.data, profile.profile)}</>;
}
