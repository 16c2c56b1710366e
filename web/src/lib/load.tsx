import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { useNames } from '../names.ts';
import { ApiError } from './api.ts';
import type { Loaded } from './loaded.ts';
import { kitTexts } from './texts.de.ts';

export { classify, type Loaded, useLoad } from './loaded.ts';

/*
 * What every page shares: loading a route's answer into a page state (loaded.ts), the states a page shows
 * instead of its content, an announcement region for the result of an action, and one action's
 * busy flag and error.
 */

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
