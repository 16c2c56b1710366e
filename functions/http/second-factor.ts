import type { Passed } from '../app/second-factor.ts';
import { sessionCookie } from './cookies.ts';

/** A passed second factor as an answer: its body, and the new session's cookie when the token changed. */
export function passedAnswer<S extends 200 | 201>(status: S, passed: Passed) {
  return {
    status,
    body: passed.body,
    ...(passed.sessionToken ? { cookies: [sessionCookie(passed.sessionToken)] } : {}),
  };
}
