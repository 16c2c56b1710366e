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
 * never wait for the code that fills them in. `idle`: only once the browser is idle after that;
 * `wait`: not yet (the state stays `loading` until a render without it).
 */
export function useChunk<T>(
  load: () => Promise<T>,
  options: { idle?: boolean; wait?: boolean } = {},
): Chunk<T> {
  const [chunk, setChunk] = useState<Chunk<T>>(() =>
    here.has(load) ? { state: 'loaded', module: here.get(load) as T } : { state: 'loading' },
  );
  const idle = options.idle === true;
  const wait = options.wait === true;
  useEffect(() => {
    if (here.has(load) || wait) return;
    let live = true;
    const start = () =>
      load().then(
        (module) => {
          here.set(load, module);
          // Rendered in a task of its own: evaluating a large chunk and drawing what it holds in one
          // go would keep a slow phone from answering input for that long.
          setTimeout(() => live && setChunk({ state: 'loaded', module }));
        },
        () => live && setChunk({ state: 'failed' }),
      );
    if (!idle) {
      start();
      return () => {
        live = false;
      };
    }
    // Once the page is drawn (the frame after it: the paint itself is shown by then) and the browser
    // has nothing else to do, a second at the latest: what this chunk fills in must not hold up the
    // page's first paint, nor the requests it waits for.
    const ask = () => live && void start();
    let idleHandle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      if (typeof requestIdleCallback === 'function') idleHandle = requestIdleCallback(ask, { timeout: 1000 });
      else timer = setTimeout(ask, 200);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      if (idleHandle !== undefined) cancelIdleCallback(idleHandle);
      clearTimeout(timer);
    };
  }, [load, idle, wait]);
  return chunk;
}
