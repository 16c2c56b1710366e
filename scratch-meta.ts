import { build } from 'esbuild';
import { cdkBundling, esbuildOptions } from './test/bench/bundles.ts';
const { bundling } = await cdkBundling();
const entry = process.argv[2]!;
const r = await build({ ...esbuildOptions(bundling), entryPoints: [entry], outfile: '/tmp/meta-out/index.mjs', absWorkingDir: process.cwd() });
const out = Object.entries(r.metafile!.outputs).find(([f]) => !f.endsWith('.map'))![1];
const rows = Object.entries(out.inputs).map(([p, v]) => [v.bytesInOutput, p] as const).sort((a, b) => b[0] - a[0]);
let own = 0, zod = 0;
for (const [b, p] of rows) { if (!p.includes('node_modules')) own += b; if (p.includes('zod')) zod += b; }
console.log('total', out.bytes, 'own', own, 'zod', zod);
for (const [b, p] of rows) if (!p.includes('node_modules') || p.includes('zod')) console.log(b, p);
