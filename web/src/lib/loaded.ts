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

/** A call's outcome as a page state; undefined when the call was aborted (its page is gone). */
const outcomeOf = (answer: Promise<unknown>): Promise<Loaded<unknown> | undefined> =>
  answer.then(
    (data): Loaded<unknown> => ({ state: 'loaded', data }),
    (error: unknown) => (isAbort(error) ? undefined : classify(error)),
  );

/** An answer asked for before the page's first render, once it is here (`settled`). */
interface Primed {
  answer: Promise<Loaded<unknown> | undefined>;
  settled?: Loaded<unknown>;
}
const primed = new Map<string, Primed>();
/** The page the primed answers are for: once another page loads, they are dropped unused. */
let primedFor = '';

/**
 * Asks for a route's answer before the first render (web/src/main.tsx): the page whose `useLoad`
 * asks for the same address starts with it, or waits for it, instead of asking again, whenever it
 * mounts (the frame holds the page back until the session is known, which may take longer than
 * the first render waits). Each is used once, and only on the page it was asked for: once another
 * page loads, what was not used is dropped, so nothing is shown stale later.
 */
export function prime<Id extends RouteId>(id: Id, args: CallArgs<Id>): Promise<unknown> {
  const entry: Primed = { answer: outcomeOf(call(id, args)) };
  void entry.answer.then((outcome) => {
    entry.settled = outcome;
  });
  primedFor = location.pathname;
  primed.set(href(id, args), entry);
  return entry.answer;
}

/** The answer primed for an address on this page, if any. */
function primedAt(address: string): Primed | undefined {
  if (primed.size > 0 && location.pathname !== primedFor) primed.clear();
  return primed.get(address);
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
  const [loaded, setLoaded] = useState<Loaded<AnswerOf<Id>>>(
    () => (primedAt(address)?.settled as Loaded<AnswerOf<Id>> | undefined) ?? { state: 'loading' },
  );
  const shown = useRef(address);
  // In the layout phase, not after the paint: the request starts with the page's first render
  // instead of a frame later (on a page opened fresh, after the whole frame was drawn first).
  useLayoutEffect(() => {
    const early = primedAt(address);
    primed.delete(address);
    if (early?.settled) {
      setLoaded(early.settled as Loaded<AnswerOf<Id>>); // what the first render showed already
      return;
    }
    const abort = new AbortController();
    if (shown.current !== address) {
      shown.current = address;
      setLoaded({ state: 'loading' });
    }
    const answer = early?.answer ?? outcomeOf(call(id, args, { signal: abort.signal }));
    void answer.then((next) => {
      if (next && !abort.signal.aborted) setLoaded(next as Loaded<AnswerOf<Id>>);
    });
    return () => abort.abort();
    // The address says everything the call depends on.
  }, [address, reloads]);
  return loaded;
}
