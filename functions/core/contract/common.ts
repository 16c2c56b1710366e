import * as z from 'zod/mini';
import { _coercedNumber, type $ZodNumberParams } from 'zod/v4/core';
import { paramLabels } from '../messages.de.ts';
import * as validation from '../validation-messages.de.ts';
import { voteParamLabels } from '../vote-texts/labels.de.ts';
import { built } from './route.ts';

/*
 * Schema pieces many routes share: ids in paths, dates, pages of a list. Ids are bounded in shape
 * and length so that no request reaches DynamoDB with a key it cannot hold (a 400 naming the field
 * instead of a 500).
 */

/** An id in a path or a body: letters, digits, `-` and `_`, at most 64 characters. */
export const id = (label: string) =>
  z
    .string({ error: validation.missing(label) })
    .check(
      z.minLength(1, validation.missing(label)),
      z.maxLength(64, validation.malformed(label)),
      z.regex(/^[\w-]+$/, validation.malformed(label)),
    );

/** The path of every route under /api/sketches/{id}. */
export const sketchParams = () => z.strictObject({ id: id(paramLabels.sketch) });

/** The path of every route under /api/admin/votes/{id} and /api/votes/{id}. */
export const voteParams = () => z.strictObject({ id: id(voteParamLabels.vote) });

/** An instant as ISO 8601 in UTC (what `Date.toISOString` writes). */
export const instant = /* @__PURE__ */ built(() =>
  /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)),
);

/** A calendar date, YYYY-MM-DD (Berlin). */
export const isoDate = /* @__PURE__ */ built(() =>
  /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
);

/** A page of a list; `cursor` asks for the next one. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.strictObject({ items: z.array(item), cursor: z.optional(z.string()) });

/** A list answered whole. */
export const list = <T extends z.ZodMiniType>(item: T) => z.strictObject({ items: z.array(item) });

/**
 * `z.coerce.number(params)`, built as z.coerce builds it: `z.coerce` is a namespace a bundle takes
 * whole (its bigint and date schemas too), this is the one function.
 */
export const coercedNumber = (params: string | $ZodNumberParams) =>
  _coercedNumber<z.ZodMiniNumber<unknown>>(z.ZodMiniNumber, params);

/**
 * The query of a paged list: how many (1–100, 50 unless asked) and where the last page stopped
 * (the store checks what a cursor holds).
 */
export const pageQuery = () => ({
  limit: z._default(
    coercedNumber({ error: validation.limitNotNumber }).check(
      z.multipleOf(1, validation.limitNotWhole),
      z.gte(1, validation.limitTooLow),
      z.lte(100, validation.limitTooHigh),
    ),
    50,
  ),
  cursor: z.optional(
    z.string().check(z.regex(/^[\w-]+$/, validation.cursor), z.maxLength(4000, validation.cursor)),
  ),
});
