import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * German that users read lives in the `.de.ts` catalogues, so that the texts can be read, reviewed
 * and one day translated in one place. This test finds German in the string literals and JSX text
 * of every other source file: umlauts, German quotes, or words that only German sentences have.
 * Comments are skipped; addresses (`/skizzen/…`) and identifiers hold no such words.
 */

const root = join(import.meta.dirname, '../..');
const german = /[äöüÄÖÜß„“]|\b(Bitte|bitte|nicht|Skizze|und|der|die|das|ist|wird|Sie|Ihre?|eine?)\b/;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.de.ts')) yield path;
  }
}

/** Each German literal as `file:line: text`. */
function germanLiterals(file: string): string[] {
  // Block comments become blanks of the same lines, so line numbers stay right.
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const found: string[] = [];
  code.split('\n').forEach((line, i) => {
    const withoutComment = line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1');
    for (const match of withoutComment.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1|>([^<>{}]+)</g)) {
      const text = match[2] ?? match[3] ?? '';
      if (german.test(text)) found.push(`${relative(root, file)}:${i + 1}: ${text.trim().slice(0, 80)}`);
    }
  });
  return found;
}

describe('German texts', () => {
  it('live in the .de.ts catalogues, not in code', () => {
    // Act
    const found = ['functions', 'infra', 'web/src'].flatMap((dir) =>
      [...sources(join(root, dir))].flatMap(germanLiterals),
    );
    // Assess
    expect(found).toEqual([]);
  });

  it('are found by this test where they hide (the test can fail)', () => {
    // Prepare: a literal, a template and JSX text, as code would hold them
    const samples = [
      "throw new Error('Bitte angeben.')",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text holding a template
      'const t = `${x} ist zu groß`',
      '<p>Keine Anhänge</p>',
    ];
    // Act
    const hits = samples.filter((line) =>
      [...line.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1|>([^<>{}]+)</g)].some((m) =>
        german.test(m[2] ?? m[3] ?? ''),
      ),
    );
    // Assess
    expect(hits).toEqual(samples);
  });
});
