import { createHmac } from 'node:crypto';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { atLoad, secrets } from './clients.ts';
import { config } from './config.ts';

let secret: string | undefined;
// Deployed, the secret is read from Secrets Manager.
const vault = /* @__PURE__ */ atLoad(secrets, () => config().SIGNING_SECRET_ARN !== undefined);

/** The signing secret: from the environment locally, from Secrets Manager in AWS; read once per process. */
export async function signingSecret(): Promise<string> {
  if (secret) return secret;
  const { SIGNING_SECRET, SIGNING_SECRET_ARN } = config();
  const value =
    SIGNING_SECRET ??
    (await vault().send(new GetSecretValueCommand({ SecretId: SIGNING_SECRET_ARN }))).SecretString;
  if (!value || value.length < 32)
    throw new Error('votum: the signing secret is missing or shorter than 32 characters');
  secret = value;
  return value;
}

/**
 * A keyed hash of a bearer token (sign-in link, session). Only this is stored, so a copy of the
 * table lets nobody sign in, nor even check a guessed token without the secret.
 */
export async function tokenHash(token: string): Promise<string> {
  return createHmac('sha256', await signingSecret())
    .update(token)
    .digest('base64url');
}

/** Forgets the secret read: for tests that change where it comes from. */
export function resetSigningSecret(): void {
  secret = undefined;
}
