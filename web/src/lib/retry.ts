/*
 * How the web client waits before retrying a request the API's throttle refused (429): kept apart
 * from api.ts, which needs the DOM, so a unit test can check it.
 */

/** How long to wait before retry `attempt` (0-based): the server's Retry-After, else 250 ms doubling, with jitter. */
export function retryDelay(retryAfter: string | null, attempt: number, random = Math.random): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 30) * 1000;
  const base = 250 * 2 ** attempt;
  // Jitter spreads the retries of requests refused together, so they do not return as one burst.
  return base / 2 + random() * base;
}
