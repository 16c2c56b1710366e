import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapping } from 'node:module';
import { fileURLToPath } from 'node:url';

/*
 * Stack traces of a bundled function name our sources (`functions/http/stack.ts:226:9`), as Node's
 * --enable-source-maps would, but the map is read when a stack is first formatted rather than at
 * every cold start: Node's flag reads and parses the map and measures every line of the bundle as
 * it loads it, 25–30 ms of each cold start (docs/benchmarks.md, the fifteenth pass), while a
 * stack is formatted only when an error is logged. Installed by the logger, in bundles only (run
 * from its sources, as in tests and `npm start`, a stack already names them).
 */

/** A bundle's source map, read on first use; null when it has none. */
const maps = new Map<string, SourceMap | null>();

function mapOf(fileName: string | undefined): SourceMap | null {
  if (!fileName?.startsWith('file:')) return null;
  let map = maps.get(fileName);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(fileName)}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(fileName, map);
  }
  return map;
}

/**
 * A map's source as the project names it (`functions/…`, `node_modules/…`): the map names it from
 * where the bundle was built (`../../functions/…`, or further up from CDK's staging folder).
 */
const shortSource = (source: string) =>
  /(?:^|\/)((?:functions|node_modules|\.build)\/.*)$/.exec(source)?.[1] ??
  source.replace(/^(?:\.\.?\/)+/, '');

/** The name a map gives at a generated position, if any (esbuild names renamed identifiers). */
const nameAt = (map: SourceMap, line: number | null, column: number | null) =>
  line && column ? (map.findEntry(line - 1, column - 1) as { name?: string }).name : undefined;

/** A frame as our source names it, or undefined where the bundle has no map for it. */
function mapped(frames: readonly NodeJS.CallSite[], i: number): string | undefined {
  const frame = frames[i] as NodeJS.CallSite;
  const file = frame.getFileName();
  const map = mapOf(file ?? undefined);
  const at =
    map &&
    (map.findEntry(
      (frame.getLineNumber() ?? 0) - 1,
      (frame.getColumnNumber() ?? 0) - 1,
    ) as Partial<SourceMapping>);
  if (!map || !at?.originalSource) return undefined;
  // The function's own name (the bundle's is minified): at its start, else where its caller called
  // it, as Node's --enable-source-maps looks for it.
  const caller = frames[i + 1];
  const name =
    nameAt(map, frame.getEnclosingLineNumber(), frame.getEnclosingColumnNumber()) ||
    (caller?.getFileName() === file && nameAt(map, caller.getLineNumber(), caller.getColumnNumber())) ||
    frame.getFunctionName() ||
    '<anonymous>';
  return `${frame.isAsync() ? 'async ' : ''}${name} (${shortSource(at.originalSource)}:${(at.originalLine ?? 0) + 1}:${(at.originalColumn ?? 0) + 1})`;
}

/** Formats stacks through the bundle's source map from now on; a frame it cannot map stays as V8 writes it. */
export function mapStackTraces(): void {
  Error.prepareStackTrace = (error, frames) =>
    [
      error,
      ...frames.map((frame, i) => {
        try {
          return `    at ${mapped(frames, i) ?? frame}`;
        } catch {
          return `    at ${frame}`;
        }
      }),
    ].join('\n');
}
