import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { type Route, routes } from '../../functions/core/contract/index.ts';

/*
 * What a handler's import of its route brings into a deployed bundle (functions/core/contract/route.ts):
 * that route and the schemas it parses with, not the other routes of its area, and no answer schema
 * (a function never checks its own answers). Bundled as infra/aws/functions.ts bundles, with the
 * define that marks a deployed bundle.
 */

const root = join(import.meta.dirname, '../..');
const areas = [
  'admins',
  'attachments',
  'auth',
  'budget',
  'followup',
  'local',
  'meeting-plans',
  'mfa',
  'notices',
  'privacy',
  'sketches',
  'trail',
  'votes',
] as const;

async function bundleOf(area: string, id: string) {
  const result = await build({
    stdin: {
      contents: `import { ${id} } from './functions/core/contract/${area}.ts'; console.log(${id});`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.VOTUM_BUNDLED_ALLIANCE': JSON.stringify('leine-weser') },
  });
  const text = result.outputFiles[0]?.text ?? '';
  const output = Object.values((result.metafile as Metafile).outputs)[0];
  const modules = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { text, modules };
}

describe('a route imported alone', () => {
  it.each(areas)('from contract/%s.ts brings no other route of its area', async (area) => {
    // Prepare
    const own = Object.entries(await import(`../../functions/core/contract/${area}.ts`)).filter(
      (entry): entry is [string, Route] =>
        typeof entry[1] === 'object' && entry[1] !== null && 'entry' in entry[1],
    );
    const [id, route] = own[0] as [string, Route];
    // Act
    const { text } = await bundleOf(area, id);
    // Assess
    expect(own.length).toBeGreaterThan(0);
    expect(text).toContain(route.entry);
    expect(own.filter(([, other]) => other.entry !== route.entry && text.includes(other.entry))).toEqual([]);
  });

  it('leaves its answer schemas out of a deployed bundle: no profile schema for the profile, no sketch schema for a local sketch', async () => {
    // Act
    const profile = await bundleOf('auth', 'getProfile');
    const localSketch = await bundleOf('local', 'localSketch');
    const vote = await bundleOf('votes', 'getVote');
    // Assess
    expect(routes.getProfile.answers[200]).toBeDefined();
    expect(profile.modules).not.toContain('functions/core/profile.ts');
    expect(localSketch.modules).not.toContain('functions/core/sketch-full.ts');
    // The vote's documents are built in vote-docs.ts's one builder; a seat's bounce reason is only there.
    expect(vote.text).toContain('handlers/get-vote.ts');
    expect(vote.text).not.toContain('complaint');
  });
});
