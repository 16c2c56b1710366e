import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDateTime } from '../../../functions/mail/format.ts';
import { ApiError, api, isAbort, type SketchList, type SketchListItem } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { texts } from '../texts.de.ts';

type Listing =
  | { state: 'loading' }
  | { state: 'loaded'; items: SketchListItem[]; cursor?: string | undefined }
  | { state: 'signed-out' }
  | { state: 'forbidden' }
  | { state: 'failed'; message: string };

const pageUrl = (cursor?: string): `/api/${string}` =>
  `/api/admin/sketches?status=submitted${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

function classify(error: unknown): Listing {
  if (error instanceof ApiError && error.status === 401) return { state: 'signed-out' };
  if (error instanceof ApiError && error.status === 403) return { state: 'forbidden' };
  return { state: 'failed', message: (error as Error).message };
}

/** The office's console: submitted sketches, a page at a time. Loaded as its own chunk. */
export function Admin() {
  const { path } = useLocation();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  /** The row to focus after "Weitere laden", so keyboard users continue where the new rows begin. */
  const focusRow = useRef<string | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<SketchList>(pageUrl(), abort.signal)
      .then((page) => setListing({ state: 'loaded', items: page.items, cursor: page.cursor }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setListing(classify(error));
      });
    return () => abort.abort();
  }, []);

  useEffect(() => {
    if (!focusRow.current) return;
    document.getElementById(`row-${focusRow.current}`)?.focus();
    focusRow.current = undefined;
  });

  const loadMore = async () => {
    if (listing.state !== 'loaded' || !listing.cursor) return;
    setMoreBusy(true);
    setMoreError(undefined);
    try {
      const page = await api.get<SketchList>(pageUrl(listing.cursor));
      focusRow.current = page.items[0]?.id;
      setListing({ state: 'loaded', items: [...listing.items, ...page.items], cursor: page.cursor });
    } catch (error) {
      const next = classify(error);
      if (next.state === 'failed') setMoreError(next.message);
      else setListing(next);
    } finally {
      setMoreBusy(false);
    }
  };

  return (
    <Page title={texts.admin.title}>
      {listing.state === 'loading' ? (
        <p role="status">{texts.admin.loading}</p>
      ) : listing.state === 'signed-out' ? (
        <SignInPrompt path={path} />
      ) : listing.state === 'forbidden' ? (
        <div class="notice notice--error" role="alert">
          <p>{texts.admin.forbidden}</p>
        </div>
      ) : listing.state === 'failed' ? (
        <div class="notice notice--error" role="alert">
          <p>{listing.message}</p>
        </div>
      ) : (
        <>
          <p>{texts.admin.intro}</p>
          {listing.items.length === 0 ? (
            <p class="notice">{texts.admin.empty}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption>
                  {texts.admin.caption}
                  <span class="caption-count"> ({texts.admin.count(listing.items.length)})</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{texts.admin.columns.title}</th>
                    <th scope="col">{texts.admin.columns.organisation}</th>
                    <th scope="col">{texts.admin.columns.contact}</th>
                    <th scope="col">{texts.admin.columns.submittedAt}</th>
                  </tr>
                </thead>
                <tbody>
                  {listing.items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row">
                        <a id={`row-${item.id}`} href={`/skizzen/${encodeURIComponent(item.id)}`}>
                          {item.title}
                        </a>
                      </th>
                      <td>{item.organisation}</td>
                      <td>{item.contactName}</td>
                      <td>{item.submittedAt ? formatDateTime(item.submittedAt) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {moreError ? (
            <div class="notice notice--error" role="alert">
              <p>{moreError}</p>
            </div>
          ) : null}
          {listing.cursor ? (
            <button type="button" class="button button--quiet" onClick={loadMore} disabled={moreBusy}>
              {moreBusy ? texts.admin.loadingMore : texts.admin.more}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
