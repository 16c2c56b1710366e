import { join } from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  runtimeCriteria,
  runtimeLegal,
  runtimeProfile,
  runtimeProse,
} from '../../functions/alliances/index.ts';
import { projectRoot } from './settings.ts';

/** The Lambda runtime of every votum function (DESIGN.md: Node 24). */
export const runtime = Runtime.NODEJS_24_X;
export const architecture = Architecture.ARM_64;

/**
 * The AWS SDK's credential providers for profiles, SSO, credential processes, web-identity token
 * files, and the container and instance metadata endpoints. The SDK's default credential chain
 * imports each with a dynamic `import()` only after the environment held no credentials; Lambda
 * always puts the function role's credentials there, so in Lambda these never load. Kept out of the
 * bundles, they take the SDK clients used only to fetch such credentials (STS, SSO, SSO-OIDC,
 * sign-in: about 95 KB minified) with them. Should one ever be imported, Node looks for it in
 * node_modules, which a deployed bundle has none of beside it. docs/benchmarks.md (`bundle.*`)
 * measures the effect; test/bench checks they stay lazy imports.
 */
export const lazyCredentialProviders = [
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
];

/** The module the bundles get for `node:http` (see there why), relative to the project root. */
export const nodeHttpShim = 'functions/platform/node-http.ts';

/** The module the bundles get for fontkit's Brotli (WOFF2 only; see there why), relative to the project root. */
export const noWoff2Shim = 'functions/documents/no-woff2.ts';

/**
 * The module the bundles get for @simplewebauthn/server's certificate libraries (see there why:
 * the portal refuses attestation certificates), relative to the project root, and those libraries.
 */
export const noCertificatesShim = 'functions/platform/no-certificates.ts';
export const certificateLibraries = [
  '@peculiar/x509',
  'reflect-metadata',
  '@peculiar/asn1-x509',
  '@peculiar/asn1-android',
  '@peculiar/asn1-rsa',
  '@peculiar/asn1-x509-post-quantum',
];

/**
 * How every handler is bundled: one minified ESM file with everything it runs in it (the AWS SDK too,
 * so the deployed code runs the versions package-lock.json pins; only the lazily imported credential
 * providers above stay out), built by the local esbuild, never Docker. ESM output needs a `require`
 * for the CommonJS parts of dependencies: the banner provides one. test/bench/bundles.ts builds the
 * benchmark's bundles from these same options.
 */
export const bundling = {
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // ASCII (esbuild's default): one non-ASCII character makes V8 hold the whole source as UTF-16 after
  // decoding it, ~5 ms more import for a few hundred bytes saved (docs/benchmarks.md, cold imports).
  charset: Charset.ASCII,
  bundleAwsSDK: true,
  externalModules: lazyCredentialProviders,
  // node:http through a CommonJS require: its ESM facade would load undici at every cold start.
  // Brotli without its dictionary: the PDF fonts are TrueType, never WOFF2 (render-documents only).
  // Passkeys without the certificate libraries: only attestation certificates need them.
  esbuildArgs: {
    '--alias': [
      `node:http=./${nodeHttpShim}`,
      `brotli/decompress.js=./${noWoff2Shim}`,
      ...certificateLibraries.map((library) => `${library}=./${noCertificatesShim}`),
    ],
  },
  forceDockerBundling: false,
  banner:
    "import{createRequire as __votumCreateRequire}from'node:module';const require=__votumCreateRequire(import.meta.url);",
} satisfies BundlingOptions;

/**
 * The bundling of one alliance's functions. Its profile is checked here, at synth (a bad profile
 * fails synth and the bench), and defined into the bundle as JSON without its `sources` (its legal
 * texts and its prose are defines of their own, for the few modules that read them);
 * `VOTUM_BUNDLED_ALLIANCE` makes the profile files, the profile's schema and its check dead code
 * (functions/alliances/index.ts): about 30 KB less in every function, and no check at cold start.
 */
export function bundlingFor(alliance: string) {
  return {
    ...bundling,
    define: {
      'process.env.VOTUM_BUNDLED_ALLIANCE': JSON.stringify(alliance),
      // A JSON text in a string literal: JSON.parse reads it faster than V8 reads an object literal.
      'process.env.VOTUM_BUNDLED_PROFILE': JSON.stringify(JSON.stringify(runtimeProfile(alliance))),
      // Named only by functions/alliances/legal.ts: only the profile route's bundles hold it.
      'process.env.VOTUM_BUNDLED_LEGAL': JSON.stringify(JSON.stringify(runtimeLegal(alliance))),
      // Named only by functions/alliances/prose.ts: only the submission's, the invitation's and the profile route's bundles hold it.
      'process.env.VOTUM_BUNDLED_PROSE': JSON.stringify(JSON.stringify(runtimeProse(alliance))),
      // Named only by functions/alliances/criteria.ts: the Votum's routes, the document job and the profile route.
      'process.env.VOTUM_BUNDLED_CRITERIA': JSON.stringify(JSON.stringify(runtimeCriteria(alliance))),
    },
  } satisfies BundlingOptions;
}

/**
 * The environment every function gets beside its own: Powertools' JSON logs at INFO. No
 * NODE_OPTIONS=--enable-source-maps: it cost every cold start 25–30 ms of reading the map; the
 * logger maps a stack through the bundle's map when one is formatted (functions/platform/stack-traces.ts).
 * Exported so the bench runs functions as deployed, reading these from here.
 */
export const deployedEnvironment = {
  POWERTOOLS_SERVICE_NAME: 'votum',
  POWERTOOLS_LOG_LEVEL: 'INFO',
} as const;

/** How long function logs are kept: long enough to look into an incident, short enough for GDPR. */
export const logRetention = RetentionDays.THREE_MONTHS;

export interface VotumFunctionProps {
  /** The handler module relative to the project root (a route's or job's `entry`); it exports `handler`. */
  entry: string;
  /** The alliance this deployment serves: only its profile is bundled. */
  alliance: string;
  description: string;
  environment: Record<string, string>;
  timeout: Duration;
}

/**
 * One bundled function with its own log group and its own role. The role may write to that log
 * group only (no AWSLambdaBasicExecutionRole, which allows every log group); everything else is
 * granted by the stack, per function.
 */
export class VotumFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: IRole;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: VotumFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `votum ${props.entry}`,
    });
    this.logGroup.grantWrite(role);
    this.role = role;
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(projectRoot, props.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime,
      architecture,
      memorySize: 1024,
      timeout: props.timeout,
      description: props.description,
      role,
      logGroup: this.logGroup,
      bundling: bundlingFor(props.alliance),
      environment: { ...deployedEnvironment, ...props.environment },
    });
  }
}
