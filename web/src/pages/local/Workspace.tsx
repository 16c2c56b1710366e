import { formatDate } from '../../../../functions/core/dates.ts';
import { de } from '../../../../functions/core/messages.de.ts';
import { Page } from '../../components/Page.tsx';
import type { AnswerOf } from '../../lib/api.ts';
import { NotLoaded } from '../../lib/load.tsx';
import { MoreButton, usePaged } from '../../lib/paged.tsx';
import { useNames } from '../../names.ts';
import { type PublicProfile, useProfile } from '../../profile.ts';
import { localTexts } from './texts.de.ts';

const t = localTexts.workspace;
type Row = AnswerOf<'localSketches'>['items'][number];

export const localSketchPath = (id: string) => `/allianz/skizzen/${encodeURIComponent(id)}`;

const regionNames = (profile: PublicProfile | undefined, ids: readonly string[]) =>
  ids.map((id) => profile?.subRegions.find((r) => r.id === id)?.name ?? id).join(', ');

function SketchRows({
  rows,
  profile,
  caption,
}: {
  rows: Row[];
  profile: PublicProfile | undefined;
  caption: string;
}) {
  const c = t.columns;
  return (
    <div class="table-wrap">
      <table class="sketch-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.title}</th>
            <th scope="col">{c.organisation}</th>
            <th scope="col">{c.regions}</th>
            <th scope="col">{c.period}</th>
            <th scope="col">{c.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <a id={rowId(row)} href={localSketchPath(row.id)}>
                  {row.title}
                </a>
              </th>
              <td>{row.organisation}</td>
              <td>{regionNames(profile, row.subRegionIds)}</td>
              <td>
                {row.start && row.end ? `${formatDate(row.start)} – ${formatDate(row.end)}` : t.periodUnknown}
              </td>
              <td>{de.status[row.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const rowId = (row: Row) => `local-row-${row.id}`;

/**
 * `/allianz`: a local alliance's workspace: sketches awaiting its statement, given ones (both open
 * for statements, read together), earlier projects (read apart), each fifty at a time.
 */
export function Workspace() {
  const open = usePaged('localSketches', { query: { section: 'open' } }, rowId);
  const earlier = usePaged('localSketches', { query: { section: 'earlier' } }, rowId);
  const profileState = useProfile();
  const names = useNames();
  const profile = profileState.state === 'loaded' ? profileState.profile : undefined;
  // Either section not (yet) loaded: the page says so once (signed out, refused, failed, loading).
  const pending = open.first.state !== 'loaded' ? open.first : earlier.first;
  if (open.first.state !== 'loaded' || pending.state !== 'loaded')
    return (
      <Page title={t.title}>
        <NotLoaded loaded={pending.state === 'loaded' ? { state: 'loading' } : pending} path="/allianz" />
      </Page>
    );
  const { subRegionIds } = open.first.data;
  const mineMissing = (row: Row) =>
    row.subRegionIds.some(
      (id) => subRegionIds.includes(id) && !row.localStatements.some((s) => s.subRegionId === id),
    );
  const due = open.items.filter(mineMissing);
  const given = open.items.filter((row) => !mineMissing(row));
  return (
    <Page title={t.title}>
      <p>{subRegionIds.length ? t.intro(regionNames(profile, subRegionIds)) : t.none(names)}</p>
      <h2>{t.due}</h2>
      {due.length ? (
        <SketchRows rows={due} profile={profile} caption={t.due} />
      ) : (
        <p>{open.cursor ? t.dueNoneSoFar : t.dueNone}</p>
      )}
      {given.length ? (
        <>
          <h2>{t.given}</h2>
          <SketchRows rows={given} profile={profile} caption={t.given} />
        </>
      ) : null}
      <MoreButton paged={open} label={t.moreOpen} />
      <h2>{t.earlier}</h2>
      <p class="hint">{t.earlierHint}</p>
      {earlier.items.length ? (
        <SketchRows rows={earlier.items} profile={profile} caption={t.earlier} />
      ) : (
        <p>{t.earlierNone}</p>
      )}
      <MoreButton paged={earlier} label={t.moreEarlier} />
    </Page>
  );
}

// The statement page shares the chunk: a local alliance opens both in one sitting.
export { LocalSketch } from './LocalSketch.tsx';
