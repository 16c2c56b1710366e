import { createHmac } from 'node:crypto';
import { config } from '../platform/config.ts';

/**
 * A person as a keyed hash of their address: what the retention log names, and the key by which
 * their stored request answers are indexed (store/idempotent-answers.ts). Never the address itself
 * in a key or a log, so neither outlives an erasure.
 */
export const personHash = (email: string) =>
  createHmac('sha256', config().SIGNING_SECRET ?? 'votum')
    .update(email.toLowerCase())
    .digest('hex')
    .slice(0, 32);
