import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { berlinDate, berlinTimeOfDay } from '../../../functions/core/dates.ts';
import { Autosaver, type SaveState, storedDraft } from '../autosave.ts';
import { loadChecks } from '../checks.ts';
import { preload, useChunk } from '../chunk.ts';
import { ErrorSummary, focusWhenShown } from '../components/ErrorSummary.tsx';
import { SectionNav, type SectionState } from '../components/SectionNav.tsx';
import { type FormApi, loadSteps, pid, SectionBody } from '../components/SketchSections.tsx';
import { formTexts } from '../form.texts.de.ts';
import { call } from '../lib/api.ts';
import { signInHref } from '../paths.ts';
import {
  type FormDraft,
  fieldId,
  getIn,
  normalizeDraft,
  type Path,
  type PublicProfile,
  sectionOf,
  sectionsOf,
  setIn,
} from '../sketch-form.ts';
import type { SketchDoc } from '../sketch-loading.tsx';
import { attemptedKey, editPath, reviewPath } from '../sketch-paths.ts';
import { texts } from '../texts.de.ts';

const t = formTexts.form;

const stepKey = (id: string) => `votum:step:${id}`;

/** "14:05", Berlin time, for "Gespeichert um …". */
const clockTime = (iso: string) => berlinTimeOfDay(new Date(iso));

function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Not kept: only a convenience.
  }
}

type AttachmentsComponent = typeof import('../components/Attachments.tsx').Attachments;

