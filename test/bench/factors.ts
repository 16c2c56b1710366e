import { createHash, createSign, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type { RouteId } from '../../functions/core/contract/index.ts';
import { type RouteCall, routeCall, type StatusOf } from './calls.ts';
import { type LocalStack, send, uniqueEmail } from './local.ts';

/*
 * The office's second factor for the bench's scenarios: fresh admin accounts with a pending session
 * (a sign-in link redeemed), an authenticator app (TOTP codes as the app shows them) and a software
 * passkey (a P-256 key signing WebAuthn's "none" attestation and assertions as a browser's platform
 * authenticator does, so the server's @simplewebauthn checks run in full).
 */

const period = 30_000;
const totpCode = (secret: string, step: number) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: step * period });
const step = () => Math.floor(Date.now() / period);

async function answered<Id extends RouteId>(local: LocalStack, call: RouteCall<Id>, status: StatusOf<Id>) {
  const answer = await send(local.apiUrl, call);
  if (answer.status !== status)
    throw new Error(`${call.route} answered ${answer.status}, not ${status}: ${answer.text.slice(0, 300)}`);
  return { body: (answer.text ? JSON.parse(answer.text) : {}) as Record<string, unknown>, ...answer };
}

/** A new account on the admin list (the store's call, as the office's list puts it). */
export async function freshAdmin(): Promise<string> {
  const email = uniqueEmail('verwaltung');
  const { addAdmin } = await import('../../functions/store/auth.ts');
  await addAdmin(email, 'Benchmark', new Date());
  return email;
}

/** A redeemed sign-in link of `email`: the session's cookie, its second factor still pending for an admin. */
export async function linkSession(local: LocalStack, email: string): Promise<string> {
  await answered(local, routeCall('requestLink', { body: { email } }), 202);
  const token = await local.linkToken(email);
  const redeemed = await answered(local, routeCall('redeemLink', { body: { token } }), 201);
  const cookie = redeemed.setCookie?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

export interface EnrolledAdmin {
  email: string;
  secret: string;
  /** The step the enrolment used: each step counts once. */
  step: number;
  recoveryCodes: string[];
  /** The passed session of the enrolment. */
  cookie: string;
}

/** A fresh admin who set up the authenticator app (their first factor): the session passed. */
export async function totpAdmin(local: LocalStack): Promise<EnrolledAdmin> {
  const email = await freshAdmin();
  const cookie = await linkSession(local, email);
  const setup = await answered(local, routeCall('setupTotp', { cookie }), 200);
  const secret = String(setup.body.secret);
  const now = step();
  const confirmed = await answered(
    local,
    routeCall('confirmTotp', { cookie, body: { code: totpCode(secret, now) } }),
    201,
  );
  const passed = confirmed.setCookie?.split(';')[0];
  if (!passed) throw new Error('no passed session');
  return {
    email,
    secret,
    step: now,
    recoveryCodes: confirmed.body.recoveryCodes as string[],
    cookie: passed,
  };
}

/** The next unused code of an enrolled admin (the portal allows one step of drift ahead). */
export const nextCode = (admin: EnrolledAdmin) => totpCode(admin.secret, admin.step + 1);

/** A pending session (setup started) of a fresh admin: what confirmTotp confirms, and its code. */
export async function totpSetup(local: LocalStack): Promise<{ cookie: string; code: string }> {
  const cookie = await linkSession(local, await freshAdmin());
  const setup = await answered(local, routeCall('setupTotp', { cookie }), 200);
  return { cookie, code: totpCode(String(setup.body.secret), step()) };
}

// ---- A software passkey ------------------------------------------------------------------------------

/** CBOR (RFC 8949) of what WebAuthn's attestation object and COSE key need: ints, texts, bytes, maps. */
function cbor(value: number | string | Uint8Array | Map<number | string, unknown>): Buffer {
  const head = (major: number, n: number) => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  return Buffer.concat([
    head(5, value.size),
    ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v as Parameters<typeof cbor>[0])]),
  ]);
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/** A platform authenticator holding one P-256 credential for the portal's relying party. */
export class SoftPasskey {
  readonly id = randomBytes(16);
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject };
  private counter = 0;
  private readonly origin: string;
  constructor(origin: string) {
    this.origin = origin;
    this.key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  }

  private get rpIdHash() {
    return sha256(new URL(this.origin).hostname);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  /** What startRegistration answers for the creation options' challenge (attestation "none"). */
  register(challenge: string) {
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    const cose = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]),
    );
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.id.length);
    const authData = Buffer.concat([
      this.rpIdHash,
      Buffer.from([0x45]), // user present, user verified, attested credential data
      Buffer.alloc(4),
      Buffer.alloc(16), // AAGUID
      length,
      this.id,
      cose,
    ]);
    const attestationObject = cbor(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: b64url(this.id),
      rawId: b64url(this.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', challenge)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }

  /** What startAuthentication answers for the request options' challenge. */
  assert(challenge: string) {
    this.counter += 1;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    const authenticatorData = Buffer.concat([this.rpIdHash, Buffer.from([0x05]), count]);
    const clientDataJSON = this.clientData('webauthn.get', challenge);
    const signature = createSign('SHA256')
      .update(Buffer.concat([authenticatorData, sha256(clientDataJSON)]))
      .sign(this.key.privateKey);
    return {
      id: b64url(this.id),
      rawId: b64url(this.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }
}

/** A fresh admin's pending session that asked for passkey creation options, and the passkey's answer. */
export async function passkeyRegistration(local: LocalStack) {
  const cookie = await linkSession(local, await freshAdmin());
  const options = await answered(local, routeCall('passkeyRegistrationOptions', { cookie }), 200);
  const passkey = new SoftPasskey(local.env.PUBLIC_URL ?? '');
  return { cookie, passkey, response: passkey.register(String(options.body.challenge)) };
}

/** An admin with a registered passkey (their only factor) and a new pending session. */
export async function passkeyAdmin(local: LocalStack): Promise<{ cookie: string; passkey: SoftPasskey }> {
  const email = await freshAdmin();
  const first = await linkSession(local, email);
  const options = await answered(local, routeCall('passkeyRegistrationOptions', { cookie: first }), 200);
  const passkey = new SoftPasskey(local.env.PUBLIC_URL ?? '');
  await answered(
    local,
    routeCall('registerPasskey', { cookie: first, body: passkey.register(String(options.body.challenge)) }),
    201,
  );
  return { cookie: await linkSession(local, email), passkey };
}

/** The challenge of a passkey sign-in just asked for. */
export async function passkeyChallengeOf(local: LocalStack, cookie: string): Promise<string> {
  const answer = await answered(local, routeCall('passkeyChallenge', { cookie }), 200);
  return String(answer.body.challenge);
}
