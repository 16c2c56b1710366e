import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDateTime } from '../../../functions/core/dates.ts';
import { sketchStatuses } from '../../../functions/core/lifecycle.ts';
import { de } from '../../../functions/core/messages.de.ts';
import { formatEuro } from '../../../functions/core/money.ts';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { type AnswerOf, ApiError, type CallArgs, call, isAbort } from '../lib/api.ts';
import { useNames } from '../names.ts';
import { useProfile } from '../profile.ts';
import { sketchStatusText } from '../status.ts';
import { listAddress, type PublicProfile, subRegionName } from './admin/shared.ts';
import { adminTexts } from './admin/texts.de.ts';
import { OfficeNav } from './votes/OfficeNav.tsx';

const t = adminTexts.list;

type ListedSketch = AnswerOf<'listSketches'>['items'][number];

type Listing =
  | { state: 'loading' }
  | { state: 'loaded'; key: string; items: ListedSketch[]; cursor?: string | undefined }
  | { state: 'signed-out' }
  | { state: 'forbidden' }
  | { state: 'failed'; message: string };

/** The list's filters, as the page's address carries them (German names: the address is bookmarked). */
interface Filters {
  status: FilterStatus | '';
  subRegion: string;
  priority: string;
}

/**
 * Drafts are the applicants' own business: the office filters what was submitted at least once,
 * and the sketches it gave back for revision (drafts again until resubmitted).
 */
const filterStatuses = [...sketchStatuses.filter((status) => status !== 'draft'), 'returned'] as const;
type FilterStatus = (typeof filterStatuses)[number];
const statusName = (status: FilterStatus) => (status === 'returned' ? t.returned : de.status[status]);

function filtersOf(query: Record<string, string>): Filters {
  const status = query.status ?? '';
  return {
    status: (filterStatuses as readonly string[]).includes(status) ? (status as FilterStatus) : '',
    subRegion: query.teilraum ?? '',
    priority: query.schwerpunkt ?? '',
  };
}

function pageAddress(filters: Filters): string {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.subRegion) query.set('teilraum', filters.subRegion);
  if (filters.priority) query.set('schwerpunkt', filters.priority);
  const search = query.toString();
  return search ? `/verwaltung?${search}` : '/verwaltung';
}

/** The list's query for the API: what is empty is left out. */
const listArgs = (filters: Filters, cursor?: string): CallArgs<'listSketches'> => ({
  query: {
    status: filters.status || undefined,
    subRegion: filters.subRegion || undefined,
    priority: filters.priority || undefined,
    cursor,
  },
});

function classify(error: unknown): Listing {
  if (error instanceof ApiError && error.status === 401) return { state: 'signed-out' };
  if (error instanceof ApiError && error.status === 403) return { state: 'forbidden' };
  return { state: 'failed', message: (error as Error).message };
}

const priorityLabel = (profile: PublicProfile, id: string) => {
  const priority = profile.priorities.find((p) => p.id === id);
  return priority ? `${priority.id}: ${priority.name}` : id;
};

