/*
 * Replayed calls as JSON, their bytes kept. No imports: the cold-start child (cold-child.ts) reads
 * its event with this before it imports the bundle it times.
 */

/**
 * JSON of replayed calls with their bytes kept (a PDF in a DynamoDB item, a mail's attachment):
 * `{ "$bytes": base64 }` where the call had a Uint8Array, which plain JSON would turn into an object
 * of numbered keys that DynamoDB stores as a map and SES refuses. `bytesFromJson` turns them
 * back: in the bench's process (`freshen`) and in the cold-start child, which reads the events.
 */
export function replayJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const original = this[key];
    return original instanceof Uint8Array ? { $bytes: Buffer.from(original).toString('base64') } : replaced;
  });
}

export function bytesFromJson(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && typeof (value as { $bytes?: unknown }).$bytes === 'string'
    ? Buffer.from((value as { $bytes: string }).$bytes, 'base64')
    : value;
}
