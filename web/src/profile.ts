import { useEffect, useState } from 'preact/hooks';
import { type AnswerOf, call } from './lib/api.ts';

/** The alliance's public profile, as the API answers it (`getProfile`). */
export type PublicProfile = AnswerOf<'getProfile'>;

/** The alliance profile (public, the same for everyone): asked once per page load. */
let pending: Promise<PublicProfile> | undefined;
/** The profile once it is here: a page rendered after that shows it at once, not "loading" first. */
let loaded: PublicProfile | undefined;

export function loadProfile(): Promise<PublicProfile> {
  pending ??= call('getProfile').then(
    (profile) => {
      loaded = profile;
      return profile;
    },
    (error: unknown) => {
      pending = undefined; // a failed load is tried again by the next page that needs it
      throw error;
    },
  );
  return pending;
}

export type ProfileState =
  | { state: 'loading' }
  | { state: 'loaded'; profile: PublicProfile }
  | { state: 'failed'; message: string };

export function useProfile(): ProfileState {
  const [state, setState] = useState<ProfileState>(() =>
    loaded ? { state: 'loaded', profile: loaded } : { state: 'loading' },
  );
  useEffect(() => {
    let live = true;
    loadProfile().then(
      // Shown already (it was here at the first render): no second render for it.
      (profile) =>
        live && setState((prev) => (prev.state === 'loaded' ? prev : { state: 'loaded', profile })),
      (error: unknown) => live && setState({ state: 'failed', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
