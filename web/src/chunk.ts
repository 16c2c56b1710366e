import { useEffect, useState } from 'preact/hooks';

export type Chunk<T> = { state: 'loading' } | { state: 'loaded'; module: T } | { state: 'failed' };

/** Modules already here, by their loader: shown again without a moment of "loading". */
const here = new Map<() => Promise<unknown>, unknown>();

/** Starts loading a chunk a person is likely to need soon (a failure is shown only where it is used). */
export function preload<T>(load: () => Promise<T>): void {
  if (here.has(load)) return;
  load().then(
    (module) => here.set(load, module),
    () => undefined,
  );
}

/**
 * Loads a part of a page's code (`load` is a module-level function, one per chunk). Asked for in an
 * effect, i.e. after the page around it has been painted: the heading and frame a person sees first
 * never wait for the code that fills them in.
 */
export function useChunk<T>(load: () => Promise<T>): Chunk<T> {
  const [chunk, setChunk] = useState<Chunk<T>>(() =>
    here.has(load) ? { state: 'loaded', module: here.get(load) as T } : { state: 'loading' },
  );
  useEffect(() => {
    if (here.has(load)) return;
    let live = true;
    load().then(
      (module) => {
        here.set(load, module);
        // Rendered in a task of its own: evaluating a large chunk and drawing what it holds in one
        // go would keep a slow phone from answering input for that long.
        setTimeout(() => live && setChunk({ state: 'loaded', module }));
      },
      () => live && setChunk({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return chunk;
}
