import type { Session } from '../store/auth.ts';

/** Who asks: the live session behind the request's cookie (the HTTP stack finds it). */
export interface Caller extends Session {
  /** The keyed hash of the session token: the session's key in the table. */
  sessionHash: string;
}
