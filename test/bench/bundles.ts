import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { type GroupId, groupIds } from '../../functions/core/contract/groups.ts';
import { type RouteId, routes } from '../../functions/core/contract/index.ts';
import { jobs } from '../../functions/jobs/jobs.ts';
import { routesOf, writeGroupEntry } from '../../infra/aws/group-entry.ts';
import { type Row, row } from './results.ts';
import { functionName } from './scenarios.ts';

/*
 * bundle.<function> and bundle.unused-clients: every deployed function bundled as CDK bundles it
 * (the options are read from infra/aws/functions.ts): one per function group, from the entry
 * infra/aws/group-entry.ts writes for CDK (the group's handlers behind one middy stack), and one per
 * job. Next to each, a reference bundle built the same way from a generated entry that holds only
 * what the function cannot do without: the AWS clients (and their commands) found in the function's
 * bundle — for a group the union over its routes —, @middy/core with the middlewares the function's
 * stack uses, the Logger, zod/mini, and each library of `ReferenceLibraries` the function has
 * (idempotency, the passkey and TOTP libraries, fflate's unzip and zip, the S3 presigners, pdfkit). The
 * ratio then judges our own code and how much of each library we pull in; each row's note names the
 * heaviest of our own modules, so a miss is explained by where the bytes are.
 */

export interface ClientInBundle {
  /** The npm package, e.g. @aws-sdk/client-dynamodb. */
  pkg: string;
  /** The client class, e.g. DynamoDBClient. */
  className: string;
  /** The command classes present in the bundle. */
  commands: string[];
  /** Commands the client class brings itself (DynamoDB's endpoint discovery): not a use of the client. */
  ownCommands: string[];
}

export interface FunctionBundle {
  /**
   * The row's name: the group (`applicant`), a route alone with its group's stack
   * (`applicant.create-sketch`) or the job's module (`send-outbox`).
   */
  name: string;
  /** A route's bundle is built only for its bundle row: Lambda deploys the group's. */
  kind: 'group' | 'route' | 'job';
  /** The group's id, the route's id in the route table or the job's id in the job table. */
  id: string;
  /** The entry bundled: the generated group entry (for a route: with that route alone) or the job's module, relative to the project root. */
  entry: string;
  /** The routes the function serves (a group's, in the table's order); none for a job. */
  routes: RouteId[];
  file: string;
  bytes: number;
  referenceFile: string;
  referenceBytes: number;
  clients: ClientInBundle[];
  documentClient: boolean;
  /** Bytes per npm package (or "votum" for our own code), for saying where a bundle's weight is. */
  packages: Record<string, number>;
  /** Packages left out of the bundle (bundling.externalModules) that it imports at load: must be none. */
  staticExternals: string[];
  referencePackages: Record<string, number>;
  /** The library variants its reference was built with. */
  libraries: ReferenceLibraries;
  /** Our own modules (functions/…) in the bundle with their bytes in it, heaviest first. */
  own: { path: string; bytes: number }[];
  /** What pdfkit (with fontkit and what they bring) adds to the reference: its bytes less a reference without it. */
  pdfBytes?: number;
}

interface CdkBundling {
  format?: string;
  target?: string;
  mainFields?: string[];
  minify?: boolean;
  sourceMap?: boolean;
  sourcesContent?: boolean;
  charset?: string;
  bundleAwsSDK?: boolean;
  externalModules?: string[];
  banner?: string;
  footer?: string;
  define?: Record<string, string>;
  /** Extra esbuild arguments; `--alias` as `from=./path` or a list of them (relative to the project root) is understood. */
  esbuildArgs?: Record<string, string | boolean | string[]>;
  loader?: Record<string, string>;
  keepNames?: boolean;
}

const projectRoot = join(import.meta.dirname, '../..');

/** esbuild's `alias` from NodejsFunction's `esbuildArgs['--alias']` (`from=./path`, CDK runs esbuild in the project root). */
function aliasOf(args: CdkBundling['esbuildArgs']): Pick<BuildOptions, 'alias'> {
  const value = args?.['--alias'];
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (values.length === 0) return {};
  const alias: Record<string, string> = {};
  for (const item of values) {
    const [from = '', to = ''] = item.split('=');
    alias[from] = join(projectRoot, to);
  }
  return { alias };
}

/** What esbuild is told by NodejsFunction for these bundling props (aws-lambda-nodejs/lib/bundling.js). */
export function esbuildOptions(bundling: CdkBundling): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    target: bundling.target ?? 'node24',
    format: bundling.format === 'esm' ? 'esm' : 'cjs',
    minify: bundling.minify ?? false,
    ...(bundling.mainFields ? { mainFields: bundling.mainFields } : {}),
    ...(bundling.charset === 'utf8' ? { charset: 'utf8' as const } : {}),
    sourcemap: bundling.sourceMap ?? false,
    ...(bundling.sourcesContent === false ? { sourcesContent: false } : {}),
    external: bundling.externalModules ?? (bundling.bundleAwsSDK ? [] : ['@aws-sdk/*']),
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    ...(bundling.footer ? { footer: { js: bundling.footer } } : {}),
    ...(bundling.define ? { define: bundling.define } : {}),
    ...aliasOf(bundling.esbuildArgs),
    ...(bundling.keepNames ? { keepNames: true } : {}),
    ...(bundling.loader ? { loader: bundling.loader as BuildOptions['loader'] } : {}),
    metafile: true,
    logLevel: 'error',
  };
}

