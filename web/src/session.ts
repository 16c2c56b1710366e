import { useEffect, useReducer } from 'preact/hooks';
import { type AnswerOf, ApiError, call } from './lib/api.ts';

/** Who is signed in, as the API answers it (`me`) when somebody is. */
export type Me = Exclude<AnswerOf<'me'>, { signedIn: false }>;

/** Who is signed in, as the page knows it: asked once at start, after sign-in and after sign-out. */
export type SessionState =
  | { state: 'unknown' }
  | { state: 'anonymous' }
  | { state: 'signed-in'; me: Me }
  | { state: 'unreachable'; message: string };

let current: SessionState = { state: 'unknown' };
const listeners = new Set<() => void>();

function setSession(next: SessionState): void {
  current = next;
  for (const listener of listeners) listener();
}

/** The session as the page knows it; the component re-renders when it changes. */
export function useSession(): SessionState {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const rendered = current;
  useEffect(() => {
    const listener = () => rerender(undefined);
    listeners.add(listener);
    // A change between this render and the subscription would otherwise go unseen.
    if (rendered !== current) listener();
    return () => {
      listeners.delete(listener);
    };
  }, [rendered]);
  return current;
}

/** Answers to older requests are dropped: a 401 sent before signing in must not undo the sign-in. */
let generation = 0;

/** Asks the API who is signed in and tells every component that shows it. */
export async function loadSession(): Promise<SessionState> {
  const mine = ++generation;
  const next = await call('me').then(
    (me): SessionState => ('signedIn' in me ? { state: 'anonymous' } : { state: 'signed-in', me }),
    (error: unknown): SessionState =>
      error instanceof ApiError && (error.status === 401 || error.status === 403)
        ? { state: 'anonymous' }
        : { state: 'unreachable', message: (error as Error).message },
  );
  if (mine === generation) setSession(next);
  return current;
}

export function signedOut(): void {
  generation++;
  setSession({ state: 'anonymous' });
}

export function isAdmin(state: SessionState): boolean {
  return state.state === 'signed-in' && state.me.roles.includes('admin');
}

export function allianceName(state: SessionState): string | undefined {
  return state.state === 'signed-in' ? state.me.alliance.name : undefined;
}
