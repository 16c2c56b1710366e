/*
 * The browser's globals as the functions that tests run inside a page (`page.evaluate`,
 * `waitForFunction`) use them. The test side is type-checked for Node, without the DOM library, so
 * such a function reaches them as `(globalThis as unknown as InPage)`: the cast is erased, and in the
 * page `globalThis` is the window. Only what the tests use is declared.
 */

export interface InPageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  matches(selector: string): boolean;
}

export interface InPageDocument {
  activeElement: InPageElement | null;
  /** The page's root: its scroll width says whether anything widens the page. */
  documentElement: { scrollWidth: number };
  addEventListener(
    type: 'keydown' | 'input',
    listener: (event: { timeStamp: number }) => void,
    capture: boolean,
  ): void;
}

interface EventTiming {
  name: string;
  duration: number;
  interactionId?: number;
}

export interface InPage {
  document: InPageDocument;
  getComputedStyle(element: unknown): { breakBefore: string };
  requestAnimationFrame(callback: () => void): number;
  PerformanceObserver: new (
    callback: (list: { getEntries(): EventTiming[] }) => void,
  ) => { observe(options: { type: 'event'; durationThreshold: number }): void };
}
