import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { signingSecret } from './secret.ts';

/*
 * Sealing what must wait in the table but must not be usable from a copy of it: a mail's sign-in or
 * vote link waits in the outbox until it is sent (ASVS 6.4/14.2: no live secret at rest). AES-256-GCM
 * with a key derived from the signing secret, which is not in the table; the sender unseals the link
 * at the moment of sending and the outbox then drops it (store/outbox.ts).
 */

const format = 'v1';
let key: Buffer | undefined;

async function sealingKey(): Promise<Buffer> {
  key ??= Buffer.from(
    hkdfSync('sha256', await signingSecret(), Buffer.alloc(0), 'votum: sealed outbox links', 32),
  );
  return key;
}

/** `plain` encrypted and authenticated: `v1.<iv>.<ciphertext>.<tag>`, base64url. */
export async function seal(plain: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await sealingKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [format, iv, data, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The plain text of a sealed value; throws if it was altered or sealed with another key. */
export async function unseal(sealed: string): Promise<string> {
  const [version, iv, data, tag] = sealed.split('.');
  if (version !== format || !iv || !data || !tag) throw new Error('sealed value has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', await sealingKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Forgets the derived key: for tests that change the secret. */
export function resetSealingKey(): void {
  key = undefined;
}
