import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundling } from '../../infra/aws/functions.ts';
import { projectRoot } from '../../infra/aws/settings.ts';
import { esbuildOptions } from '../bench/bundles.ts';
import { type Algorithm, type Attestation, SoftAuthenticator } from '../support/soft-authenticator.ts';

/*
 * The bundles leave @simplewebauthn/server's certificate libraries out (infra/aws/functions.ts,
 * functions/platform/no-certificates.ts). Unbundled tests run the real libraries, so this test
 * bundles the library as the functions are bundled and runs passkey registrations and sign-ins
 * through that bundle: what a browser sends when asked for no attestation must pass, for every
 * algorithm the portal offers; certificates fail (the portal refuses them before, see
 * test/integration/second-factor.test.ts).
 */

type Library = typeof import('@simplewebauthn/server');

const origin = 'https://votum.example';
const rpID = 'votum.example';
let dir: string;
let library: Library;
let bundledInputs: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'votum-passkey-bundle-'));
  const outfile = join(dir, 'webauthn.mjs');
  const result = await build({
    ...esbuildOptions(bundling),
    stdin: {
      contents:
        "export { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';",
      resolveDir: projectRoot,
      loader: 'ts',
    },
    outfile,
  });
  bundledInputs = Object.keys(result.metafile?.inputs ?? {});
  library = (await import(pathToFileURL(outfile).href)) as Library;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function register(authenticator: SoftAuthenticator, attestation: Attestation) {
  const options = await library.generateRegistrationOptions({
    rpName: 'Votum',
    rpID,
    userName: 'verwaltung@example.org',
    attestationType: 'none',
    supportedAlgorithmIDs: [-8, -7, -257],
  });
  return library.verifyRegistrationResponse({
    response: authenticator.register(options.challenge, attestation),
    expectedChallenge: options.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  });
}

describe('the passkey library as bundled', () => {
  it('holds none of the certificate libraries', () => {
    // Assess
    const left = bundledInputs.filter((input) =>
      /node_modules\/(@peculiar\/(x509|asn1-x509|asn1-android|asn1-rsa|asn1-cms)|tsyringe|reflect-metadata)\//.test(
        input,
      ),
    );
    expect(left).toEqual([]);
    expect(bundledInputs).toContain('functions/platform/no-certificates.ts');
  });

  it.each<[Algorithm, Attestation]>([
    ['ES256', 'none'],
    ['RS256', 'none'],
    ['EdDSA', 'none'],
    ['ES256', 'self'],
    ['RS256', 'self'],
  ])('registers a %s passkey with attestation "%s" and signs in with it', async (algorithm, attestation) => {
    // Prepare
    const authenticator = new SoftAuthenticator(origin, algorithm);
    const registration = await register(authenticator, attestation);
    if (!registration.verified) throw new Error('not registered');
    const { credential } = registration.registrationInfo;
    const options = await library.generateAuthenticationOptions({
      rpID,
      allowCredentials: [{ id: credential.id }],
    });
    // Act
    const signIn = await library.verifyAuthenticationResponse({
      response: authenticator.assert(options.challenge),
      expectedChallenge: options.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential,
      requireUserVerification: false,
    });
    // Assess
    expect(signIn).toMatchObject({ verified: true, authenticationInfo: { newCounter: 1 } });
  });

  it.each<Attestation>(['packed-x5c', 'fido-u2f'])(
    'fails a registration whose attestation "%s" carries certificates, as an error',
    async (attestation) => {
      // Act
      const registration = register(new SoftAuthenticator(origin, 'ES256'), attestation);
      // Assess
      await expect(registration).rejects.toThrow(Error);
    },
  );
});
