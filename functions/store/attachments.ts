import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  type AllowedType,
  type AttachmentMeta,
  contentDisposition,
  downloadWindowSeconds,
  maxAttachmentBytes,
  pendingLifetimeSeconds,
  type UploadTicket,
  uploadWindowSeconds,
} from '../core/attachments.ts';
import type { SketchStatus } from '../core/lifecycle.ts';
import { compareText } from '../core/order.ts';
import { pendingUploadUntil } from '../core/retention.ts';
import { atLoad, documents, s3 } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { isConditionFailure } from './errors.ts';
import * as prefix from './key-prefixes.ts';
import * as keys from './keys.ts';
import { epochSeconds } from './keys.ts';
import { queryAll } from './query.ts';
import { dueIndex } from './retention.ts';

/*
 * Attachments: metadata in the table (SKETCH#<id> / ATTACHMENT#<id>), files in the attachments
 * bucket. The browser uploads to `pending/<sketch>/<attachment>` with a presigned POST; only after
 * its content passed the check is it copied to `sketches/<sketch>/<attachment>`, a key no browser
 * ever gets an upload policy for, so a checked file cannot be replaced afterwards. Leftovers under
 * `pending/` expire by the bucket's lifecycle rule, pending metadata by the table's TTL.
 */

const storage = /* @__PURE__ */ atLoad(s3);
const table = () => config().TABLE_NAME;
const bucket = () => config().ATTACHMENTS_BUCKET;

export const objectKeys = {
  pending: (sketchId: string, id: string) => `pending/${sketchId}/${id}`,
  stored: (sketchId: string, id: string) => `sketches/${sketchId}/${id}`,
};

/** Who owns a sketch and where it stands: just these two attributes, not the whole draft (up to 300 KB). */
export async function sketchAccess(
  sketchId: string,
): Promise<{ ownerEmail: string; status: SketchStatus } | undefined> {
  const { Item } = await documents().send(
    new GetCommand({
      TableName: table(),
      Key: keys.sketch(sketchId),
      ProjectionExpression: 'ownerEmail, #status',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  return Item as { ownerEmail: string; status: SketchStatus } | undefined;
}

function metaFields(item: Record<string, unknown>): AttachmentMeta {
  const { pk: _pk, sk: _sk, expiresAt: _ttl, gsi1pk: _g1, gsi1sk: _g1s, ...meta } = item;
  return meta as unknown as AttachmentMeta;
}

/** Every attachment of a sketch, pending ones included (one query on the sketch's partition). */
export async function listAttachments(sketchId: string): Promise<AttachmentMeta[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.sketch(sketchId).pk, ':prefix': prefix.attachment },
    ConsistentRead: true,
  });
  return items.map(metaFields).sort((a, b) => compareText(a.createdAt, b.createdAt));
}

export async function getAttachment(sketchId: string, id: string): Promise<AttachmentMeta | undefined> {
  const { Item } = await documents().send(
    new GetCommand({ TableName: table(), Key: keys.attachment(sketchId, id), ConsistentRead: true }),
  );
  return Item ? metaFields(Item) : undefined;
}

