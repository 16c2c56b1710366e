import { useState } from 'preact/hooks';
import type { RouteId } from '../../../functions/core/contract/index.ts';
import { type AnswerOf, type CallArgs, call, href } from './api.ts';
import { classify, type Loaded, useLoad } from './loaded.ts';
import { kitTexts } from './texts.de.ts';

/*
 * A list read a page at a time (the route answers `items` and, when more follow, a `cursor`): the
 * first page with the page, each further one when asked for, the focus then on its first row.
 */

/** What a paged route answers. */
interface PageOf<T> {
  items: T[];
  cursor?: string | undefined;
}
/** A row of route `Id`'s page. */
type Item<Id extends RouteId> = AnswerOf<Id> extends PageOf<infer T> ? T : never;

/** What the button that loads the next page needs. */
export interface MoreControls {
  cursor: string | undefined;
  loadMore: () => Promise<void>;
  busy: boolean;
  error: string | undefined;
}

export interface Paged<Id extends RouteId> extends MoreControls {
  /** The first page as it loaded (signed out, refused, failed, loading). */
  first: Loaded<AnswerOf<Id>>;
  /** Every row loaded so far. */
  items: Item<Id>[];
}

/**
 * `usePaged('localSketches', { query: { section } }, (row) => `row-${row.id}`)`: `focusId` names the
 * element of a row that takes the focus when its page arrives.
 */
export function usePaged<Id extends RouteId>(
  id: Id,
  args: CallArgs<Id>,
  focusId: (item: Item<Id>) => string,
): Paged<Id> {
  const first = useLoad(id, args);
  const address = href(id, args);
  // The pages loaded after the first, for the address they continue (another list starts afresh).
  const [loadedMore, setMore] = useState<{
    address: string;
    items: Item<Id>[];
    cursor: string | undefined;
  }>();
  const more = loadedMore?.address === address ? loadedMore : undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const loaded = first.state === 'loaded' ? (first.data as PageOf<Item<Id>>) : undefined;
  const items = [...(loaded?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : loaded?.cursor;
  const loadMore = async () => {
    if (!cursor) return;
    setBusy(true);
    setError(undefined);
    try {
      const { query } = args as { query?: Record<string, unknown> };
      const page = (await call(id, { ...args, query: { ...query, cursor } } as CallArgs<Id>)) as PageOf<
        Item<Id>
      >;
      setMore({ address, items: [...(more?.items ?? []), ...page.items], cursor: page.cursor });
      const next = page.items[0];
      if (next) requestAnimationFrame(() => document.getElementById(focusId(next))?.focus());
    } catch (failure) {
      const state = classify(failure);
      setError(state.state === 'failed' ? state.message : kitTexts.moreFailed);
    } finally {
      setBusy(false);
    }
  };
  return { first, items, cursor, loadMore, busy, error };
}

/** The button that loads the next page (none on the last), and why the last try failed. */
export function MoreButton({ paged, label }: { paged: MoreControls; label: string }) {
  return (
    <>
      {paged.error ? (
        <div class="notice notice--error" role="alert">
          <p>{paged.error}</p>
        </div>
      ) : null}
      {paged.cursor ? (
        <button type="button" class="button button--quiet" onClick={paged.loadMore} disabled={paged.busy}>
          {paged.busy ? kitTexts.loadingMore : label}
        </button>
      ) : null}
    </>
  );
}
