import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { followUpDoc } from '../functions/core/contract/followup-answers.ts';
import { routes } from '../functions/core/contract/index.ts';
import { openApiDocument, votumApi } from '../functions/core/contract/openapi.ts';
import { sketchDoc } from '../functions/core/contract/sketch-docs.ts';
import { voteDoc, voteSummary } from '../functions/core/contract/vote-docs.ts';
import pkg from '../package.json' with { type: 'json' };

/*
 * `npm run openapi`: writes the route table's OpenAPI document to docs/openapi.json (the script then
 * formats it with Biome). A unit test fails while the file differs from the table.
 */
export const votumOpenApi = () =>
  openApiDocument(
    routes,
    { ...votumApi, version: pkg.version },
    // The answers several routes give, each written once (without them the file passed 1 MB).
    { SketchDoc: sketchDoc, VoteDoc: voteDoc, VoteSummary: voteSummary, FollowUpDoc: followUpDoc },
  );

if (import.meta.main) {
  const file = join(import.meta.dirname, '../docs/openapi.json');
  writeFileSync(file, `${JSON.stringify(votumOpenApi(), null, 2)}\n`);
  console.log(`votum: wrote ${file}`);
}
