import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../../../functions/core/dates.ts';
import { sketchDiff } from '../../../../functions/core/sketch-diff.ts';
import { SketchView } from '../../components/SketchView.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import type { SketchDoc } from '../../sketch-loading.tsx';
import type { PublicProfile } from './shared.ts';
import { adminTexts } from './texts.de.ts';

const t = adminTexts.sketch.versions;

type Version = AnswerOf<'getVersion'>;

type Loading<T> = { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; message: string };

/** A submitted version never changes: each is fetched once per page load. */
const versions = new Map<string, Promise<Version>>();

function loadVersion(sketchId: string, n: number): Promise<Version> {
  const key = `${sketchId}/${n}`;
  let version = versions.get(key);
  if (!version) {
    version = call('getVersion', { params: { id: sketchId, n } });
    version.catch(() => versions.delete(key));
    versions.set(key, version);
  }
  return version;
}

function useVersions(sketchId: string, ns: number[]): Loading<Version[]> {
  const [state, setState] = useState<Loading<Version[]>>({ state: 'loading' });
  const key = ns.join(',');
  useEffect(() => {
    let live = true;
    setState({ state: 'loading' });
    Promise.all(ns.map((n) => loadVersion(sketchId, n))).then(
      (value) => live && setState({ state: 'loaded', value }),
      (error: unknown) => live && setState({ state: 'failed', message: (error as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [sketchId, key]);
  return state;
}

function Pending({ state }: { state: Loading<unknown> }) {
  return state.state === 'failed' ? (
    <p class="field-error" role="alert">
      {state.message}
    </p>
  ) : (
    <p role="status">{t.loading}</p>
  );
}

/** The differences between version n−1 and n, field by field, as the office reviews a resubmission. */
function Diff({ sketchId, n }: { sketchId: string; n: number }) {
  const state = useVersions(sketchId, [n - 1, n]);
  if (state.state !== 'loaded') return <Pending state={state} />;
  const [before, after] = state.value;
  const changes = sketchDiff(before?.sketch, after?.sketch);
  if (changes.length === 0) return <p>{t.noChanges(n)}</p>;
  return (
    <div class="table-wrap">
      <table class="diff">
        <caption>{t.diffCaption(n)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.before}</th>
            <th scope="col">{t.after}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row">{change.label}</th>
              <td class="diff__before">{change.before ?? <em>{t.empty}</em>}</td>
              <td class="diff__after">{change.after ?? <em>{t.empty}</em>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Version n in full, as it was submitted. */
export function VersionView({
  sketchId,
  n,
  profile,
}: {
  sketchId: string;
  n: number;
  profile: PublicProfile;
}) {
  const state = useVersions(sketchId, [n]);
  if (state.state !== 'loaded') return <Pending state={state} />;
  const version = state.value[0];
  return version ? (
    <SketchView draft={version.sketch} profile={profile} headingLevel={3} idPrefix={`version-${n}`} />
  ) : null;
}

/** A button that shows and hides the region below it; the region exists only while shown. */
function Toggle({
  id,
  label,
  open,
  onToggle,
}: {
  id: string;
  label: string;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class="button button--quiet button--small"
      aria-expanded={open ? 'true' : 'false'}
      aria-controls={open ? id : undefined}
      onClick={onToggle}
    >
      {label}
    </button>
  );
}

const toggled = (set: ReadonlySet<number>, n: number) => {
  const next = new Set(set);
  if (!next.delete(n)) next.add(n);
  return next;
};

/**
 * Every submitted version: from the second on the differences to the one before, and a button that
 * shows the version in full in the page's content section (one sketch at a time: two would repeat
 * every section's landmark). The newest differences are open from the start: they are what a
 * resubmission is about.
 */
export function Versions({
  sketchId,
  submissions,
  onRead,
}: {
  sketchId: string;
  submissions: SketchDoc['submissions'];
  onRead: (n: number) => void;
}) {
  const latest = submissions.at(-1)?.n ?? 0;
  const [diffs, setDiffs] = useState<ReadonlySet<number>>(new Set(latest >= 2 ? [latest] : []));
  useEffect(() => {
    if (latest >= 2) setDiffs((open) => (open.has(latest) ? open : new Set([...open, latest])));
  }, [latest]);

  return (
    <section aria-labelledby="versions-heading" id="fassungen">
      <h2 id="versions-heading">{t.heading}</h2>
      {submissions.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ol class="versions">
          {submissions.map(({ n, submittedAt }) => {
            const diffId = `version-${n}-diff`;
            return (
              <li key={n} class="versions__item">
                <h3>{t.item(n, formatDateTime(submittedAt))}</h3>
                <p class="actions">
                  <button type="button" class="button button--quiet button--small" onClick={() => onRead(n)}>
                    {t.show(n)}
                  </button>
                  {n >= 2 ? (
                    <Toggle
                      id={diffId}
                      label={t.showDiff(n)}
                      open={diffs.has(n)}
                      onToggle={() => setDiffs(toggled(diffs, n))}
                    />
                  ) : null}
                </p>
                {n >= 2 && diffs.has(n) ? (
                  <div id={diffId}>
                    <Diff sketchId={sketchId} n={n} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
