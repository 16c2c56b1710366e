import type { Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RouteId } from '../../../functions/core/contract/index.ts';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { useNames } from '../names.ts';
import { type AnswerOf, ApiError, type CallArgs, call, href, isAbort } from './api.ts';
import { kitTexts } from './texts.de.ts';

/*
 * What every page shares: loading a route's answer into a page state, the states a page shows
 * instead of its content, an announcement region for the result of an action, and one action's
 * busy flag and error.
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

/** Answers asked for before their page rendered (`askEarly`), by address; each is taken once. */
const early = new Map<string, Promise<unknown>>();

/**
 * Asks for a route's answer before the page that shows it has rendered: the first `useLoad` of the
 * same address takes it instead of asking again. main.tsx does so for the address a page was opened
 * at, where the page surely asks for it, so the request runs beside the session's, not after it.
 */
export function askEarly<Id extends RouteId>(id: Id, args: CallArgs<Id>): void {
  const answer = call(id, args);
  // Its failure is shown by the page that takes it; until then it is not an unhandled rejection.
  answer.catch(() => undefined);
  early.set(href(id, args), answer);
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
    const asked = early.get(address) as Promise<AnswerOf<Id>> | undefined;
    early.delete(address);
    // An early answer cannot be aborted: one that arrives after this effect ended is dropped here.
    (asked ?? call(id, args, { signal: abort.signal }))
      .then((data) => !abort.signal.aborted && setLoaded({ state: 'loaded', data }))
      .catch((error: unknown) => {
        if (!isAbort(error) && !abort.signal.aborted) setLoaded(classify<AnswerOf<Id>>(error));
      });
    return () => abort.abort();
    // The address says everything the call depends on.
  }, [address, reloads]);
  return loaded;
}

/** What a page shows while its data loads or when it cannot: the sign-in prompt, a refusal, an error. */
export function NotLoaded({
  loaded,
  path,
  forbidden,
}: {
  loaded: Exclude<Loaded<unknown>, { state: 'loaded' }>;
  path: string;
  forbidden?: string;
}) {
  const names = useNames();
  if (loaded.state === 'loading') return <p role="status">{kitTexts.loading}</p>;
  if (loaded.state === 'signed-out') return <SignInPrompt path={path} />;
  return (
    <div class="notice notice--error" role="alert">
      <p>{loaded.state === 'forbidden' ? (forbidden ?? kitTexts.forbidden(names)) : loaded.message}</p>
    </div>
  );
}

/**
 * The sentence that says what an action did, in a status region that is always in the page (so
 * screen readers read what is put into it). When the action's control is gone after the page
 * reloaded its data, the focus goes to the sentence instead of being lost.
 */
export function useAnnouncement(settled: unknown) {
  const [message, setMessage] = useState('');
  const [tone, setTone] = useState<'success' | 'error'>('success');
  const ref = useRef<HTMLDivElement>(null);
  const pending = useRef<{ settled: unknown } | undefined>(undefined);
  useEffect(() => {
    if (!pending.current) return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) ref.current?.focus();
    // Checked once after the data the action changed has arrived, then never again.
    if (pending.current.settled !== settled) pending.current = undefined;
  }, [settled, message]);
  return {
    announce(text: string, as: 'success' | 'error' = 'success') {
      setTone(as);
      setMessage(text);
      pending.current = { settled };
    },
    clear: () => setMessage(''),
    region: <Announcement message={message} tone={tone} regionRef={ref} />,
  };
}

function Announcement({
  message,
  tone,
  regionRef,
}: {
  message: string;
  tone: 'success' | 'error';
  regionRef: Ref<HTMLDivElement>;
}) {
  return (
    <div
      role="status"
      class={message ? `notice notice--${tone} announcement` : 'live'}
      tabIndex={-1}
      ref={regionRef}
    >
      {message ? <p>{message}</p> : null}
    </div>
  );
}

/** One request with its busy state and its error, which the caller shows next to its control. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, (failure as Error).message));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}

/** The message the API gave for one field (dotted path), if any. */
export const fieldMessage = (error: ApiError | undefined, field: string) =>
  error?.fields.find((f) => f.field === field)?.message;