/** The copy used when infra/aws/functions.ts cannot be loaded (kept equal to it by hand). */
const fallbackBundling: CdkBundling = {
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  charset: 'ascii',
  bundleAwsSDK: true,
  externalModules: [
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-http',
    '@smithy/credential-provider-imds',
  ],
  esbuildArgs: {
    '--alias': [
      'node:http=./functions/platform/node-http.ts',
      'brotli/decompress.js=./functions/documents/no-woff2.ts',
      ...[
        '@peculiar/x509',
        'reflect-metadata',
        '@peculiar/asn1-x509',
        '@peculiar/asn1-android',
        '@peculiar/asn1-rsa',
        '@peculiar/asn1-x509-post-quantum',
      ].map((library) => `${library}=./functions/platform/no-certificates.ts`),
    ],
  },
  banner:
    "import{createRequire as __votumCreateRequire}from'node:module';const require=__votumCreateRequire(import.meta.url);",
};

/** The alliance the bench's local stack serves (test/bench/local.ts): bundles are built for it, as a deployment's are. */
const benchAlliance = 'leine-weser';

export async function cdkBundling(): Promise<{ bundling: CdkBundling; source: string }> {
  try {
    const { bundlingFor } = await import('../../infra/aws/functions.ts');
    return { bundling: bundlingFor(benchAlliance), source: 'infra/aws/functions.ts' };
  } catch (error) {
    const { runtimeCriteria, runtimeLegal, runtimeProfile, runtimeProse } = await import(
      '../../functions/alliances/index.ts'
    );
    return {
      bundling: {
        ...fallbackBundling,
        define: {
          'process.env.VOTUM_BUNDLED_ALLIANCE': JSON.stringify(benchAlliance),
          'process.env.VOTUM_BUNDLED_PROFILE': JSON.stringify(JSON.stringify(runtimeProfile(benchAlliance))),
          'process.env.VOTUM_BUNDLED_LEGAL': JSON.stringify(JSON.stringify(runtimeLegal(benchAlliance))),
          'process.env.VOTUM_BUNDLED_PROSE': JSON.stringify(JSON.stringify(runtimeProse(benchAlliance))),
          'process.env.VOTUM_BUNDLED_CRITERIA': JSON.stringify(
            JSON.stringify(runtimeCriteria(benchAlliance)),
          ),
        },
      },
      source: `a copy in test/bench/bundles.ts (infra/aws/functions.ts did not load: ${String(error).slice(0, 120)})`,
    };
  }
}

function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1] ?? 'votum';
}

function outputOf(metafile: Metafile): Metafile['outputs'][string] {
  const output = Object.entries(metafile.outputs).find(([file]) => !file.endsWith('.map'))?.[1];
  if (!output) throw new Error('esbuild wrote no bundle');
  return output;
}

/**
 * External packages the bundle imports when it loads, not lazily with `import()`: these would have to
 * be in the deployment package, and their weight would be missing from the figure. Node's own
 * modules do not count.
 */
function staticExternals(metafile: Metafile): string[] {
  const imports = outputOf(metafile).imports ?? [];
  return [
    ...new Set(
      imports
        .filter(
          (i) =>
            i.external &&
            i.kind !== 'dynamic-import' &&
            !i.path.startsWith('node:') &&
            !builtinModules.includes(i.path.split('/')[0] ?? ''),
        )
        .map((i) => i.path),
    ),
  ];
}

function packageBytes(metafile: Metafile): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(outputOf(metafile).inputs)) {
    const name = packageOf(input);
    bytes[name] = (bytes[name] ?? 0) + bytesInOutput;
  }
  return bytes;
}

/** The AWS clients whose code is in the bundle, and which of their commands. */
export function clientsIn(
  metafile: Metafile,
  root: string,
): { clients: ClientInBundle[]; documentClient: boolean } {
  const found = new Map<string, ClientInBundle>();
  let documentClient = false;
  for (const [input, { bytesInOutput }] of Object.entries(outputOf(metafile).inputs)) {
    if (bytesInOutput === 0) continue;
    if (/node_modules\/@aws-sdk\/lib-dynamodb\/.*DynamoDBDocumentClient\.js$/.test(input))
      documentClient = true;
    const match =
      /node_modules\/(@aws-sdk\/client-[\w-]+)\/dist-[^/]+\/(?:(\w+Client)\.js|commands\/(\w+Command)\.js)$/.exec(
        input,
      );
    if (!match) continue;
    const pkg = match[1] as string;
    const client = found.get(pkg) ?? {
      pkg,
      className: clientClass(pkg, root),
      commands: [],
      ownCommands: [],
    };
    if (match[3]) client.commands.push(match[3]);
    if (match[2]) {
      const imports = metafile.inputs[input]?.imports ?? [];
      for (const { path } of imports) {
        const command = /\/commands\/(\w+Command)\.js$/.exec(path)?.[1];
        if (command) client.ownCommands.push(command);
      }
    }
    found.set(pkg, client);
  }
  return { clients: [...found.values()].sort((a, b) => a.pkg.localeCompare(b.pkg)), documentClient };
}