/** The local alliance's statement as a file; its code loads only when section 8 is opened. */
function StatementUpload({ sketchId }: { sketchId: string }) {
  const [loaded, setLoaded] = useState<{ component?: AttachmentsComponent; failed?: boolean }>({});
  useEffect(() => {
    let live = true;
    import('../components/Attachments.tsx').then(
      (module) => live && setLoaded({ component: module.Attachments }),
      () => live && setLoaded({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  const Component = loaded.component;
  if (Component) return <Component sketchId={sketchId} kind="endorsement_statement" editable />;
  return <p role="status">{loaded.failed ? texts.error.chunk : texts.error.loading}</p>;
}

type Action = { type: 'set'; path: Path; value: unknown } | { type: 'replace'; draft: FormDraft };
const reducer = (draft: FormDraft, action: Action): FormDraft =>
  action.type === 'replace' ? action.draft : setIn(draft, action.path, action.value);

/**
 * Which fields' changes make an error worth showing: the field itself and what it sits in, plus,
 * for the profile's sums and dates, the fields they are computed from.
 */
function triggers(field: string): string[] {
  if (field === 'finance.esfCents') return ['finance.esfCents', 'finance.ownCents', 'finance.thirdParty'];
  if (field === 'finance.capJustification') return ['finance.costs', 'finance.capJustification'];
  const parts = field.split('.');
  const out = [field];
  if (parts.length > 3) out.push(parts.slice(0, 3).join('.'));
  if (/^(finance\.costs|project\.activities)\.\d+\.(year|endMonth)$/.test(field)) out.push('runtime');
  return out;
}

/** After removing item `index` from `list`, later items' paths move up by one. */
function shiftPaths(paths: Iterable<string>, list: string, index: number): Set<string> {
  const prefix = `${list}.`;
  const out = new Set<string>();
  for (const path of paths) {
    if (!path.startsWith(prefix)) {
      out.add(path);
      continue;
    }
    const [head = '', ...rest] = path.slice(prefix.length).split('.');
    const i = Number(head);
    if (i === index) continue;
    out.add([list, i > index ? i - 1 : i, ...rest].join('.'));
  }
  return out;
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const s = t.save;
  const text =
    state.kind === 'saved'
      ? s.saved(clockTime(state.at))
      : state.kind === 'saving' || state.kind === 'pending'
        ? s.saving
        : state.kind === 'offline'
          ? s.offline
          : state.kind === 'signed-out' || state.kind === 'conflict' || state.kind === 'not-editable'
            ? s.notSaved
            : s.clean;
  return (
    <div class={`save-status save-status--${state.kind} no-print`}>
      <p role="status" id="save-status">
        {text}
      </p>
      {state.kind === 'offline' ? (
        <button type="button" class="button button--quiet button--small" onClick={onRetry}>
          {s.retry}
        </button>
      ) : null}
    </div>
  );
}

function Notice({
  kind,
  heading,
  children,
  focus,
}: {
  kind: 'error' | 'success' | 'info';
  heading?: string;
  children: ComponentChildren;
  focus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      class={`notice notice--${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      ref={ref}
    >
      {heading ? <h2 class="notice__heading">{heading}</h2> : null}
      {children}
    </div>
  );
}

const loadCostTable = () => import('../components/CostTable.tsx');

/** The cost and financing plan (step 7) is the form's largest step: its code loads when it is opened. */
function Finance(props: Parameters<typeof import('../components/CostTable.tsx').FinanceSection>[0]) {
  const chunk = useChunk(loadCostTable);
  if (chunk.state === 'loaded') return <chunk.module.FinanceSection {...props} />;
  return <p role="status">{chunk.state === 'failed' ? texts.error.chunk : texts.error.loading}</p>;
}

/**
 * The applicant's sketch form, one section per step, saved as they type. Its page
 * (`/skizzen/:id/bearbeiten`, pages/EditSketch.tsx) loads this code and the sketch side by side.
 */
export function SketchEditor({ doc, profile }: { doc: SketchDoc; profile: PublicProfile }) {
  const attachments = <StatementUpload sketchId={doc.id} />;
  const { query, route } = useLocation();
  const id = doc.id;
  const initial = useMemo(() => normalizeDraft(doc.draft), [doc]);
  // Unsaved input of this tab (an expired session, a lost connection) survives a reload.
  const restored = useMemo(() => {
    const stored = storedDraft(id);
    if (!stored || stored.version !== doc.version) return undefined;
    const draft = normalizeDraft(stored.draft);
    return JSON.stringify(draft) === JSON.stringify(initial) ? undefined : draft;
  }, [id, doc, initial]);
  const [draft, dispatch] = useReducer(reducer, restored ?? initial);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const saver = useMemo(() => new Autosaver(id, doc.version, initial), [id, doc, initial]);
  const [save, setSave] = useState<SaveState>(saver.state);
  const today = useMemo(() => berlinDate(new Date()), []);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const changed = useRef(new Set<string>());
  // Read on every render, not once: the review page may set it while this form stays mounted, and
  // the step list must then say "mit Fehlern" where the review did.
  const attempted = readStorage(() => sessionStorage, attemptedKey(id)) === '1';
  const [announcement, setAnnouncement] = useState('');
  const [leaving, setLeaving] = useState(false);
  const focusNext = useRef<string | undefined>(undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const unsubscribe = saver.subscribe(setSave);
    return () => {
      unsubscribe();
      void saver.flush();
      saver.stop();
    };
  }, [saver]);
  // In the layout phase: a tab closed right after typing must not miss the last change.
  useLayoutEffect(() => saver.change(draft), [saver, draft]);

  // Save at once when the tab is hidden or closed; try again when the window is back in use.
  useEffect(() => {
    const hide = () => {
      if (document.visibilityState !== 'hidden') return;
      saver.change(draftRef.current);
      void saver.flush({ keepalive: true });
    };
    const leave = () => {
      saver.change(draftRef.current);
      void saver.flush({ keepalive: true });
    };
    const back = () => saver.retry();
    document.addEventListener('visibilitychange', hide);
    addEventListener('pagehide', leave);
    addEventListener('focus', back);
    return () => {
      document.removeEventListener('visibilitychange', hide);
      removeEventListener('pagehide', leave);
      removeEventListener('focus', back);
    };
  }, [saver]);

  // Coming from the review page's error list: the field named in the address gets focus, once the
  // checks are here and its error shows with it (a screen reader reads both).
  const focusTarget = useRef(location.hash.slice(1));
  /*
   * The whole draft is checked (zod and the profile's rules: ~20 ms per keystroke with 100 cost
   * lines on a slow phone) when a field is left, not while it is typed in: a half-typed amount
   * ("1.234,5") is no mistake yet, and errors appearing and going while typing moved the page under
   * the pointer. While typing, the errors are those of the draft as it was when typing began
   * (`draft`); leaving a field, a choice, adding or removing an item and a new step check the
   * current draft at once (`draft` undefined).
   */
  const [checked, setChecked] = useState<{ draft?: FormDraft; slug?: string }>({});
  const checkNow = useCallback(() => setChecked((prev) => (prev.draft ? { slug: prev.slug } : prev)), []);

  const set = useCallback((path: Path, value: unknown) => {
    changed.current.add(path.join('.'));
    // The draft checked last (the one rendered before this change) stays until typing pauses.
    setChecked((prev) => (prev.draft ? prev : { ...prev, draft: draftRef.current }));
    dispatch({ type: 'set', path, value });
  }, []);
  const touchNow = useCallback(
    (field: string) => {
      checkNow();
      setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
    },
    [checkNow],
  );
  const touch = useCallback(
    (field: string) => {
      checkNow();
      if (changed.current.has(field)) touchNow(field);
    },
    [touchNow, checkNow],
  );
  const addItem = useCallback(
    (list: Path, item: unknown, firstKey: string) => {
      const items = (getIn(draftRef.current, list) as unknown[] | undefined) ?? [];
      focusNext.current = pid([...list, items.length, firstKey]);
      checkNow();
      dispatch({ type: 'set', path: list, value: [...items, item] });
      setAnnouncement(t.added(items.length + 1));
    },
    [checkNow],
  );
  const removeItem = useCallback(
    (list: Path, index: number, firstKey: string, label: string) => {
      const items = (getIn(draftRef.current, list) as unknown[] | undefined) ?? [];
      const next = items.filter((_, i) => i !== index);
      const listKey = list.join('.');
      changed.current = shiftPaths(changed.current, listKey, index);
      setTouched((prev) => shiftPaths(prev, listKey, index));
      focusNext.current =
        next.length > index
          ? pid([...list, index, firstKey])
          : index > 0
            ? pid([...list, index - 1, firstKey])
            : `${pid(list)}-add`;
      checkNow();
      dispatch({ type: 'set', path: list, value: next });
      setAnnouncement(t.removed(label));
    },
    [checkNow],
  );

  useLayoutEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  const sections = useMemo(() => sectionsOf(profile), [profile]);
  const remembered = readStorage(() => localStorage, stepKey(id));
  const slug = query.abschnitt ?? remembered ?? sections[0].slug;
  const index = Math.max(
    0,
    sections.findIndex((s) => s.slug === slug),
  );
  const section = sections[index] ?? sections[0];
  // A new step shows the errors of the draft as it is now.
  const validated = (checked.slug === section.slug && checked.draft) || draft;
  useEffect(() => {
    if (checked.slug !== section.slug) setChecked({ slug: section.slug });
  }, [checked.slug, section.slug]);
  /*
   * The form is drawn without its checks (their chunk is zod and the whole sketch's schemas, and
   * checking the draft takes a moment on a slow phone). Until they are here no error shows, and the
   * step list shows the states get-sketch answered (what these checks found when a form last sent
   * the stored draft: each save carries them, below), so they load on the page's first use: a
   * pointer, a key, a field. Without such an answer for the draft shown (one restored from this tab,
   * one sent by another client or before forms sent them), or when errors show at once (after the
   * review page), they load as soon as the browser is idle, and the step list says nothing until
   * then rather than something it would take back.
   */
  const answered = restored ? undefined : doc.openSteps;
  const [used, setUsed] = useState(false);
  const [eager] = useState(() => !answered || attempted || focusTarget.current !== '');
  const checks = useChunk(loadChecks, { idle: eager, wait: !eager && !used });
  useEffect(() => {
    if (used || eager) return;
    const use = () => setUsed(true);
    document.addEventListener('pointerdown', use, true);
    document.addEventListener('keydown', use, true);
    return () => {
      document.removeEventListener('pointerdown', use, true);
      document.removeEventListener('keydown', use, true);
    };
  }, [used, eager]);
  useEffect(() => {
    if (checks.state !== 'loaded') return;
    const { stepsOpen } = checks.module;
    saver.openSteps = (saved) => stepsOpen(saved, profile, today);
  }, [checks, saver, profile, today]);
  const issues = useMemo(
    () => (checks.state === 'loaded' ? checks.module.validateDraft(validated, profile, today) : undefined),
    [checks, validated, profile, today],
  );
  const visible = useMemo(() => {
    const list = [...touched];
    const shown = new Map<string, string>();
    for (const issue of issues ?? []) {
      const wanted = triggers(issue.field);
      if (attempted || list.some((p) => wanted.some((w) => p === w || p.startsWith(`${w}.`))))
        shown.set(issue.field, issue.message);
    }
    return shown;
  }, [issues, touched, attempted]);
  const states: SectionState[] | undefined = issues
    ? sections.map((section) => {
        const own = issues.filter((i) => sectionOf(i.field).key === section.key);
        if (own.length === 0) return 'done';
        return own.some((i) => visible.has(i.field)) ? 'errors' : 'open';
      })
    : answered
      ? // Nothing is touched yet: an open step shows errors only after the review page.
        sections.map((section) => (answered.includes(section.key) ? (attempted ? 'errors' : 'open') : 'done'))
      : undefined;

  const first = useRef(true);
  useEffect(() => {
    writeStorage(() => localStorage, stepKey(id), section.slug);
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [id, section.slug]);
  useEffect(() => {
    if (checks.state === 'loading' || !focusTarget.current) return;
    focusWhenShown(decodeURIComponent(focusTarget.current));
    focusTarget.current = '';
  }, [checks.state]);

  const goReview = async (event: Event) => {
    event.preventDefault();
    if (leaving) return;
    setLeaving(true);
    const saved = await saver.flush();
    setLeaving(false);
    if (saved) route(reviewPath(id));
    else document.getElementById('save-status')?.focus();
  };

  const loadOther = async () => {
    try {
      const current = await call('getSketch', { params: { id } });
      const next = normalizeDraft(current.draft);
      saver.adopt(current.version, next);
      if (current.status !== 'draft') {
        route(`/skizzen/${encodeURIComponent(id)}`);
        return;
      }
      checkNow();
      dispatch({ type: 'replace', draft: next });
      setAnnouncement(t.conflict.loaded);
      headingRef.current?.focus();
    } catch (error) {
      setAnnouncement((error as Error).message);
    }
  };

  const f: FormApi = {
    draft,
    profile,
    err: (field) => visible.get(field),
    set,
    touch,
    touchNow,
    addItem,
    removeItem,
  };
  const sectionErrors = (issues ?? [])
    .filter((i) => sectionOf(i.field).key === section.key && visible.has(i.field))
    .map(({ field, message }) => ({ field, message }));
  const prev = sections[index - 1];
  const next = sections[index + 1];

  return (
    <div class="sketch-editor">
      <SaveStatus state={save} onRetry={() => void saver.flush()} />
      {restored ? (
        <Notice kind="info">
          <p>{t.restored}</p>
        </Notice>
      ) : null}
      {doc.returned ? (
        <Notice kind="info" heading={t.returnedHeading}>
          <p class="pre">{doc.returned.note}</p>
        </Notice>
      ) : null}
      {save.kind === 'conflict' ? (
        <Notice kind="error" heading={t.conflict.heading} focus>
          <p>{t.conflict.text(clockTime(save.current.updatedAt))}</p>
          <p class="actions">
            <button type="button" class="button" onClick={() => void loadOther()}>
              {t.conflict.load}
            </button>
            <button type="button" class="button button--quiet" onClick={() => void saver.overwrite()}>
              {t.conflict.keep}
            </button>
          </p>
        </Notice>
      ) : null}
      {save.kind === 'not-editable' ? (
        <Notice kind="error" heading={texts.editSketch.notEditable.heading} focus>
          <p>{texts.editSketch.notEditable.text}</p>
          <p>
            <a href={`/skizzen/${encodeURIComponent(id)}`}>{texts.editSketch.notEditable.link}</a>
          </p>
        </Notice>
      ) : null}
      {save.kind === 'signed-out' ? (
        <Notice kind="error" heading={texts.prompt.heading} focus>
          <p>{t.signedOut}</p>
          <p>
            <a href={signInHref(editPath(id, section.slug))} target="_blank" rel="noopener">
              {texts.prompt.linkNewWindow}
            </a>
          </p>
        </Notice>
      ) : null}
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div class="editor-layout">
        <SectionNav
          sections={sections}
          current={index}
          states={states}
          hrefFor={(s) => editPath(id, s)}
          reviewHref={reviewPath(id)}
          onReview={(event) => void goReview(event)}
        />
        <form
          class="editor-form"
          noValidate
          aria-labelledby="section-heading"
          // Filling in one step: the code of the other steps loads meanwhile, ready for "Weiter".
          onFocusIn={() => {
            setUsed(true);
            preload(loadSteps);
            preload(loadCostTable);
          }}
          onSubmit={(event) => {
            event.preventDefault();
            if (next) route(editPath(id, next.slug));
            else void goReview(event);
          }}
        >
          <p class="step-count">{t.stepOf(index + 1, sections.length)}</p>
          <h2 id="section-heading" tabIndex={-1} ref={headingRef}>
            {index + 1}. {section.title}
          </h2>
          {sectionErrors.length ? (
            <ErrorSummary
              errors={sectionErrors}
              idFor={(field) => fieldId(field, draft)}
              heading={t.summaryHeading(sectionErrors.length)}
              live={false}
            />
          ) : null}
          {section.key === 'finance' ? (
            <Finance f={f} set={set} touch={touch} remove={removeItem} visible={visible} />
          ) : (
            <SectionBody section={section.key} f={f} attachments={attachments} />
          )}
          <div class="step-actions">
            {prev ? (
              <a class="button button--quiet" href={editPath(id, prev.slug)}>
                {t.back}
                <span class="visually-hidden">: {prev.title}</span>
              </a>
            ) : null}
            <button type="submit" class="button" disabled={leaving}>
              {next ? t.next : leaving ? t.saving : t.toReview}
              {next ? <span class="visually-hidden">: {next.title}</span> : null}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
