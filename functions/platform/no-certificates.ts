/*
 * Stands in, in the bundles only (esbuild aliases, infra/aws/functions.ts `certificateShims`), for
 * the certificate libraries of @simplewebauthn/server: @peculiar/x509 (with tsyringe), its
 * reflect-metadata polyfill and the ASN.1 schemas of X.509, RSA keys, post-quantum keys and Android
 * key attestation. The library needs them only to check an attestation statement that carries
 * certificates (`x5c`, or the formats fido-u2f, tpm, android-key, android-safetynet, apple) and for
 * the FIDO metadata service, which the portal never starts. The portal asks for `attestation:
 * 'none'`, so a browser sends "none" or a self attestation (WebAuthn §5.1.3: it replaces any other),
 * and app/second-factor.ts refuses every other statement before the library sees it. They load with
 * side effects (decorators, a dependency container, a global polyfill), so esbuild kept them whole:
 * about 140 KB of every second-factor bundle. Assertions (sign-in) and "none" or self-attested
 * registrations never reach them (test/infra/passkey-bundle.test.ts runs both through the bundle).
 * Should one be reached after all, it fails loudly, and the portal answers "passkey failed".
 */

function unavailable(what: string): never {
  throw new Error(
    `${what} is not in this bundle: the portal accepts passkeys without attestation certificates`,
  );
}

/** A certificate class of the stand-ins: using one throws. */
class Unavailable {
  constructor() {
    unavailable(new.target.name);
  }
}

// @peculiar/x509 (what validateCertificatePath and isCertRevoked import)
export class X509Certificate extends Unavailable {}
export class X509ChainBuilder extends Unavailable {}
export class X509Crl extends Unavailable {}
export class AuthorityKeyIdentifierExtension extends Unavailable {}
export class CRLDistributionPointsExtension extends Unavailable {}
export class SubjectKeyIdentifierExtension extends Unavailable {}

// @peculiar/asn1-x509: parsed only from attestation certificates. @peculiar/asn1-ecc (whose ECDSA
// signature schema every ES256 sign-in needs) names a few algorithm identifiers at load with it.
export class Certificate extends Unavailable {}
export class BasicConstraints extends Unavailable {}
export class ExtendedKeyUsage extends Unavailable {}
export class SubjectAlternativeName extends Unavailable {}
export class AlgorithmIdentifier {
  readonly algorithm: string;
  constructor({ algorithm }: { algorithm: string }) {
    this.algorithm = algorithm;
  }
}
export const id_ce_basicConstraints = '2.5.29.19';
export const id_ce_extKeyUsage = '2.5.29.37';
export const id_ce_subjectAltName = '2.5.29.17';

// @peculiar/asn1-android (android-key attestation)
export class KeyDescription extends Unavailable {}
export const id_ce_keyDescription = '1.3.6.1.4.1.11129.2.1.17';

// @peculiar/asn1-rsa: an RSA key or signature algorithm read from a certificate
export class RSAPublicKey extends Unavailable {}
export const id_rsaEncryption = '1.2.840.113549.1.1.1';
export const id_sha1WithRSAEncryption = '1.2.840.113549.1.1.5';
export const id_sha256WithRSAEncryption = '1.2.840.113549.1.1.11';
export const id_sha384WithRSAEncryption = '1.2.840.113549.1.1.12';
export const id_sha512WithRSAEncryption = '1.2.840.113549.1.1.13';

// @peculiar/asn1-x509-post-quantum: ML-DSA keys read from a certificate
export const id_ml_dsa_44 = '2.16.840.1.101.3.4.3.17';
export const id_ml_dsa_65 = '2.16.840.1.101.3.4.3.18';
export const id_ml_dsa_87 = '2.16.840.1.101.3.4.3.19';
