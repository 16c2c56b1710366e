import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents, dynamo } from '../platform/clients.ts';
import { config } from '../platform/config.ts';
import { answerIndex, answerOwner } from './answer-owners.ts';
import * as keys from './keys.ts';

/*
 * The stored answers of the sketch requests (create, submit): Powertools idempotency records in one
 * partition (`idempotency#sketch-requests`), keyed as Powertools keys them, so a retry of a request
 * made by any version finds its record. The answer holds the applicant's data, so each answered
 * record is also in gsi2 under its owner's keyed hash: an erasure reads only that person's.
 */

/** Where Powertools keeps what it stores (its defaults, but for the expiry: the table's TTL attribute). */
const attr = { expiry: 'expiresAt', status: 'status', data: 'data', validation: 'validation' } as const;

/**
 * Powertools' DynamoDB layer, but the write that stores the answer (`_updateRecord`, called once
 * the request succeeded) also sets the record's gsi2 entry for the answer's owner. Powertools has
 * no option for extra attributes, and its fields (client, attribute names) are private: so this
 * override writes what Powertools 2.x's `_updateRecord` writes (expiry, status, answer, payload
 * hash), plus the entry, in the same one UpdateItem. The in-progress put stays Powertools' own: it
 * holds no answer (nothing personal) and expires within minutes when its request dies.
 */
class SketchRequestsPersistence extends DynamoDBPersistenceLayer {
  /** The table Powertools writes to (its own field is private). */
  private readonly table: string;
  constructor(table: string) {
    super({
      tableName: table,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: keys.idempotentSketchRequests,
      expiryAttr: attr.expiry,
      statusAttr: attr.status,
      dataAttr: attr.data,
      validationKeyAttr: attr.validation,
      awsSdkV3Client: dynamo(),
    });
    this.table = table;
  }

  protected override async _updateRecord(record: IdempotencyRecord): Promise<void> {
    const key = this.getKey(record.idempotencyKey);
    const sk = key.sk?.S ?? record.idempotencyKey;
    const names: Record<string, string> = { '#expiry': attr.expiry, '#status': attr.status };
    const values: Record<string, unknown> = {
      ':expiry': record.expiryTimestamp,
      ':status': record.getStatus(),
    };
    const set = ['#expiry = :expiry', '#status = :status'];
    if (record.responseData !== undefined) {
      set.push('#data = :data');
      names['#data'] = attr.data;
      values[':data'] = record.responseData;
      const owner = answerOwner(record.responseData);
      if (owner) {
        const index = await answerIndex(owner, sk);
        set.push('gsi2pk = :gsi2pk', 'gsi2sk = :gsi2sk');
        values[':gsi2pk'] = index.gsi2pk;
        values[':gsi2sk'] = index.gsi2sk;
      }
    }
    if (this.isPayloadValidationEnabled()) {
      set.push('#validation = :validation');
      names['#validation'] = attr.validation;
      values[':validation'] = record.payloadHash;
    }
    await documents().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: keys.idempotentSketchRequests, sk },
        UpdateExpression: `SET ${set.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }
}

/** The persistence of both sketch requests' idempotency (one partition, answers indexed by owner). */
export function sketchRequestsPersistence(): DynamoDBPersistenceLayer {
  return new SketchRequestsPersistence(config().TABLE_NAME);
}
