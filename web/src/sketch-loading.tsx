import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { SignInPrompt } from './components/SignInPrompt.tsx';
import { ApiError, api, isAbort } from './lib/api.ts';
import type { ProfileState } from './profile.ts';
import type { PublicProfile } from './sketch-form.ts';
import { texts } from './texts.de.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'loaded'; doc: SketchDoc }
  | { state: 'signed-out' }
  | { state: 'failed'; message: string };

/** Loads a sketch (GET /api/sketches/:id) for a page; 401 becomes the sign-in prompt. */
export function useSketch(id: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    api
      .get<SketchDoc>(`/api/sketches/${encodeURIComponent(id)}`, abort.signal)
      .then((doc) => setLoaded({ state: 'loaded', doc }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 401) setLoaded({ state: 'signed-out' });
        else setLoaded({ state: 'failed', message: (error as Error).message });
      });
    return () => abort.abort();
  }, [id]);
  return loaded;
}

/** What a sketch page shows while its sketch and the profile load, or when they cannot. */
export function Loading({
  loaded,
  profile,
  path,
  children,
}: {
  loaded: Loaded;
  profile: ProfileState;
  path: string;
  children: (doc: SketchDoc, profile: PublicProfile) => ComponentChildren;
}) {
  if (loaded.state === 'signed-out') return <SignInPrompt path={path} />;
  const failed =
    loaded.state === 'failed' ? loaded.message : profile.state === 'failed' ? profile.message : '';
  if (failed)
    return (
      <div class="notice notice--error" role="alert">
        <p>{failed}</p>
      </div>
    );
  if (loaded.state !== 'loaded' || profile.state !== 'loaded')
    return <p role="status">{texts.sketch.loading}</p>;
  return <>{children(loaded.doc, profile.profile)}</>;
}
