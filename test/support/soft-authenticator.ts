import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

/*
 * A software WebAuthn authenticator for tests: one credential of the given algorithm (ES256, RS256,
 * EdDSA: the portal's supportedAlgorithmIDs) whose registrations carry the attestation statement a
 * test asks for, so the server's checks (@simplewebauthn/server) run in full. "none" and "self"
 * (packed, no certificates) are what browsers send when asked for no attestation; "packed-x5c" and
 * "fido-u2f" carry certificates (placeholder bytes: the portal must refuse them before parsing).
 */

export type Algorithm = 'ES256' | 'RS256' | 'EdDSA';
export type Attestation = 'none' | 'self' | 'packed-x5c' | 'fido-u2f';

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>;

/** CBOR (RFC 8949) of what attestation objects and COSE keys need. */
function cbor(value: Cbor): Buffer {
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
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();
const coseAlg = { ES256: -7, RS256: -257, EdDSA: -8 } as const;

export class SoftAuthenticator {
  readonly id = randomBytes(16);
  private readonly key: { privateKey: KeyObject; publicKey: KeyObject };
  private counter = 0;
  private readonly origin: string;
  private readonly algorithm: Algorithm;
  constructor(origin: string, algorithm: Algorithm = 'ES256') {
    this.origin = origin;
    this.algorithm = algorithm;
    this.key =
      algorithm === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : algorithm === 'RS256'
          ? generateKeyPairSync('rsa', { modulusLength: 2048 })
          : generateKeyPairSync('ed25519');
  }

  private get rpIdHash() {
    return sha256(new URL(this.origin).hostname);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  /** ES256 signs DER (as authenticators do), RS256 PKCS#1 v1.5, EdDSA plain Ed25519. */
  private sign(data: Buffer): Buffer {
    return sign(this.algorithm === 'EdDSA' ? null : 'sha256', data, this.key.privateKey);
  }

  /** The credential's public key as COSE, as the relying party stores it. */
  coseKey(): Buffer {
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    const bytes = (value: string | undefined) => Buffer.from(value ?? '', 'base64url');
    const alg = coseAlg[this.algorithm];
    if (this.algorithm === 'ES256')
      return cbor(
        new Map<number, Cbor>([
          [1, 2],
          [3, alg],
          [-1, 1],
          [-2, bytes(jwk.x)],
          [-3, bytes(jwk.y)],
        ]),
      );
    if (this.algorithm === 'RS256')
      return cbor(
        new Map<number, Cbor>([
          [1, 3],
          [3, alg],
          [-1, bytes(jwk.n)],
          [-2, bytes(jwk.e)],
        ]),
      );
    return cbor(
      new Map<number, Cbor>([
        [1, 1],
        [3, alg],
        [-1, 6],
        [-2, bytes(jwk.x)],
      ]),
    );
  }

  /** What startRegistration answers for the creation options' challenge. */
  register(challenge: string, attestation: Attestation = 'none') {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(this.id.length);
    const authData = Buffer.concat([
      this.rpIdHash,
      Buffer.from([0x45]), // user present, user verified, attested credential data
      Buffer.alloc(4),
      Buffer.alloc(16), // AAGUID
      length,
      this.id,
      this.coseKey(),
    ]);
    const clientDataJSON = this.clientData('webauthn.create', challenge);
    const sig = this.sign(Buffer.concat([authData, sha256(clientDataJSON)]));
    const certificate = randomBytes(300);
    const statement = {
      none: new Map<string, Cbor>(),
      self: new Map<string, Cbor>([
        ['alg', coseAlg[this.algorithm]],
        ['sig', sig],
      ]),
      'packed-x5c': new Map<string, Cbor>([
        ['alg', coseAlg[this.algorithm]],
        ['sig', sig],
        ['x5c', [certificate]],
      ]),
      'fido-u2f': new Map<string, Cbor>([
        ['sig', sig],
        ['x5c', [certificate]],
      ]),
    }[attestation];
    const format = attestation === 'none' || attestation === 'fido-u2f' ? attestation : 'packed';
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ['fmt', format],
        ['attStmt', statement],
        ['authData', authData],
      ]),
    );
    return {
      id: b64url(this.id),
      rawId: b64url(this.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
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
    return {
      id: b64url(this.id),
      rawId: b64url(this.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(this.sign(Buffer.concat([authenticatorData, sha256(clientDataJSON)]))),
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }
}
