import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readSettings, SettingsError } from '../../infra/aws/settings.ts';
import { Web } from '../../infra/aws/web.ts';
import { cdkJsonContext, makeWebDir } from './support.ts';

/*
 * The deployment settings come from the CDK context and are checked before anything is bundled,
 * so these tests synthesize nothing that takes long.
 */

const run = promisify(execFile);
const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const webAclArn =
  'arn:aws:wafv2:us-east-1:123456789012:global/webacl/votum-leine-weser/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
let webDir: string;
let outdir: string;

beforeAll(() => {
  webDir = makeWebDir();
  outdir = mkdtempSync(join(tmpdir(), 'votum-cdk-'));
});

afterAll(() => {
  rmSync(webDir, { recursive: true, force: true });
  rmSync(outdir, { recursive: true, force: true });
});

/** An app with cdk.json's context and more, writing into this file's temporary folder. */
const testApp = (context: Record<string, string> = {}) =>
  new App({ context: { ...cdkJsonContext(), ...context }, outdir });

function settingsError(context: Record<string, string>, options: { webDir?: string } = { webDir }): string {
  const app = testApp(context);
  try {
    readSettings(app.node, options);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('the deployment settings', () => {
  it('default to Leine-Weser, sending from the domain of the profile’s sender', () => {
    // Prepare
    const app = testApp();

    // Act
    const settings = readSettings(app.node, { webDir });

    // Assess
    expect(settings).toMatchObject({ mailDomain: 'arl-lw.example.org', webDir });
    expect(settings.profile.id).toBe('leine-weser');
    expect(settings.publicUrl).toBeUndefined();
  });

  it('refuse an unknown alliance, naming the known ones', () => {
    // Prepare
    const context = { alliance: 'nowhere' };

    // Act
    const message = settingsError(context);

    // Assess
    expect(message).toMatch(/Unknown alliance "nowhere"/);
    expect(message).toMatch(/leine-weser/);
    expect(message).toMatch(/-c alliance=/);
  });

  it('refuse a missing front-end build with one line naming the fix', () => {
    // Prepare
    const options = { webDir: 'web/no-such-build' };

    // Act
    const message = settingsError({}, options);

    // Assess
    expect(message).toBe('web/no-such-build is missing: run `npm run build` first');
  });

  it('refuse a public URL that is not an https origin, and a certificate without one', () => {
    // Prepare
    const plainHttp = { publicUrl: 'http://votum.example.org' };
    const withPath = { publicUrl: 'https://example.org/votum' };
    const certificateOnly = { certificateArn };
    const wrongRegion = {
      publicUrl: 'https://votum.example.org',
      certificateArn: certificateArn.replace('us-east-1', 'eu-central-1'),
    };

    // Act
    const messages = [plainHttp, withPath, certificateOnly, wrongRegion].map((context) =>
      settingsError(context),
    );

    // Assess
    expect(messages[0]).toMatch(/-c publicUrl: must be an https origin/);
    expect(messages[1]).toMatch(/-c publicUrl: must be an https origin/);
    expect(messages[2]).toMatch(/-c certificateArn needs -c publicUrl/);
    expect(messages[3]).toMatch(/-c certificateArn: .*us-east-1/);
  });

  it('take a CLOUDFRONT web ACL’s ARN and refuse anything else, naming the edge stack', () => {
    // Prepare
    const regional = webAclArn.replace('us-east-1:123456789012:global', 'eu-central-1:123456789012:regional');
    const app = testApp({ webAclArn });

    // Act
    const settings = readSettings(app.node, { webDir });
    const messages = [regional, 'arn:aws:wafv2:us-east-1:123456789012:global/ipset/x/1'].map((arn) =>
      settingsError({ webAclArn: arn }),
    );

    // Assess
    expect(settings.webAclArn).toBe(webAclArn);
    for (const message of messages) expect(message).toMatch(/-c webAclArn: .*Votum-<alliance>-Edge/);
  });

  it('move the sender into a mail domain that does not cover the profile’s, and refuse a sender outside the domain', () => {
    // Prepare
    const app = testApp({ mailDomain: 'votum.example.com' });
    const outside = { mailDomain: 'example.com', mailFrom: 'portal@example.org' };

    // Act
    const settings = readSettings(app.node, { webDir });
    const message = settingsError(outside);

    // Assess: the profile keeps its texts, the deployment says where mail comes from
    expect(settings).toMatchObject({ mailDomain: 'votum.example.com', mailFrom: 'votum@votum.example.com' });
    expect(settings.profile.mailFrom).toBe('votum@arl-lw.example.org');
    expect(message).toMatch(/-c mailFrom=portal@example.org is not in the mail domain example.com/);
  });

  it('accept a parent domain of the sender and a custom domain', () => {
    // Prepare
    const app = testApp({
      mailDomain: 'example.org',
      publicUrl: 'https://votum.example.org/',
      certificateArn,
    });

    // Act
    const settings = readSettings(app.node, { webDir });

    // Assess
    expect(settings).toMatchObject({
      mailDomain: 'example.org',
      publicUrl: 'https://votum.example.org',
      certificateArn,
    });
  });
});

describe('the CDK app entry (infra/aws/app.ts)', () => {
  it('stops with one line and exit code 1 on a wrong alliance', async () => {
    // Prepare
    const env = { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ alliance: 'nowhere' }) };

    // Act
    const result = await run(join(projectRoot, 'node_modules/.bin/tsx'), ['infra/aws/app.ts'], {
      cwd: projectRoot,
      env,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );

    // Assess
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^votum: Unknown alliance "nowhere"/),
    ]);
  });
});

describe('a custom domain', () => {
  it('puts the host name and its certificate (TLS 1.2 at least) on the distribution', () => {
    // Prepare
    const stack = new Stack(testApp(), 'WebOnly');

    // Act
    const web = new Web(stack, 'Web', {
      webDir,
      apiDomainName: 'abc123.execute-api.eu-central-1.amazonaws.com',
      publicUrl: 'https://votum.example.org',
      certificateArn,
    });

    // Assess
    expect(web.url).toBe('https://votum.example.org');
    Template.fromStack(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['votum.example.org'],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
  });
});

describe('a web ACL', () => {
  it('is put in front of the distribution when given, and missing it is a warning', () => {
    // Prepare
    const app = testApp();
    const guarded = new Stack(app, 'Guarded');
    const open = new Stack(app, 'Open');
    const props = { webDir, apiDomainName: 'abc123.execute-api.eu-central-1.amazonaws.com' };

    // Act
    new Web(guarded, 'Web', { ...props, webAclArn });
    new Web(open, 'Web', props);

    // Assess
    Template.fromStack(guarded).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { WebACLId: webAclArn },
    });
    expect(
      JSON.stringify(Template.fromStack(open).findResources('AWS::CloudFront::Distribution')),
    ).not.toContain('WebACLId');
    expect(Annotations.fromStack(guarded).findWarning('*', Match.stringLikeRegexp('No WAF'))).toEqual([]);
    expect(Annotations.fromStack(open).findWarning('*', Match.stringLikeRegexp('No WAF'))).toHaveLength(1);
  });
});
