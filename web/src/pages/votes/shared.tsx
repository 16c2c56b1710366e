import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Person } from '../../../../functions/core/vote.ts';
import { ApiError, api, isAbort } from '../../api.ts';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';
import { voteTexts } from './texts.de.ts';
import './votes.css';

/*
 * What the steering group's pages share: loading an API answer into a page state, the states a
 * page shows instead of its content, an announcement region for the result of an action, and one
 * action's busy flag and error.
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

/** GET `path` into a page state; loads again when `reloads` changes (keeping what is shown meanwhile). */
export function useLoad<T>(path: `/api/${string}`, reloads = 0): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const shown = useRef(path);
  useEffect(() => {
    const abort = new AbortController();
    // A new address shows "loading"; a reload of the same one keeps the old content until the answer.
    if (shown.current !== path) {
      shown.current = path;
      setLoaded({ state: 'loading' });
    }
    api
      .get<T>(path, abort.signal)
      .then((data) => setLoaded({ state: 'loaded', data }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded(classify<T>(error));
      });
    return () => abort.abort();
  }, [path, reloads]);
  return loaded;
}

/** What a page shows while its data loads or when it cannot: the sign-in prompt, a refusal, an error. */
export function NotLoaded({
  loaded,
  path,
  forbidden = voteTexts.common.forbidden,
}: {
  loaded: Exclude<Loaded<unknown>, { state: 'loaded' }>;
  path: string;
  forbidden?: string;
}) {
  if (loaded.state === 'loading') return <p role="status">{voteTexts.common.loading}</p>;
  if (loaded.state === 'signed-out') return <SignInPrompt path={path} />;
  return (
    <div class="notice notice--error" role="alert">
      <p>{loaded.state === 'forbidden' ? forbidden : loaded.message}</p>
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

export const person = (p: Person | undefined) =>
  p ? voteTexts.common.person(p.name, p.email) : voteTexts.common.none;

/** An error beside its field, announced with the field through aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="field-error">
      <span class="visually-hidden">{voteTexts.common.errorPrefix} </span>
      {message}
    </p>
  );
}

export const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

/** A local time "14:32:05" for "Stand: … Uhr". */
export const clockTime = (at: Date) =>
  at.toLocaleTimeString('de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Europe/Berlin',
  });
