import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { secrets } from '../../functions/platform/clients.ts';
import { resetConfig } from '../../functions/platform/config.ts';
import { resetSigningSecret, tokenHash } from '../../functions/platform/secret.ts';

/*
 * In AWS the signing secret comes from Secrets Manager (SIGNING_SECRET_ARN), which has no local
 * server: Secrets Manager's answer is given at the SDK's middleware stack, everything above it runs.
 */

const arn = 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:votum-signing';
const stored = 'k'.repeat(48);
const local = {
  SIGNING_SECRET: process.env.SIGNING_SECRET,
  SIGNING_SECRET_ARN: process.env.SIGNING_SECRET_ARN,
};

/** Secrets Manager as AWS would answer: the secret for our ARN, recording each request. */
function secretsManager(secretString: string | undefined) {
  const asked: unknown[] = [];
  secrets().middlewareStack.add(
    (_next, context) => async (args) => {
      asked.push({ command: context.commandName, input: args.input });
      return { output: { ARN: arn, SecretString: secretString, $metadata: {} }, response: {} };
    },
    { step: 'initialize', name: 'secretsManager' },
  );
  return asked;
}

function useSecretsManager() {
  delete process.env.SIGNING_SECRET;
  process.env.SIGNING_SECRET_ARN = arn;
  resetConfig();
  resetSigningSecret();
}

afterEach(() => {
  secrets().middlewareStack.remove('secretsManager');
  for (const [name, value] of Object.entries(local)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfig();
  resetSigningSecret();
});

describe('the signing secret in AWS', () => {
  it('is read from Secrets Manager once per process and keys every token hash', async () => {
    // Prepare
    const asked = secretsManager(stored);
    useSecretsManager();

    // Act
    const first = await tokenHash('a-sign-in-token');
    const second = await tokenHash('another-token');

    // Assess
    expect(first).toBe(createHmac('sha256', stored).update('a-sign-in-token').digest('base64url'));
    expect(second).toBe(createHmac('sha256', stored).update('another-token').digest('base64url'));
    expect(asked).toEqual([{ command: 'GetSecretValueCommand', input: { SecretId: arn } }]);
  });

  it('refuses a secret shorter than 32 characters, and hashes nothing with it', async () => {
    // Prepare
    secretsManager('too-short');
    useSecretsManager();

    // Act
    const hashing = tokenHash('a-sign-in-token');

    // Assess
    await expect(hashing).rejects.toThrow('the signing secret is missing or shorter than 32 characters');
  });
});
