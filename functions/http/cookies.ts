import { signInPolicy } from '../core/auth.ts';
import { config } from '../platform/config.ts';

/** `__Host-` only over https: browsers refuse the prefix on cookies that are not Secure. */
export function sessionCookieName(): string {
  return config().secureCookies ? '__Host-votum_session' : 'votum_session';
}

function attributes(maxAgeSeconds: number): string {
  const secure = config().secureCookies ? '; Secure' : '';
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function sessionCookie(value: string): string {
  return `${sessionCookieName()}=${value}; ${attributes(Math.floor(signInPolicy.sessionAbsoluteMs / 1000))}`;
}

export function clearedSessionCookie(): string {
  return `${sessionCookieName()}=; ${attributes(0)}`;
}

/** The session token from API Gateway v2's `cookies` array, if the request carries one. */
export function readSessionCookie(cookies: readonly string[] | undefined): string | undefined {
  const prefix = `${sessionCookieName()}=`;
  for (const cookie of cookies ?? []) {
    for (const part of cookie.split(';')) {
      const trimmed = part.trim();
      if (trimmed.startsWith(prefix)) return trimmed.slice(prefix.length) || undefined;
    }
  }
  return undefined;
}
