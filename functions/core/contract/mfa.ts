import * as z from 'zod/mini';
import * as httpMessages from '../http-messages.de.ts';
import * as de from '../second-factor.de.ts';
import {
  authenticationOptionsSchema,
  registrationOptionsSchema,
  secondFactorPassedSchema,
  secondFactorStatusSchema,
  totpSetupSchema,
} from './mfa-answers.ts';
import { route } from './route.ts';

/*
 * The office's second factor: passkeys (WebAuthn) with TOTP as fallback and single-use recovery
 * codes. After the emailed link an admin session may call only these routes (and what an
 * applicant may) until it has passed; `beforeSecondFactor` says so. Enrolling a factor is allowed
 * while the account has none, or after passing one (a stolen link alone enrols nothing).
 */

// ---- Requests -------------------------------------------------------------------------------------

const base64url = (max: number) =>
  z
    .string({ error: de.credentialShape })
    .check(
      z.minLength(1, de.credentialShape),
      z.maxLength(max, de.credentialShape),
      z.regex(/^[\w-]+$/, de.credentialShape),
    );

/** What @simplewebauthn/browser's startRegistration answers (RegistrationResponseJSON), bounded. */
const registrationBody = () =>
  z.object(
    {
      id: base64url(1400),
      rawId: base64url(1400),
      type: z.literal('public-key', de.credentialShape),
      response: z.object(
        {
          clientDataJSON: base64url(4000),
          attestationObject: base64url(16_000),
          authenticatorData: z.optional(base64url(16_000)),
          transports: z.optional(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(10))),
          publicKeyAlgorithm: z.optional(z.int()),
          publicKey: z.optional(base64url(4000)),
        },
        { error: de.credentialShape },
      ),
      authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'], de.credentialShape)),
      clientExtensionResults: z.record(z.string().check(z.maxLength(40)), z.unknown()),
    },
    { error: de.credentialShape },
  );

/** What startAuthentication answers (AuthenticationResponseJSON), bounded. */
const authenticationBody = () =>
  z.object(
    {
      id: base64url(1400),
      rawId: base64url(1400),
      type: z.literal('public-key', de.credentialShape),
      response: z.object(
        {
          clientDataJSON: base64url(4000),
          authenticatorData: base64url(4000),
          signature: base64url(2000),
          userHandle: z.optional(base64url(200)),
        },
        { error: de.credentialShape },
      ),
      authenticatorAttachment: z.optional(z.enum(['platform', 'cross-platform'], de.credentialShape)),
      clientExtensionResults: z.record(z.string().check(z.maxLength(40)), z.unknown()),
    },
    { error: de.credentialShape },
  );

const codeBody = () =>
  z.object(
    { code: z.string({ error: de.codeShape }).check(z.regex(/^\s*\d{6}\s*$/, de.codeShape)) },
    { error: httpMessages.badRequest },
  );

const recoveryBody = () =>
  z.object(
    {
      code: z
        .string({ error: de.recoveryShape })
        .check(
          z.minLength(20, de.recoveryShape),
          z.maxLength(40, de.recoveryShape),
          z.regex(/^[\w\s-]+$/, de.recoveryShape),
        ),
    },
    { error: httpMessages.badRequest },
  );

// ---- Routes ---------------------------------------------------------------------------------------

// Their own function groups: WebAuthn and TOTP (@simplewebauthn/server, otpauth) stay out of signing in.
// Registering a passkey (attestation checks) is a group of its own: the frequent sign-in leaves it out.
const common = { access: ['admin'], beforeSecondFactor: true } as const;

export const secondFactorStatus = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  method: 'GET',
  path: '/api/auth/second-factor',
  summary: "Whether the session has passed the office's second factor, and which factors the account has",
  entry: 'functions/http/handlers/second-factor-status.ts',
  get answers() {
    return { 200: z.lazy(secondFactorStatusSchema) };
  },
}));

export const passkeyRegistrationOptions = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'passkeyEnrolment',
  method: 'POST',
  path: '/api/auth/second-factor/passkeys/options',
  summary: 'Starts registering a passkey: the WebAuthn creation options with a fresh challenge (5 minutes)',
  entry: 'functions/http/handlers/passkey-registration-options.ts',
  get answers() {
    return { 200: z.lazy(registrationOptionsSchema) };
  },
}));

export const registerPasskey = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'passkeyEnrolment',
  method: 'POST',
  path: '/api/auth/second-factor/passkeys',
  summary:
    "Registers the browser's new passkey; the session passes, the first enrolment answers recovery codes",
  entry: 'functions/http/handlers/register-passkey.ts',
  get body() {
    return registrationBody();
  },
  get answers() {
    return { 201: z.lazy(secondFactorPassedSchema) };
  },
}));

export const passkeyChallenge = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  method: 'POST',
  path: '/api/auth/second-factor/passkey-challenge',
  summary: "Starts confirming a sign-in by passkey: the WebAuthn request options for the account's passkeys",
  entry: 'functions/http/handlers/passkey-challenge.ts',
  get answers() {
    return { 200: z.lazy(authenticationOptionsSchema) };
  },
}));

export const verifyPasskey = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  method: 'POST',
  path: '/api/auth/second-factor/passkey-assertion',
  summary: "Checks the passkey's signed challenge; the session passes the second factor",
  entry: 'functions/http/handlers/verify-passkey.ts',
  get body() {
    return authenticationBody();
  },
  get answers() {
    return { 200: z.lazy(secondFactorPassedSchema) };
  },
}));

export const setupTotp = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  method: 'POST',
  path: '/api/auth/second-factor/totp/setup',
  summary:
    'Starts setting up an authenticator app: a new TOTP secret (text and otpauth URI), valid 5 minutes',
  entry: 'functions/http/handlers/setup-totp.ts',
  get answers() {
    return { 200: z.lazy(totpSetupSchema) };
  },
}));

export const confirmTotp = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  method: 'POST',
  path: '/api/auth/second-factor/totp',
  summary:
    "Confirms the new TOTP secret with the app's first code; the session passes, the first enrolment answers recovery codes",
  entry: 'functions/http/handlers/confirm-totp.ts',
  get body() {
    return codeBody();
  },
  get answers() {
    return { 201: z.lazy(secondFactorPassedSchema) };
  },
}));

export const verifyTotp = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  method: 'POST',
  path: '/api/auth/second-factor/totp/verification',
  summary: 'Confirms the sign-in with a code from the authenticator app (each code once)',
  entry: 'functions/http/handlers/verify-totp.ts',
  get body() {
    return codeBody();
  },
  get answers() {
    return { 200: z.lazy(secondFactorPassedSchema) };
  },
}));

export const useRecoveryCode = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  method: 'POST',
  path: '/api/auth/second-factor/recovery',
  summary: 'Confirms the sign-in with a single-use recovery code; answers how many are left',
  entry: 'functions/http/handlers/use-recovery-code.ts',
  get body() {
    return recoveryBody();
  },
  get answers() {
    return { 200: z.lazy(secondFactorPassedSchema) };
  },
}));

export const renewRecoveryCodes = /* @__PURE__ */ route(() => ({
  ...common,
  group: 'secondFactor',
  beforeSecondFactor: false,
  method: 'POST',
  path: '/api/auth/second-factor/recovery-codes',
  summary: 'Replaces the recovery codes with ten new ones, shown this once (after the second factor)',
  entry: 'functions/http/handlers/renew-recovery-codes.ts',
  get answers() {
    return { 201: z.lazy(secondFactorPassedSchema) };
  },
}));
