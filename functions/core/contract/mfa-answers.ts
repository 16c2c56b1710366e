import * as z from 'zod/mini';
import { instant } from './common.ts';
import { builtOnce, unchecked } from './route.ts';

/*
 * What the API answers about the office's second factor. Built by functions, not at load (the
 * routes wrap them in `z.lazy`, see followup-answers.ts). The WebAuthn options are what
 * @simplewebauthn/server generates and @simplewebauthn/browser reads, field by field.
 */

/** Only what a deployed bundle's esbuild defines (see route.ts `unchecked`); the browser never loads this module. */
declare const process: { readonly env: { readonly VOTUM_BUNDLED_ALLIANCE?: string } };

function build() {
  const base64url = () => z.string().check(z.regex(/^[\w-]*$/));
  const credentialDescriptor = () =>
    z.strictObject({
      id: base64url(),
      type: z.literal('public-key'),
      transports: z.optional(z.array(z.string())),
    });

  /** Where the session stands and what the account has enrolled (no secret, no key). */
  const secondFactorStatusSchema = () =>
    z.strictObject({
      state: z.enum(['none', 'pending', 'passed']),
      passkeys: z.array(
        z.strictObject({ id: base64url(), createdAt: instant, lastUsedAt: z.optional(instant) }),
      ),
      totp: z.boolean(),
      recoveryCodesLeft: z.int(),
    });

  /** For `navigator.credentials.create()` (startRegistration): a passkey to register. */
  const registrationOptionsSchema = () =>
    z.strictObject({
      challenge: base64url(),
      rp: z.strictObject({ name: z.string(), id: z.string() }),
      user: z.strictObject({ id: base64url(), name: z.string(), displayName: z.string() }),
      pubKeyCredParams: z.array(z.strictObject({ alg: z.int(), type: z.literal('public-key') })),
      timeout: z.int(),
      attestation: z.literal('none'),
      excludeCredentials: z.array(credentialDescriptor()),
      authenticatorSelection: z.strictObject({
        residentKey: z.enum(['discouraged', 'preferred', 'required']),
        requireResidentKey: z.boolean(),
        userVerification: z.enum(['discouraged', 'preferred', 'required']),
      }),
      extensions: z.strictObject({ credProps: z.literal(true) }),
      hints: z.array(z.string()),
    });

  /** For `navigator.credentials.get()` (startAuthentication): the account's passkeys to choose from. */
  const authenticationOptionsSchema = () =>
    z.strictObject({
      challenge: base64url(),
      rpId: z.string(),
      allowCredentials: z.array(credentialDescriptor()),
      timeout: z.int(),
      userVerification: z.enum(['discouraged', 'preferred', 'required']),
    });

  /** A TOTP secret to enter into an authenticator app, as text and as an otpauth:// URI (for a QR code). */
  const totpSetupSchema = () =>
    z.strictObject({
      secret: z.string().check(z.regex(/^[A-Z2-7]+$/)),
      uri: z.string().check(z.startsWith('otpauth://totp/')),
    });

  /**
   * The session has passed its second factor (its cookie is replaced). At the first enrolment the
   * recovery codes come along, this once; after a recovery code, how many are left.
   */
  const secondFactorPassedSchema = () =>
    z.strictObject({
      state: z.literal('passed'),
      recoveryCodes: z.optional(z.array(z.string())),
      recoveryCodesLeft: z.optional(z.int()),
    });
  return {
    secondFactorStatusSchema,
    registrationOptionsSchema,
    authenticationOptionsSchema,
    totpSetupSchema,
    secondFactorPassedSchema,
  };
}

/** Built on first use; in a deployed bundle never (see route.ts `unchecked`), so esbuild leaves `build` out. */
const schemas = process.env.VOTUM_BUNDLED_ALLIANCE === undefined ? builtOnce(build) : unchecked;

export const secondFactorStatusSchema = () => schemas().secondFactorStatusSchema();
export const registrationOptionsSchema = () => schemas().registrationOptionsSchema();
export const authenticationOptionsSchema = () => schemas().authenticationOptionsSchema();
export const totpSetupSchema = () => schemas().totpSetupSchema();
export const secondFactorPassedSchema = () => schemas().secondFactorPassedSchema();
