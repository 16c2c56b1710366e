import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RouteId } from '../../../functions/core/contract/index.ts';
import { type AnswerOf, ApiError, type CallArgs, call, href, isAbort } from './api.ts';

/*
 * Loading a route's answer into a page state. Apart from the page kit (load.tsx, which re-exports
 * it), so the first script, whose pages need only this, does not carry the kit's other parts.
 */

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'loaded'; data: T }
  | { state: 'signed-out' }
  | { state: 'forbidden' }
  | { state: 'failed'; message: string };

export function classify<T>(error: unknown): Loaded<T> {
  if (error instanceof ApiError && error.status === 401) return { state: 'signed-out' };
  if (error instanceof ApiError && error.status === 403) return { state: 'forbidden' };
  return { state: 'failed', message: (error as Error).message };
}

/**
 * Calls a reading route into a page state: `useLoad('getVote', { params: { id } })`. Loads again
 * when `reloads` changes (keeping what is shown meanwhile) or when the address changes (showing
 * "loading" then).
 */
export function useLoad<Id extends RouteId>(
  id: Id,
  args: CallArgs<Id> = {} as CallArgs<Id>,
  reloads = 0,
): Loaded<AnswerOf<Id>> {
  const address = href(id, args);
  const [loaded, setLoaded] = useState<Loaded<AnswerOf<Id>>>({ state: 'loading' });
  const shown = useRef(address);
  // In the layout phase, not after the paint: the request starts with the page's first render
  // instead of a frame later (on a page opened fresh, after the whole frame was drawn first).
  useLayoutEffect(() => {
    const abort = new AbortController();
    if (shown.current !== address) {
      shown.current = address;
      setLoaded({ state: 'loading' });
    }
    call(id, args, { signal: abort.signal })
      .then((data) => setLoaded({ state: 'loaded', data }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded(classify<AnswerOf<Id>>(error));
      });
    return () => abort.abort();
    // The address says everything the call depends on.
  }, [address, reloads]);
  return loaded;
}