/** The filter form. Filters apply on "Filter anwenden" only: a select never reloads the page by itself. */
function FilterForm({
  initial,
  profile,
  onApply,
}: {
  initial: Filters;
  profile: PublicProfile | undefined;
  onApply: (filters: Filters) => void;
}) {
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof Filters) => (event: Event) =>
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLSelectElement).value });
  return (
    <form
      class="filters panel"
      aria-labelledby="filter-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(filters);
      }}
    >
      <h2 id="filter-heading">{t.filterHeading}</h2>
      <div class="filters__fields">
        <div class="field">
          <label for="filter-status">{t.status}</label>
          <select id="filter-status" class="input" value={filters.status} onChange={set('status')}>
            <option value="">{t.allStatuses}</option>
            {filterStatuses.map((status) => (
              <option key={status} value={status}>
                {statusName(status)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-sub-region">{t.subRegion}</label>
          <select id="filter-sub-region" class="input" value={filters.subRegion} onChange={set('subRegion')}>
            <option value="">{t.allSubRegions}</option>
            {profile?.subRegions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
            {/* A bookmarked value the profile no longer knows stays visible rather than silently dropped. */}
            {profile && filters.subRegion && !profile.subRegions.some((r) => r.id === filters.subRegion) ? (
              <option value={filters.subRegion}>{filters.subRegion}</option>
            ) : null}
          </select>
        </div>
        <div class="field">
          <label for="filter-priority">{t.priority}</label>
          <select id="filter-priority" class="input" value={filters.priority} onChange={set('priority')}>
            <option value="">{t.allPriorities}</option>
            {profile?.priorities.map((priority) => (
              <option key={priority.id} value={priority.id}>
                {priorityLabel(profile, priority.id)}
              </option>
            ))}
            {profile && filters.priority && !profile.priorities.some((p) => p.id === filters.priority) ? (
              <option value={filters.priority}>{filters.priority}</option>
            ) : null}
          </select>
        </div>
      </div>
      <p class="actions">
        <button type="submit" class="button">
          {t.apply}
        </button>
        <a class="button button--quiet" href="/verwaltung">
          {t.reset}
        </a>
      </p>
    </form>
  );
}

function describeFilters(filters: Filters, profile: PublicProfile | undefined): string[] {
  const parts: string[] = [];
  if (filters.status) parts.push(t.filtered.status(statusName(filters.status)));
  if (filters.subRegion) parts.push(t.filtered.subRegion(subRegionName(profile, filters.subRegion)));
  if (filters.priority) parts.push(t.filtered.priority(filters.priority));
  return parts;
}

function SketchTable({ items, profile }: { items: ListedSketch[]; profile: PublicProfile | undefined }) {
  const c = t.columns;
  // The statements' column only where the profile has the local step.
  const local = profile?.localStatements.required ?? false;
  return (
    <div class="table-wrap">
      <table class="sketch-table">
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.title}</th>
            <th scope="col">{c.organisation}</th>
            <th scope="col">{c.subRegions}</th>
            <th scope="col" class="num">
              {c.cost}
            </th>
            <th scope="col">{c.status}</th>
            {local ? <th scope="col">{c.statements}</th> : null}
            <th scope="col" class="num">
              {c.submissions}
            </th>
            <th scope="col">{c.submittedAt}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <a id={`row-${item.id}`} href={`/verwaltung/skizzen/${encodeURIComponent(item.id)}`}>
                  {item.title}
                </a>
              </th>
              <td>{item.organisation || t.none}</td>
              <td>
                {item.subRegionIds.length
                  ? item.subRegionIds.map((id) => subRegionName(profile, id)).join(', ')
                  : t.none}
              </td>
              <td class="num">{formatEuro(item.costCents)}</td>
              <td>{item.returned ? t.returned : sketchStatusText(item)}</td>
              {local ? (
                <td>
                  {item.statementsMissing.length
                    ? t.statementsMissing(item.statementsMissing.length)
                    : t.statementsComplete}
                </td>
              ) : null}
              <td class="num">{item.submissions}</td>
              <td>{item.submittedAt ? formatDateTime(item.submittedAt) : t.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The office's console: sketches by status, sub-region and priority, a page at a time. Its own chunk. */
export function Admin() {
  const { path, query, url, route } = useLocation();
  const filters = filtersOf(query);
  const filterKey = pageAddress(filters);
  listAddress.current = filterKey;
  const profileState = useProfile();
  const names = useNames();
  const profile = profileState.state === 'loaded' ? profileState.profile : undefined;
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<string>();
  /** The row to focus after "Weitere laden", so keyboard users continue where the new rows begin. */
  const focusRow = useRef<string | undefined>(undefined);
  /** Set by "Filter anwenden" to the list it asked for: once that list is there, focus moves to its summary. */
  const focusSummary = useRef<string | undefined>(undefined);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setListing({ state: 'loading' });
    setMoreError(undefined);
    call('listSketches', listArgs(filters), { signal: abort.signal })
      .then((page) => setListing({ state: 'loaded', key: filterKey, items: page.items, cursor: page.cursor }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setListing(classify(error));
      });
    return () => abort.abort();
  }, [filterKey]);

  useEffect(() => {
    if (listing.state !== 'loaded') return;
    if (focusRow.current) {
      document.getElementById(`row-${focusRow.current}`)?.focus();
      focusRow.current = undefined;
    } else if (focusSummary.current === listing.key) {
      summaryRef.current?.focus();
      focusSummary.current = undefined;
    }
  });

  const apply = (next: Filters) => {
    const address = pageAddress(next);
    if (address === filterKey) summaryRef.current?.focus();
    else {
      focusSummary.current = address;
      route(address);
    }
  };

  const loadMore = async () => {
    if (listing.state !== 'loaded' || !listing.cursor) return;
    setMoreBusy(true);
    setMoreError(undefined);
    try {
      const page = await call('listSketches', listArgs(filters, listing.cursor));
      focusRow.current = page.items[0]?.id;
      setListing({ ...listing, items: [...listing.items, ...page.items], cursor: page.cursor });
    } catch (error) {
      const next = classify(error);
      if (next.state === 'failed') setMoreError(next.message);
      else setListing(next);
    } finally {
      setMoreBusy(false);
    }
  };

  if (listing.state === 'signed-out' || listing.state === 'forbidden') {
    return (
      <Page title={t.title}>
        {listing.state === 'signed-out' ? (
          <SignInPrompt path={path} />
        ) : (
          <div class="notice notice--error" role="alert">
            <p>{t.forbidden(names)}</p>
          </div>
        )}
      </Page>
    );
  }

  return (
    <div class="page--wide">
      <Page title={t.title}>
        <OfficeNav current="sketches" />
        <p>{t.intro}</p>
        {profileState.state === 'failed' ? (
          <div class="notice notice--error" role="alert">
            <p>{t.profileFailed(profileState.message)}</p>
          </div>
        ) : null}
        {/* Remounted when the address changes (back button, reset link), so the form shows what is listed. */}
        <FilterForm key={`${url}|${profile ? 1 : 0}`} initial={filters} profile={profile} onApply={apply} />
        {listing.state === 'loading' ? (
          <p role="status">{t.loading}</p>
        ) : listing.state === 'failed' ? (
          <div class="notice notice--error" role="alert">
            <p>{listing.message}</p>
          </div>
        ) : (
          <>
            <p class="result-summary" role="status" tabIndex={-1} ref={summaryRef}>
              {t.count(listing.items.length, Boolean(listing.cursor))}
              {t.filteredBy(describeFilters(filters, profile))}
            </p>
            {listing.items.length === 0 ? (
              <p class="notice">{t.empty}</p>
            ) : (
              <SketchTable items={listing.items} profile={profile} />
            )}
            {moreError ? (
              <div class="notice notice--error" role="alert">
                <p>{moreError}</p>
              </div>
            ) : null}
            {listing.cursor ? (
              <button type="button" class="button button--quiet" onClick={loadMore} disabled={moreBusy}>
                {moreBusy ? t.loadingMore : t.more}
              </button>
            ) : null}
          </>
        )}
      </Page>
    </div>
  );
}
