import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDateTime } from '../../../functions/core/dates.ts';
import { sketchStatuses } from '../../../functions/core/lifecycle.ts';
import { de } from '../../../functions/core/messages.de.ts';
import { formatEuro } from '../../../functions/core/money.ts';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import type { AnswerOf, CallArgs } from '../lib/api.ts';
import { MoreButton, usePaged } from '../lib/paged.tsx';
import { useNames } from '../names.ts';
import { useProfile } from '../profile.ts';
import { sketchStatusText } from '../status.ts';
import { listAddress, type PublicProfile, subRegionName } from './admin/shared.ts';
import { adminTexts } from './admin/texts.de.ts';
import { OfficeNav } from './votes/OfficeNav.tsx';

const t = adminTexts.list;

type ListedSketch = AnswerOf<'listSketches'>['items'][number];

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
const listArgs = (filters: Filters): CallArgs<'listSketches'> => ({
  query: {
    status: filters.status || undefined,
    subRegion: filters.subRegion || undefined,
    priority: filters.priority || undefined,
  },
});

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
  // A page at a time; "Weitere laden" puts the focus on the first new row (keyboard users go on there).
  const paged = usePaged('listSketches', listArgs(filters), (row) => `row-${row.id}`);
  const listing = paged.first;
  /** Set by "Filter anwenden" to the list it asked for: once that list is there, focus moves to its summary. */
  const focusSummary = useRef<string | undefined>(undefined);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  // On a new answer only: right after the address changed, the previous list is still the one loaded.
  useEffect(() => {
    if (listing.state === 'loaded' && focusSummary.current === filterKey) {
      summaryRef.current?.focus();
      focusSummary.current = undefined;
    }
  }, [listing]);

  const apply = (next: Filters) => {
    const address = pageAddress(next);
    if (address === filterKey) summaryRef.current?.focus();
    else {
      focusSummary.current = address;
      route(address);
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
              {t.count(paged.items.length, Boolean(paged.cursor))}
              {t.filteredBy(describeFilters(filters, profile))}
            </p>
            {paged.items.length === 0 ? (
              <p class="notice">{t.empty}</p>
            ) : (
              <SketchTable items={paged.items} profile={profile} />
            )}
            <MoreButton paged={paged} label={t.more} />
          </>
        )}
      </Page>
    </div>
  );
}
