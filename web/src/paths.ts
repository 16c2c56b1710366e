/** Where a sign-in may lead: a path on this site only (never `//host` or another origin), never back to /anmelden. */
export function safeNext(next: string | null | undefined): string | undefined {
  if (
    !next ||
    next.length > 200 ||
    !next.startsWith('/') ||
    next.startsWith('//') ||
    next.startsWith('/\\')
  ) {
    return undefined;
  }
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/anmelden')) return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}

/** The start page's sign-in form, coming back to `path` afterwards. */
export function signInHref(path: string): string {
  return `/?next=${encodeURIComponent(path)}`;
}
