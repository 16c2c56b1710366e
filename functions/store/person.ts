import { createHmac } from 'node:crypto';
import { signingSecret } from '../platform/secret.ts';

/**
 * A person as a keyed hash of their address (HMAC with the signing secret): what the retention log
 * names, and the key by which their stored request answers are indexed (store/answer-owners.ts).
 * Never the address itself in a key or a log, and without the secret nobody can test a guessed
 * address against it. (Before, the log's hash fell back to a fixed key where the secret comes
 * from Secrets Manager, i.e. in AWS.)
 */
export async function personHash(email: string): Promise<string> {
  return createHmac('sha256', await signingSecret())
    .update(email.toLowerCase())
    .digest('hex')
    .slice(0, 32);
}