/** Stores a new pending attachment; the table's TTL removes it if its upload is never checked. */
export async function putPendingAttachment(meta: AttachmentMeta, now: Date): Promise<void> {
  const due = pendingUploadUntil(now.toISOString(), config().profile.retention);
  await documents().send(
    new PutCommand({
      TableName: table(),
      Item: {
        ...keys.attachment(meta.sketchId, meta.id),
        ...meta,
        // The retention job deletes the upload (object and metadata) when due; the TTL is the backstop.
        ...dueIndex(due, `upload#${meta.id}`),
        expiresAt: Math.max(epochSeconds(now) + pendingLifetimeSeconds, epochSeconds(due) + 86_400),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/**
 * Marks a pending attachment as checked, with what is really stored; false when it was not pending
 * any more (a second check raced this one and won).
 */
export async function markReady(
  meta: AttachmentMeta,
  stored: { size: number; contentType: AllowedType; checkedAt: string },
): Promise<boolean> {
  try {
    await documents().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.attachment(meta.sketchId, meta.id),
        UpdateExpression:
          'SET #status = :ready, #size = :size, contentType = :type, checkedAt = :at REMOVE expiresAt, gsi1pk, gsi1sk',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status', '#size': 'size' },
        ExpressionAttributeValues: {
          ':ready': 'ready',
          ':pending': 'pending',
          ':size': stored.size,
          ':type': stored.contentType,
          ':at': stored.checkedAt,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function deleteAttachmentItem(sketchId: string, id: string): Promise<void> {
  await documents().send(new DeleteCommand({ TableName: table(), Key: keys.attachment(sketchId, id) }));
}

/**
 * A presigned POST for exactly this key: S3 refuses the upload unless it is 1 byte to 10 MB and
 * carries exactly the declared Content-Type, within the upload window.
 */
export async function presignUpload(key: string, contentType: string): Promise<UploadTicket> {
  const { url, fields } = await createPresignedPost(storage(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [
      ['content-length-range', 1, maxAttachmentBytes],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: uploadWindowSeconds,
  });
  return { url, fields };
}

export interface UploadHead {
  /** The first bytes, at most `bytes` of them. */
  head: Uint8Array;
  /** The object's whole size. */
  size: number;
  etag: string | undefined;
}

const errorName = (error: unknown) => (error as { name?: unknown }).name;

/** Reads the first `bytes` of an upload (a ranged GET), its size and ETag; undefined when nothing is there. */
export async function readUploadHead(key: string, bytes: number): Promise<UploadHead | undefined> {
  try {
    const answer = await storage().send(
      new GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${bytes - 1}` }),
    );
    const head = (await answer.Body?.transformToByteArray()) ?? new Uint8Array();
    // "bytes 0-262143/1048576": the total after the slash; without a range answer the body is all of it.
    const total = /\/(\d+)$/.exec(answer.ContentRange ?? '')?.[1];
    return { head, size: total ? Number(total) : head.length, etag: answer.ETag };
  } catch (error) {
    if (errorName(error) === 'NoSuchKey') return undefined;
    // A range on an empty object is not satisfiable: the upload is there but has no bytes.
    if (errorName(error) === 'InvalidRange') return { head: new Uint8Array(), size: 0, etag: undefined };
    throw error;
  }
}

/**
 * Copies a checked upload to its final key, only if it is still the object that was checked
 * (CopySourceIfMatch; the local S3 server ignores that condition, so the copy's ETag is compared
 * too). False when it changed in between; the caller then throws both away.
 */
export async function promoteUpload(
  from: string,
  to: string,
  etag: string,
  contentType: AllowedType,
  fileName: string,
): Promise<boolean> {
  try {
    const answer = await storage().send(
      new CopyObjectCommand({
        Bucket: bucket(),
        Key: to,
        CopySource: `${bucket()}/${from}`,
        CopySourceIfMatch: etag,
        MetadataDirective: 'REPLACE',
        ContentType: contentType,
        ContentDisposition: contentDisposition(fileName),
      }),
    );
    return answer.CopyObjectResult?.ETag === etag;
  } catch (error) {
    if (errorName(error) === 'PreconditionFailed' || errorName(error) === 'NoSuchKey') return false;
    throw error;
  }
}

/** Removes objects; keys that are not there are no error (S3 answers 204 for them too). */
export async function deleteObjects(objectKeyList: string[]): Promise<void> {
  await Promise.all(
    objectKeyList.map((Key) => storage().send(new DeleteObjectCommand({ Bucket: bucket(), Key }))),
  );
}

/**
 * A short-lived link that downloads the file. Its name (Content-Disposition: attachment) and its
 * detected type were stored on the object when it was checked, so the link needs no overrides.
 */
export async function presignDownload(key: string): Promise<string> {
  return getSignedUrl(storage(), new GetObjectCommand({ Bucket: bucket(), Key: key }), {
    expiresIn: downloadWindowSeconds,
  });
}

/** A stored file's bytes (for the personal data export); undefined when it is not there. */
export async function readObject(key: string): Promise<Uint8Array | undefined> {
  try {
    const answer = await storage().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    return answer.Body ? await answer.Body.transformToByteArray() : undefined;
  } catch (error) {
    if (errorName(error) === 'NoSuchKey' || errorName(error) === 'NotFound') return undefined;
    throw error;
  }
}