function clientClass(pkg: string, root: string): string {
  const dir = join(root, 'node_modules', pkg, 'dist-es');
  const file = existsSync(dir) ? readdirSync(dir).find((f) => /^\w+Client\.js$/.test(f)) : undefined;
  if (!file) throw new Error(`cannot find the client class of ${pkg}`);
  return file.replace(/\.js$/, '');
}

/** The short name the replay uses for a client package (client-dynamodb → dynamodb). */
export const clientKey = (pkg: string) => pkg.replace('@aws-sdk/client-', '');

/**
 * The libraries a function cannot do without, as its metafile shows them: the reference takes each
 * the function has, in the same variant, and uses it (so nothing is shaken out), and makes at load
 * what the function makes at load. The ratio then judges our own code and how much of each library
 * we pull in, not whether a function needs a library at all.
 */
export interface ReferenceLibraries {
  /** The function's zod is zod/mini (every function's is): the reference imports `zod/mini` too. */
  zodMini: boolean;
  /** The function renders PDFs with pdfkit (render-documents): the reference makes one page with it. */
  pdf: boolean;
  /** Powertools idempotency with its DynamoDB store (routes marked `idempotent`): made at load, as the handler does. */
  idempotency: boolean;
  /** The middy middlewares of the function's stack (functions/http/stack.ts): used by the reference's middy too. */
  loggerMiddleware: boolean;
  securityHeaders: boolean;
  jsonBody: boolean;
  /** fflate's streaming Unzip over an upload's first bytes (the upload check, core/attachment-content.ts). */
  unzip: boolean;
  /** @simplewebauthn/server's functions the function imports (second factor), by name. */
  webauthn: string[];
  /** otpauth (TOTP, second factor). */
  otp: boolean;
  /** fflate's zipSync (a person's data export, app/privacy.ts). */
  zip: boolean;
  /** The S3 presigners: presigned POST (uploads) and presigned GET URLs (downloads). */
  presignedPost: boolean;
  presignedUrl: boolean;
}

/** @simplewebauthn/server's entry functions votum may use, each its own module in the package. */
const webauthnFunctions = [
  'generateRegistrationOptions',
  'verifyRegistrationResponse',
  'generateAuthenticationOptions',
  'verifyAuthenticationResponse',
] as const;

