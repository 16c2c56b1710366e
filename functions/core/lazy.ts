/**
 * A value made on first use, then kept. For what module scope would otherwise build at import:
 * the first Intl formatter of a process loads ICU's data (about 16 ms on Lambda-sized CPUs), which a
 * cold start should pay only when that request formats something.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