/** Which libraries, and which zod, are in a bundle, from its metafile. */
export function librariesIn(metafile: Metafile): ReferenceLibraries {
  const inputs = Object.entries(outputOf(metafile).inputs)
    .filter(([, i]) => i.bytesInOutput > 0)
    .map(([p]) => p);
  const has = (pattern: RegExp) => inputs.some((p) => pattern.test(p));
  return {
    zodMini: !has(/node_modules\/zod\/v4\/classic\//),
    pdf: has(/node_modules\/pdfkit\//),
    idempotency: has(/node_modules\/@aws-lambda-powertools\/idempotency\//),
    loggerMiddleware: has(/node_modules\/@aws-lambda-powertools\/logger\/lib\/esm\/middleware\//),
    securityHeaders: has(/node_modules\/@middy\/http-security-headers\//),
    jsonBody: has(/node_modules\/@middy\/http-json-body-parser\//),
    // fflate is one module for both: the module of ours that imports it tells which work it does.
    unzip: has(/node_modules\/fflate\//) && has(/^functions\/core\/attachment-content\.ts$/),
    webauthn: webauthnFunctions.filter((name) =>
      has(new RegExp(`node_modules/@simplewebauthn/server/.*/${name}\\.js$`)),
    ),
    otp: has(/node_modules\/otpauth\//),
    zip: has(/node_modules\/fflate\//) && has(/^functions\/app\/privacy\.ts$/),
    presignedPost: has(/node_modules\/@aws-sdk\/s3-presigned-post\//),
    presignedUrl: has(/node_modules\/@aws-sdk\/s3-request-presigner\//),
  };
}

/** No library beyond middy, the Logger and zod/mini. */
export const noLibraries: ReferenceLibraries = {
  zodMini: true,
  pdf: false,
  idempotency: false,
  loggerMiddleware: false,
  securityHeaders: false,
  jsonBody: false,
  unzip: false,
  webauthn: [],
  otp: false,
  zip: false,
  presignedPost: false,
  presignedUrl: false,
};

/**
 * The reference entry: the same AWS clients and commands, a DocumentClient when the function has
 * one, middy with the function's middlewares, the Logger, zod and every library of
 * `ReferenceLibraries` the function has, each used (so nothing is shaken out). Its handler replays a
 * list of raw SDK calls given in the event: the cold-start baseline makes exactly the calls the
 * route makes, and at load what the function makes at load (the idempotency store).
 */
export function referenceSource(
  clients: readonly ClientInBundle[],
  documentClient: boolean,
  libraries: ReferenceLibraries = noLibraries,
): string {
  const s3 = clients.find((c) => c.pkg === '@aws-sdk/client-s3');
  const presigns = libraries.presignedPost || libraries.presignedUrl;
  const lines = [
    "import middy from '@middy/core';",
    // DESIGN.md gives every function Powertools Logger (JSON logs without personal data), as it gives them middy.
    "import { Logger } from '@aws-lambda-powertools/logger';",
    ...(libraries.loggerMiddleware
      ? ["import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';"]
      : []),
    ...(libraries.securityHeaders ? ["import httpSecurityHeaders from '@middy/http-security-headers';"] : []),
    ...(libraries.jsonBody ? ["import httpJsonBodyParser from '@middy/http-json-body-parser';"] : []),
    // The variant the function uses: zod/mini's functional API is 55–65 KB lighter than classic zod.
    libraries.zodMini ? "import * as z from 'zod/mini';" : "import * as z from 'zod';",
    ...(libraries.pdf ? ["import PDFDocument from 'pdfkit';"] : []),
    ...(libraries.idempotency
      ? [
          "import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';",
          "import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';",
        ]
      : []),
    ...(libraries.unzip ? ["import { Unzip, UnzipInflate } from 'fflate';"] : []),
    ...(libraries.webauthn.length
      ? [`import { ${libraries.webauthn.join(', ')} } from '@simplewebauthn/server';`]
      : []),
    ...(libraries.otp ? ["import * as OTPAuth from 'otpauth';"] : []),
    ...(libraries.zip ? ["import { zipSync } from 'fflate';"] : []),
    ...(libraries.presignedPost ? ["import { createPresignedPost } from '@aws-sdk/s3-presigned-post';"] : []),
    ...(libraries.presignedUrl
      ? [
          "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';",
          "import { GetObjectCommand as PresignedGet } from '@aws-sdk/client-s3';",
        ]
      : []),
    ...(presigns && !s3 ? ["import { S3Client as PresignS3 } from '@aws-sdk/client-s3';"] : []),
    ...clients.map((c) => `import { ${[c.className, ...c.commands].join(', ')} } from '${c.pkg}';`),
  ];
  const dynamo = clients.find((c) => c.pkg === '@aws-sdk/client-dynamodb');
  if (documentClient && dynamo) lines.push("import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';");
  const options = (pkg: string) =>
    pkg === '@aws-sdk/client-dynamodb'
      ? '{ maxAttempts: 3 }'
      : pkg === '@aws-sdk/client-sesv2'
        ? '{ maxAttempts: 1 }'
        : pkg === '@aws-sdk/client-s3'
          ? '{ maxAttempts: 3, forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }'
          : '{}';
  const s3Client = s3 ? "clients['s3']" : 'new PresignS3({})';
  lines.push(
    '',
    `const clients = { ${clients.map((c) => `'${clientKey(c.pkg)}': new ${c.className}(${options(c.pkg)})`).join(', ')} };`,
    `const commands = { ${clients.map((c) => `'${clientKey(c.pkg)}': { ${c.commands.join(', ')} }`).join(', ')} };`,
    ...(documentClient && dynamo
      ? ["export const documents = DynamoDBDocumentClient.from(clients['dynamodb']);"]
      : []),
    'const replay = z.object({',
    '  calls: z.array(',
    "    z.object({ client: z.string(), command: z.string(), input: z.record(z.string(), z.unknown()), wave: z.number(), presign: z.optional(z.enum(['url', 'post'])) }),",
    '  ),',
    '});',
    ...(libraries.pdf
      ? [
          // The PDF library the document job needs, doing the job's layout its own way (test/bench/pdf-text.ts):
          // the lines the job drew, in its faces and sizes, through pdfkit's text flow (it measures the words,
          // wraps within the width, breaks pages), each a paragraph of the tagged structure.
          'export const pdf = (document) => new Promise((resolve) => {',
          "  const doc = new PDFDocument({ font: '', pdfVersion: '1.7', tagged: true, lang: 'de-DE', displayTitle: true, size: document?.page ?? 'A4', margins: document?.margins });",
          '  const chunks = [];',
          "  doc.on('data', (c) => chunks.push(c));",
          "  doc.on('end', () => resolve(Buffer.concat(chunks)));",
          "  const root = doc.struct('Document');",
          '  doc.addStructure(root);',
          '  if (!document) {',
          // No standard font (font: '' as the job has it): pdfkit reads those from files at run time, which a bundle has not; the job embeds its own.
          "    doc.rect(72, 72, 144, 12).fill('#000');",
          '  } else {',
          '    for (const [name, bytes] of Object.entries(document.fonts)) doc.registerFont(name, bytes);',
          '    const width = document.page[0] - document.margins.left - document.margins.right;',
          '    for (const line of document.lines) {',
          "      const p = doc.struct('P');",
          '      root.add(p);',
          "      p.add(doc.markStructureContent('P'));",
          '      doc.font(line.font).fontSize(line.size).text(line.text, { width });',
          '      doc.endMarkedContent();',
          '      p.end();',
          '    }',
          '  }',
          '  root.end();',
          '  doc.end();',
          '});',
        ]
      : []),
    ...(libraries.idempotency
      ? [
          '// As an idempotent route makes it at load (functions/http/handlers/create-sketch.ts): its config and store.',
          'const idempotency = new IdempotencyConfig({',
          "  eventKeyJmesPath: '[owner, key]',",
          "  payloadValidationJmesPath: 'draft',",
          '  expiresAfterSeconds: 86400,',
          '  throwOnNoIdempotencyKey: true,',
          '});',
          'export const idempotent = makeIdempotent(async (input) => input, {',
          '  persistenceStore: new DynamoDBPersistenceLayer({',
          "    tableName: process.env.TABLE_NAME ?? 'votum',",
          "    keyAttr: 'pk',",
          "    sortKeyAttr: 'sk',",
          "    staticPkValue: 'IDEMPOTENCY',",
          "    expiryAttr: 'expiresAt',",
          "    awsSdkV3Client: clients['dynamodb'],",
          '  }),',
          '  config: idempotency,',
          '});',
        ]
      : []),
    // The upload check's library work: the archive's first entry read and inflated (a PDF, PNG or JPEG has none).
    ...(libraries.unzip
      ? [
          'export const sniff = (bytes) => {',
          '  let first = true;',
          '  const unzip = new Unzip((file) => { if (first) { first = false; file.ondata = () => {}; file.start(); } });',
          '  unzip.register(UnzipInflate);',
          '  unzip.push(bytes, true);',
          '};',
        ]
      : []),
    ...(libraries.webauthn.length ? [`export const passkeys = { ${libraries.webauthn.join(', ')} };`] : []),
    ...(libraries.otp
      ? [
          "const totp = (label, secret) => new OTPAuth.TOTP({ issuer: 'votum', label, algorithm: 'SHA1', digits: 6, period: 30, secret });",
          // A new secret and its otpauth URI (setting up), a code checked against a stored secret (confirming, signing in).
          'export const totpSecret = (label) => totp(label, new OTPAuth.Secret({ size: 20 })).toString();',
          'export const totpCheck = (label, secret, token) => totp(label, OTPAuth.Secret.fromBase32(secret)).validate({ token, window: 1 });',
        ]
      : []),
    ...(libraries.zip ? ['export const zip = (files) => zipSync(files, { level: 6 });'] : []),
    ...(libraries.presignedPost
      ? [
          `export const presignPost = (Key) => createPresignedPost(${s3Client}, { Bucket: 'votum', Key, Conditions: [['content-length-range', 1, 1000]], Expires: 300 });`,
        ]
      : []),
    ...(libraries.presignedUrl
      ? [
          `export const presignGet = (Key) => getSignedUrl(${s3Client}, new PresignedGet({ Bucket: 'votum', Key }), { expiresIn: 300 });`,
        ]
      : []),
    "const logger = new Logger({ serviceName: 'votum' });",
    "// Sends the calls as the route did: a wave's calls together (the route's Promise.all), the waves in turn.",
    'export const handler = middy()',
    ...(libraries.loggerMiddleware ? ['  .use(injectLambdaContext(logger, { resetKeys: true }))'] : []),
    ...(libraries.securityHeaders ? ['  .use(httpSecurityHeaders())'] : []),
    // The replay's event has no body: the parser is used, as the function uses it, and lets it be.
    ...(libraries.jsonBody ? ['  .use(httpJsonBodyParser({ disableContentTypeError: true }))'] : []),
    '  .handler(async (event) => {',
    '  const { calls } = replay.parse(event);',
    // The document job renders in every run with work due (its cold run: one letter): so does its reference, the same lines.
    ...(libraries.pdf ? ['  await pdf(event.document);'] : []),
    "  logger.info('replay', { calls: calls.length });",
    '  const failed = [];',
    '  const ms = [];',
    // What the route asks of a library with this request beside its calls (a passkey's signature
    // checked, a TOTP code checked), asked the same (RouteCall.library in calls.ts).
    `  const library = { ${[
      ...(libraries.webauthn.length ? ['...passkeys'] : []),
      ...(libraries.otp ? ['totpSecret', 'totpCheck'] : []),
    ].join(', ')} };`,
    '  for (const work of event.library ?? []) {',
    '    const fn = library[work.fn];',
    "    if (!fn) failed.push('library ' + work.fn + ': not in the reference');",
    "    else await Promise.resolve().then(() => fn(...work.args)).then((r) => { if (r?.verified === false || r === null) failed.push('library ' + work.fn + ': not verified'); }, (e) => failed.push('library ' + work.fn + ' ' + e.message));",
    '  }',
    // What the route reads it checks (an upload's first bytes) or packs (the zip of a person's data): so does the reference, what its calls read.
    ...(libraries.unzip ? ['  const uploads = [];'] : []),
    ...(libraries.zip ? ['  const packed = {};'] : []),
    '  const send = async (call) => {',
    '    const started = performance.now();',
    '    if (call.presign) {',
    "      await (call.presign === 'post' ? presignPost(call.input.Key) : presignGet(call.input.Key));",
    '      ms.push(Math.round(performance.now() - started));',
    '      return;',
    '    }',
    '    const client = clients[call.client];',
    '    const Command = commands[call.client]?.[call.command];',
    "    if (!client || !Command) throw new Error('the reference bundle cannot send ' + call.client + ' ' + call.command);",
    '    try {',
    '      const output = await client.send(new Command(call.input));',
    '      const body = await output.Body?.transformToByteArray();',
    ...(libraries.unzip ? ['      if (body) uploads.push(body);'] : []),
    ...(libraries.zip
      ? [
          "      packed['call-' + Object.keys(packed).length] = body ?? new TextEncoder().encode(JSON.stringify({ ...output, $metadata: undefined }));",
        ]
      : []),
    '    } catch (error) {',
    "      failed.push(call.command + ' ' + error.name);",
    '    }',
    '    ms.push(Math.round(performance.now() - started));',
    '  };',
    '  for (let i = 0; i < calls.length; ) {',
    '    const wave = calls.filter((call) => call.wave === calls[i].wave);',
    '    await Promise.all(wave.map(send));',
    '    i += wave.length;',
    '  }',
    ...(libraries.unzip ? ['  for (const bytes of uploads) sniff(bytes);'] : []),
    ...(libraries.zip ? ['  if (Object.keys(packed).length) zip(packed);'] : []),
    '  return { statusCode: 200, body: JSON.stringify({ failed, ms }) };',
    '});',
    '',
  );
  return lines.join('\n');
}

/** KB as 1,000 bytes: the rows' values are bytes / 1000 (three decimals, so exact to the byte), the line is in bytes. */
const kb = (bytes: number) => bytes / 1000;
/** The size every deployed function must stay under, in bytes (issue 19, item 9). */
export const maxFunctionBytes = 500_000;

/** One esbuild run for many entries: esbuild reads each module once, and each output is the bundle a build of its entry alone makes (byte for byte). */
async function buildAll(
  options: BuildOptions,
  root: string,
  outDir: string,
  entries: Record<string, string>,
): Promise<Record<string, Metafile>> {
  const built = await build({
    ...options,
    // `<name>/index` → <outDir>/<name>/index.mjs, as `outfile` names it for one entry.
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, entry]) => [`${name}/index`, entry])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    absWorkingDir: root,
  });
  const metafile = built.metafile as Metafile;
  const byName: Record<string, Metafile> = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    const name = Object.keys(entries).find((n) => join(root, file) === join(outDir, n, 'index.mjs'));
    if (!name) throw new Error(`esbuild wrote ${file}, which no entry asked for`);
    // Each bundle's own view: its output alone, so the functions above read it as a one-entry build.
    byName[name] = { inputs: metafile.inputs, outputs: { [file]: output } };
  }
  const missing = Object.keys(entries).filter((name) => !byName[name]);
  if (missing.length) throw new Error(`esbuild wrote no bundle for ${missing.join(', ')}`);
  return byName;
}

/**
 * Builds every function and its reference, and each route of a group alone with its group's stack
 * and its own reference; answers the deployed functions' bundles (groups and jobs, for the cold and
 * sitting sections) and the bundle rows.
 */
export async function buildBundles(
  root: string,
  outDir: string,
): Promise<{ bundles: FunctionBundle[]; routeBundles: FunctionBundle[]; rows: Row[]; source: string }> {
  const { bundling, source } = await cdkBundling();
  const options = esbuildOptions(bundling);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The group entries as CDK bundles them (infra/aws/stack.ts), written here rather than into .build/.
  const entries = join(outDir, 'entries');
  const functions: Omit<
    FunctionBundle,
    | 'file'
    | 'bytes'
    | 'referenceFile'
    | 'referenceBytes'
    | 'clients'
    | 'documentClient'
    | 'packages'
    | 'staticExternals'
    | 'referencePackages'
    | 'libraries'
    | 'own'
  >[] = [
    ...groupIds.flatMap((group: GroupId) => [
      {
        id: group as string,
        name: group as string,
        kind: 'group' as const,
        entry: relative(root, writeGroupEntry(group, entries)),
        routes: routesOf(group),
      },
      // Each route alone behind the group's stack: its own code against its own clients and libraries.
      ...routesOf(group).map((route) => ({
        id: route as string,
        name: `${group}.${functionName(routes[route].entry)}`,
        kind: 'route' as const,
        entry: relative(root, writeGroupEntry(group, entries, route)),
        routes: [route],
      })),
    ]),
    ...Object.entries(jobs).map(([id, j]) => ({
      id,
      name: functionName(j.entry),
      kind: 'job' as const,
      entry: j.entry as string,
      routes: [],
    })),
  ];
  const names = functions.map((fn) => fn.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length) throw new Error(`two bundles would be named ${twice.join(', ')}`);
  const built = await buildAll(
    options,
    root,
    outDir,
    Object.fromEntries(functions.map((fn) => [fn.name, join(root, fn.entry)])),
  );
  // Each reference's source by the name it is built under; a route whose reference is one already
  // written (most routes need what others need) is judged against that build rather than another copy.
  const referenceSources = new Map<string, string>();
  const write = (name: string, source: string) => {
    const entry = join(outDir, name, 'entry.mjs');
    mkdirSync(dirname(entry), { recursive: true });
    writeFileSync(entry, source);
    referenceSources.set(name, entry);
  };
  const bySource = new Map<string, string>();
  const found = functions.map((fn) => {
    const metafile = built[fn.name] as Metafile;
    const { clients, documentClient } = clientsIn(metafile, root);
    const libraries = librariesIn(metafile);
    const source = referenceSource(clients, documentClient, libraries);
    const same = fn.kind === 'route' ? bySource.get(source) : undefined;
    const reference = same ?? `${fn.name}.reference`;
    if (!same) write(reference, source);
    if (!bySource.has(source)) bySource.set(source, reference);
    // For the PDF job, also its reference without pdfkit: the difference is what the library costs.
    if (libraries.pdf)
      write(
        `${fn.name}.reference-without-pdf`,
        referenceSource(clients, documentClient, { ...libraries, pdf: false }),
      );
    return { fn, metafile, reference, clients, documentClient, libraries };
  });
  const references = await buildAll(options, root, outDir, Object.fromEntries(referenceSources));
  const all: FunctionBundle[] = found.map(({ fn, metafile, clients, documentClient, libraries, ...rest }) => {
    const reference = references[rest.reference] as Metafile;
    const withoutPdf = references[`${fn.name}.reference-without-pdf`];
    return {
      ...fn,
      file: join(outDir, fn.name, 'index.mjs'),
      bytes: outputOf(metafile).bytes,
      referenceFile: join(outDir, rest.reference, 'index.mjs'),
      referenceBytes: outputOf(reference).bytes,
      clients,
      documentClient,
      packages: packageBytes(metafile),
      staticExternals: staticExternals(metafile),
      referencePackages: packageBytes(reference),
      libraries,
      own: ownModules(metafile),
      ...(withoutPdf ? { pdfBytes: outputOf(reference).bytes - outputOf(withoutPdf).bytes } : {}),
    };
  });
  return {
    bundles: all.filter((b) => b.kind !== 'route'),
    routeBundles: all.filter((b) => b.kind === 'route'),
    rows: bundleRows(all, root),
    source,
  };
}

function referenceWhat(b: FunctionBundle): string {
  const l = b.libraries;
  const middlewares = [
    ...(l.loggerMiddleware ? ['Logger'] : []),
    ...(l.securityHeaders ? ['security headers'] : []),
    ...(l.jsonBody ? ['JSON body'] : []),
  ];
  return [
    b.clients.length ? 'its clients' : 'no clients',
    ...(b.documentClient ? ['DocumentClient'] : []),
    middlewares.length ? `middy with its ${middlewares.join(', ')} middleware` : 'middy',
    'Powertools Logger',
    l.zodMini ? 'zod/mini' : 'zod',
    ...(l.idempotency ? ['Powertools idempotency (config and DynamoDB store made at load)'] : []),
    ...(l.unzip ? ['fflate Unzip'] : []),
    ...(l.webauthn.length ? [`@simplewebauthn/server (${l.webauthn.join(', ')})`] : []),
    ...(l.otp ? ['otpauth'] : []),
    ...(l.zip ? ['fflate zipSync'] : []),
    ...(l.presignedPost ? ['presigned POST'] : []),
    ...(l.presignedUrl ? ['presigned GET URL'] : []),
    ...(l.pdf ? ["pdfkit with fontkit (the job's lines on tagged pages)"] : []),
  ].join(', ');
}

/** Our own modules in a bundle, heaviest first: bytes each takes in the output. */
function ownModules(metafile: Metafile): { path: string; bytes: number }[] {
  return Object.entries(outputOf(metafile).inputs)
    .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && input.startsWith('functions/'))
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** The three heaviest of our own modules and what all of ours add up to, for explaining a miss. */
function heaviest(b: FunctionBundle): string {
  const total = b.own.reduce((sum, m) => sum + m.bytes, 0);
  const top = b.own
    .slice(0, 3)
    .map((m) => `${m.path.replace(/^functions\//, '')} ${(m.bytes / 1000).toFixed(1)}`)
    .join(', ');
  return `our code ${(total / 1000).toFixed(1)} KB in ${b.own.length} modules, heaviest ${top} KB`;
}

/** The packages that make a bundle heavier than its reference, largest first. */
function excess(bundle: FunctionBundle): string {
  const extra = Object.entries(bundle.packages)
    .map(([pkg, bytes]) => [pkg, bytes - (bundle.referencePackages[pkg] ?? 0)] as const)
    .filter(([, bytes]) => bytes > 2000)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([pkg, bytes]) => `${pkg} +${Math.round(kb(bytes))} KB`);
  return extra.length ? `more than the reference: ${extra.join(', ')}` : 'nothing beyond the reference';
}

/** What the PDF library costs the document job, and why it has it. */
function pdfCost(b: FunctionBundle): string {
  return `pdfkit with fontkit costs ${b.pdfBytes ?? 0} bytes of its reference (over 500 KB with it): the job renders the letters, minutes and circulation records as tagged PDF/UA with embedded fonts (BITV 2.0, docs/architecture.md "Documents"), off every request's path`;
}

/** The libraries a route's reference holds beyond middy, the Logger and zod/mini, for its row's short note. */
function librariesWhat(b: FunctionBundle): string {
  const l = b.libraries;
  const names = [
    ...(l.idempotency ? ['idempotency'] : []),
    ...(l.unzip ? ['fflate Unzip'] : []),
    ...(l.webauthn.length ? [`@simplewebauthn/server (${l.webauthn.length})`] : []),
    ...(l.otp ? ['otpauth'] : []),
    ...(l.zip ? ['fflate'] : []),
    ...(l.presignedPost ? ['presigned POST'] : []),
    ...(l.presignedUrl ? ['presigned GET'] : []),
    ...(l.pdf ? ['pdfkit'] : []),
  ];
  return names.length ? names.join(', ') : 'no library';
}

/** The ratio a route or job is judged by: its code against what it cannot do without. */
export const maxReferenceRatio = 1.15;

/*
 * A group's row is judged by the issue's 500 KB: its reference holds its clients and libraries, not
 * its routes' code, so the group's ratio grows with every route it serves and is only reported. Each
 * route is judged alone (bundle.<group>.<route>), against its own reference; each job as before.
 */
function bundleRows(bundles: readonly FunctionBundle[], root: string): Row[] {
  const rows = bundles.map((b) => {
    const ratio = b.bytes / b.referenceBytes;
    const externals = b.staticExternals.length
      ? `; IMPORTS AT LOAD what the bundle leaves out: ${b.staticExternals.join(', ')}`
      : '';
    const clients = `clients: ${b.clients.map((c) => c.className).join(', ') || 'none'}`;
    if (b.kind === 'group')
      return row({
        name: `bundle.${b.name}`,
        unit: 'KB',
        value: kb(b.bytes),
        baseline: null,
        target: '≤ 500 KB (500,000 bytes)',
        pass: b.bytes <= maxFunctionBytes && b.staticExternals.length === 0,
        note: `${b.bytes} bytes, ${ratio.toFixed(3)} × its reference's ${b.referenceBytes} (reported, not judged: its routes are judged one by one; reference: ${referenceWhat(b)}); ${relative(root, b.file)} (${b.routes.length} routes); ${clients}; ${excess(b)}; ${heaviest(b)}${externals}`,
      });
    const pass = ratio <= maxReferenceRatio && b.staticExternals.length === 0;
    if (b.kind === 'route')
      return row({
        name: `bundle.${b.name}`,
        unit: 'KB',
        value: kb(b.bytes),
        baseline: kb(b.referenceBytes),
        target: `≤ ${maxReferenceRatio} × reference`,
        pass,
        note: `${b.bytes} bytes against ${b.referenceBytes}, the route alone behind its group's stack (reference: ${b.clients.map((c) => c.className).join(', ') || 'no clients'}; ${librariesWhat(b)}); ${excess(b)}; ${heaviest(b)}${externals}`,
      });
    return row({
      name: `bundle.${b.name}`,
      unit: 'KB',
      value: kb(b.bytes),
      baseline: kb(b.referenceBytes),
      target: `≤ ${maxReferenceRatio} × reference`,
      pass,
      note: `${b.bytes} bytes against ${b.referenceBytes} (reference: ${referenceWhat(b)}); ${relative(root, b.file)}; ${clients}; ${excess(b)}; ${heaviest(b)}${b.libraries.pdf ? `; ${pdfCost(b)}` : ''}${externals}`,
    });
  });
  // The deployed functions: a route's bundle holds a subset of its group's clients.
  const deployed = bundles.filter((b) => b.kind !== 'route');
  const unused = deployed.flatMap((b) =>
    b.clients
      .filter((c) => c.commands.every((command) => c.ownCommands.includes(command)))
      .map((c) => `${b.name}: ${c.className}`),
  );
  rows.push(
    row({
      name: 'bundle.unused-clients',
      unit: 'clients',
      value: unused.length,
      baseline: null,
      target: '0',
      pass: unused.length === 0,
      note: unused.length
        ? `bundled without any of their commands: ${unused.join(', ')}`
        : `every bundled client has commands in its bundle (${deployed.length} functions)`,
    }),
  );
  return rows;
}
