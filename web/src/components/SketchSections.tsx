import type { ComponentChildren } from 'preact';
import { formatDate, isValidDate, runtimeMonths } from '../../../functions/core/dates.ts';
import { formatPercent } from '../../../functions/core/money.ts';
import { sketchLabels as L, limits } from '../../../functions/core/sketch-fields.ts';
import {
  type FormDraft,
  getIn,
  type Num,
  type Path,
  type PublicProfile,
  type SectionKey,
  slugId,
} from '../sketch-form.ts';
import { texts } from '../texts.de.ts';
import { Checkbox, Group, NumberField, SelectField, TextField } from './FormField.tsx';

const t = texts.form;

/** What a section needs from the form: the draft, the visible errors, and ways to change both. */
export interface FormApi {
  draft: FormDraft;
  profile: PublicProfile;
  /** The error to show at a field (after it was touched, or after a failed submit). */
  err: (field: string) => string | undefined;
  set: (path: Path, value: unknown) => void;
  /** Focus left a field: its errors show from now on if it was changed. */
  touch: (field: string) => void;
  /** A choice was made (checkbox, select): its errors show at once. */
  touchNow: (field: string) => void;
  addItem: (list: Path, item: unknown, firstKey: string) => void;
  removeItem: (list: Path, index: number, firstKey: string, label: string) => void;
}

export const pid = (path: Path): string => `f-${path.join('-')}`;
const key = (path: Path): string => path.join('.');

function Text({
  f,
  path,
  label,
  hint,
  max,
  multiline,
  type,
  autoComplete,
  labelNote,
  width,
}: {
  f: FormApi;
  path: Path;
  label: string;
  hint?: string | undefined;
  max?: number;
  multiline?: boolean;
  type?: 'text' | 'email' | 'tel' | 'date';
  autoComplete?: string;
  labelNote?: string | undefined;
  width?: 'short' | 'medium';
}) {
  const value = getIn(f.draft, path);
  return (
    <TextField
      id={pid(path)}
      label={label}
      labelNote={labelNote}
      hint={hint}
      value={typeof value === 'string' ? value : ''}
      error={f.err(key(path))}
      max={max}
      multiline={multiline ?? false}
      rows={max !== undefined && max > 1000 ? 8 : 4}
      type={type ?? 'text'}
      autoComplete={autoComplete ?? 'off'}
      {...(width ? { width } : {})}
      onValue={(v) => {
        f.set(path, v);
        // A date input has a value only once the date is complete (and Tab moves between its parts).
        if (type === 'date') f.touchNow(key(path));
      }}
      onBlur={() => f.touch(key(path))}
    />
  );
}

function Whole({ f, path, label, hint }: { f: FormApi; path: Path; label: string; hint?: string }) {
  return (
    <NumberField
      id={pid(path)}
      kind="whole"
      label={label}
      hint={hint}
      value={getIn(f.draft, path) as Num}
      error={f.err(key(path))}
      class="field--inline"
      onValue={(v) => f.set(path, v)}
      onBlur={() => f.touch(key(path))}
    />
  );
}

/**
 * A repeatable group (partners, work packages, results): each item a fieldset with its own remove
 * button; adding moves focus into the new item, removing to the item that takes its place.
 */
export function Items({
  f,
  path,
  count,
  itemLabel,
  addLabel,
  blank,
  firstKey,
  children,
  hint,
}: {
  f: FormApi;
  path: Path;
  count: number;
  itemLabel: (i: number) => string;
  addLabel: string;
  blank: () => unknown;
  firstKey: string;
  children: (i: number) => ComponentChildren;
  hint?: string;
}) {
  const error = f.err(key(path));
  return (
    <div id={pid(path)} class={`items${error ? ' field--error' : ''}`}>
      {hint ? <p class="hint">{hint}</p> : null}
      {error ? (
        <p id={`${pid(path)}-error`} class="field-error">
          <span class="visually-hidden">{texts.sketchForm.errorPrefix} </span>
          {error}
        </p>
      ) : null}
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} class="item">
          <legend>{itemLabel(i)}</legend>
          {children(i)}
          <button
            type="button"
            class="button button--quiet button--small"
            aria-label={`${t.remove}: ${itemLabel(i)}`}
            onClick={() => f.removeItem(path, i, firstKey, itemLabel(i))}
          >
            {t.remove}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        id={`${pid(path)}-add`}
        class="button button--quiet"
        aria-describedby={error ? `${pid(path)}-error` : undefined}
        onClick={() => f.addItem(path, blank(), firstKey)}
      >
        {addLabel}
      </button>
    </div>
  );
}

function Applicant({ f }: { f: FormApi }) {
  const a = ['applicant'] as const;
  return (
    <>
      <Text f={f} path={[...a, 'organisation']} label={L.organisation} autoComplete="organization" />
      <Text f={f} path={[...a, 'legalForm']} label={L.legalForm} hint={t.hints.legalForm} width="medium" />
      <Text f={f} path={[...a, 'street']} label={L.street} autoComplete="street-address" />
      <div class="field-row">
        <Text
          f={f}
          path={[...a, 'postalCode']}
          label={L.postalCode}
          autoComplete="postal-code"
          width="short"
        />
        <Text f={f} path={[...a, 'city']} label={L.city} autoComplete="address-level2" />
      </div>
      <Group id="f-applicant-contact" legend={t.contactLegend} hint={t.hints.contact}>
        <Text f={f} path={[...a, 'contactName']} label={L.contactName} autoComplete="name" />
        <Text f={f} path={[...a, 'contactRole']} label={L.contactRole} autoComplete="organization-title" />
        <Text f={f} path={[...a, 'contactEmail']} label={L.contactEmail} type="email" autoComplete="email" />
        <Text f={f} path={[...a, 'contactPhone']} label={L.contactPhone} type="tel" autoComplete="tel" />
      </Group>
      <h3>{t.partners}</h3>
      <Items
        f={f}
        path={[...a, 'partners']}
        count={f.draft.applicant.partners.length}
        itemLabel={(i) => `${t.partner} ${i + 1}`}
        addLabel={t.addPartner}
        blank={() => ({ name: '', role: '' })}
        firstKey="name"
        hint={t.hints.partners}
      >
        {(i) => (
          <>
            <Text f={f} path={[...a, 'partners', i, 'name']} label={L.partnerName} />
            <Text f={f} path={[...a, 'partners', i, 'role']} label={L.partnerRole} labelNote={t.optional} />
          </>
        )}
      </Items>
    </>
  );
}

function Project({ f }: { f: FormApi }) {
  const p = ['project'] as const;
  return (
    <>
      <Text f={f} path={[...p, 'title']} label={L.title} max={limits.title} hint={t.hints.title} />
      <Text
        f={f}
        path={[...p, 'summary']}
        label={L.summary}
        max={limits.summary}
        multiline
        hint={t.hints.summary}
      />
      <Text
        f={f}
        path={[...p, 'situation']}
        label={L.situation}
        max={limits.situation}
        multiline
        hint={t.hints.situation}
      />
      <Text f={f} path={[...p, 'goals']} label={L.goals} max={limits.goals} multiline hint={t.hints.goals} />
      <Text
        f={f}
        path={[...p, 'targetGroups']}
        label={L.targetGroups}
        max={limits.targetGroups}
        multiline
        hint={t.hints.targetGroups}
      />
      <h3>{t.activities}</h3>
      <Items
        f={f}
        path={[...p, 'activities']}
        count={f.draft.project.activities.length}
        itemLabel={(i) => `${L.activityTitle} ${i + 1}`}
        addLabel={t.addActivity}
        blank={() => ({ title: '', description: '', startMonth: undefined, endMonth: undefined })}
        firstKey="title"
        hint={t.hints.activities}
      >
        {(i) => (
          <>
            <Text f={f} path={[...p, 'activities', i, 'title']} label={L.activityTitle} />
            <Text
              f={f}
              path={[...p, 'activities', i, 'description']}
              label={L.activityDescription}
              max={limits.activityDescription}
              multiline
            />
            <div class="field-row">
              <Whole f={f} path={[...p, 'activities', i, 'startMonth']} label={L.startMonth} />
              <Whole f={f} path={[...p, 'activities', i, 'endMonth']} label={L.endMonth} />
            </div>
          </>
        )}
      </Items>
      <h3>{t.results}</h3>
      <Items
        f={f}
        path={[...p, 'results']}
        count={f.draft.project.results.length}
        itemLabel={(i) => `${L.result} ${i + 1}`}
        addLabel={t.addResult}
        blank={() => ({ result: '', indicator: '', target: '' })}
        firstKey="result"
        hint={t.hints.results}
      >
        {(i) => (
          <>
            <Text f={f} path={[...p, 'results', i, 'result']} label={L.result} />
            <Text f={f} path={[...p, 'results', i, 'indicator']} label={L.indicator} />
            <Text f={f} path={[...p, 'results', i, 'target']} label={L.targetValue} width="medium" />
          </>
        )}
      </Items>
    </>
  );
}

function Strategy({ f }: { f: FormApi }) {
  const { profile, draft } = f;
  const chosen = draft.strategy.priorities;
  const order = (id: string) => profile.priorities.findIndex((p) => p.id === id);
  const togglePriority = (id: string, on: boolean) => {
    const next = on
      ? [...chosen.filter((c) => c.id !== id), { id, goals: [] }].sort((x, y) => order(x.id) - order(y.id))
      : chosen.filter((c) => c.id !== id);
    f.set(['strategy', 'priorities'], next);
    f.touchNow('strategy.priorities');
  };
  const toggleGoal = (id: string, goal: string, on: boolean) => {
    const index = chosen.findIndex((c) => c.id === id);
    const current = chosen[index];
    if (!current) return;
    const goals = profile.priorities.find((p) => p.id === id)?.goals ?? [];
    const next = on
      ? goals.filter((g) => g === goal || current.goals.includes(g))
      : current.goals.filter((g) => g !== goal);
    f.set(['strategy', 'priorities', index, 'goals'], next);
    f.touchNow(`strategy.priorities.${index}`);
  };
  return (
    <>
      <Group
        id="f-strategy-priorities"
        legend={L.priorities}
        hint={t.hints.priorities}
        error={f.err('strategy.priorities')}
      >
        {profile.priorities.map((priority) => {
          const index = chosen.findIndex((c) => c.id === priority.id);
          const selected = chosen[index];
          const id = `f-strategy-priority-${slugId(priority.id)}`;
          return (
            <div key={priority.id} class="choice-block">
              <Checkbox
                id={id}
                label={`${priority.id}: ${priority.name}`}
                checked={Boolean(selected)}
                error={index >= 0 ? f.err(`strategy.priorities.${index}.id`) : undefined}
                onChange={(on) => togglePriority(priority.id, on)}
              />
              {selected ? (
                <Group
                  id={`${id}-goals`}
                  class="group--nested"
                  legend={t.goalsOf(priority.id)}
                  hint={t.hints.priorityGoals}
                  error={f.err(`strategy.priorities.${index}.goals`)}
                >
                  {priority.goals.map((goal, j) => (
                    <Checkbox
                      key={goal}
                      id={`f-strategy-goal-${slugId(priority.id)}-${j}`}
                      label={goal}
                      checked={selected.goals.includes(goal)}
                      onChange={(on) => toggleGoal(priority.id, goal, on)}
                    />
                  ))}
                </Group>
              ) : null}
            </div>
          );
        })}
      </Group>
      {profile.crossCuttingThemes.length ? (
        <Group
          id="f-strategy-themes"
          legend={L.themes}
          hint={t.hints.themes}
          error={f.err('strategy.themes')}
        >
          {profile.crossCuttingThemes.map((theme) => (
            <Checkbox
              key={theme.id}
              id={`f-strategy-theme-${theme.id}`}
              label={theme.name}
              checked={draft.strategy.themes.includes(theme.id)}
              onChange={(on) => {
                const themes = profile.crossCuttingThemes
                  .map((x) => x.id)
                  .filter((x) => (x === theme.id ? on : draft.strategy.themes.includes(x)));
                f.set(['strategy', 'themes'], themes);
                f.touchNow('strategy.themes');
              }}
            />
          ))}
        </Group>
      ) : null}
    </>
  );
}

function Space({ f }: { f: FormApi }) {
  const { profile, draft } = f;
  const chosen = draft.space.subRegions;
  const sum = chosen.reduce((s, r) => s + (typeof r.shareBp === 'number' ? r.shareBp : 0), 0);
  const allShares = chosen.every((r) => typeof r.shareBp === 'number');
  const toggleRegion = (id: string, on: boolean) => {
    const region = profile.subRegions.find((r) => r.id === id);
    const order = (x: string) => profile.subRegions.findIndex((r) => r.id === x);
    const next = on
      ? [...chosen, { id, shareBp: chosen.length === 0 ? 10_000 : undefined }].sort(
          (x, y) => order(x.id) - order(y.id),
        )
      : chosen.filter((r) => r.id !== id);
    f.set(['space', 'subRegions'], next);
    // Districts follow the sub-regions: a single-district region is chosen with it, a removed one takes its own along.
    let districts = draft.space.districts;
    if (!on) districts = districts.filter((d) => !region?.districts.includes(d));
    else if (region?.districts.length === 1 && !districts.includes(region.districts[0] ?? ''))
      districts = [...districts, ...region.districts];
    f.set(['space', 'districts'], districts);
    f.touchNow('space.subRegions');
  };
  const available = profile.subRegions.filter((r) => chosen.some((c) => c.id === r.id));
  return (
    <>
      <Group
        id="f-space-subRegions"
        legend={t.subRegionsLegend}
        hint={t.hints.subRegions}
        error={f.err('space.subRegions')}
      >
        {profile.subRegions.map((region) => {
          const index = chosen.findIndex((c) => c.id === region.id);
          const selected = chosen[index];
          return (
            <div key={region.id} class="choice-block">
              <Checkbox
                id={`f-space-region-${region.id}`}
                label={region.name}
                checked={Boolean(selected)}
                onChange={(on) => toggleRegion(region.id, on)}
              />
              {selected ? (
                <NumberField
                  id={`f-space-share-${region.id}`}
                  kind="share"
                  label={t.shareOf(region.name)}
                  unit="%"
                  class="field--nested"
                  value={selected.shareBp}
                  error={f.err(`space.subRegions.${index}.shareBp`)}
                  onValue={(v) => f.set(['space', 'subRegions', index, 'shareBp'], v)}
                  onBlur={() => f.touch(`space.subRegions.${index}.shareBp`)}
                />
              ) : null}
            </div>
          );
        })}
        {chosen.length ? (
          <p class={`sum${allShares && sum !== 10_000 ? ' sum--off' : ''}`}>
            {t.shareSum(formatPercent(sum))}
          </p>
        ) : null}
      </Group>
      <Group
        id="f-space-districts"
        legend={L.districts}
        hint={t.hints.districts}
        error={f.err('space.districts')}
      >
        {available.length === 0 ? (
          <p>{t.chooseRegionFirst}</p>
        ) : (
          available.map((region) => (
            <div key={region.id} class="choice-block">
              {available.length > 1 ? <p class="choice-heading">{region.name}</p> : null}
              {region.districts.map((district) => (
                <Checkbox
                  key={district}
                  id={`f-space-district-${slugId(district)}`}
                  label={district}
                  checked={draft.space.districts.includes(district)}
                  onChange={(on) => {
                    const all = profile.subRegions.flatMap((r) => r.districts);
                    f.set(
                      ['space', 'districts'],
                      all.filter((d) => (d === district ? on : draft.space.districts.includes(d))),
                    );
                    f.touchNow('space.districts');
                  }}
                />
              ))}
            </div>
          ))
        )}
      </Group>
      <Text
        f={f}
        path={['space', 'rationale']}
        label={L.spatialRationale}
        max={limits.spatialRationale}
        multiline
        hint={t.hints.rationale}
      />
    </>
  );
}

function Continuation({ f }: { f: FormApi }) {
  return (
    <>
      <Text
        f={f}
        path={['continuation', 'continuation']}
        label={L.continuation}
        max={limits.continuation}
        multiline
        hint={t.hints.continuation}
      />
      <Text
        f={f}
        path={['continuation', 'modelCharacter']}
        label={L.modelCharacter}
        max={limits.modelCharacter}
        multiline
        hint={t.hints.modelCharacter}
      />
    </>
  );
}

function Runtime({ f }: { f: FormApi }) {
  const { start, end } = f.draft.runtime;
  const funding = f.profile.funding;
  const valid = isValidDate(start) && isValidDate(end) && end >= start;
  return (
    <>
      <p class="hint">{t.hints.runtime(funding.maxRuntimeMonths, formatDate(funding.latestEnd))}</p>
      <div class="field-row">
        <Text f={f} path={['runtime', 'start']} label={L.start} type="date" width="medium" />
        <Text f={f} path={['runtime', 'end']} label={L.end} type="date" width="medium" />
      </div>
      {valid ? <p class="sum">{t.runtimeIs(runtimeMonths(start, end))}</p> : null}
    </>
  );
}

function LocalAlliance({ f, attachments }: { f: FormApi; attachments: ComponentChildren }) {
  return (
    <>
      <p class="hint">{t.hints.localAlliance}</p>
      <SelectField
        id="f-localAlliance-subRegionId"
        label={L.localAlliance}
        placeholder={t.choose}
        value={f.draft.localAlliance.subRegionId}
        options={f.profile.subRegions.map((r) => ({ value: r.id, label: r.localAlliance }))}
        error={f.err('localAlliance.subRegionId')}
        onValue={(v) => {
          f.set(['localAlliance', 'subRegionId'], v);
          f.touchNow('localAlliance.subRegionId');
        }}
      />
      <Text
        f={f}
        path={['localAlliance', 'presentedOn']}
        label={L.presentedOn}
        type="date"
        width="medium"
        hint={t.hints.presentedOn}
      />
      <Text
        f={f}
        path={['localAlliance', 'statement']}
        label={L.statement}
        labelNote={t.optional}
        max={limits.statement}
        multiline
        hint={t.hints.statement}
      />
      {attachments}
    </>
  );
}

function Declarations({ f }: { f: FormApi }) {
  const set = (name: 'privacy' | 'truthful', on: boolean) => {
    f.set(['declarations', name], on);
    f.touchNow(`declarations.${name}`);
  };
  return (
    <>
      <div class="panel panel--flat">
        <h3>{t.privacyHeading}</h3>
        <p>{t.privacyText}</p>
      </div>
      <Group id="f-declarations" legend={t.declarationsLegend}>
        <Checkbox
          id="f-declarations-privacy"
          label={t.privacyLabel}
          checked={f.draft.declarations.privacy}
          error={f.err('declarations.privacy')}
          onChange={(on) => set('privacy', on)}
        />
        <Checkbox
          id="f-declarations-truthful"
          label={t.truthfulLabel}
          checked={f.draft.declarations.truthful}
          error={f.err('declarations.truthful')}
          onChange={(on) => set('truthful', on)}
        />
      </Group>
    </>
  );
}

/** The form of one section (all but the cost plan, which has its own component). */
export function SectionBody({
  section,
  f,
  attachments,
}: {
  section: Exclude<SectionKey, 'finance'>;
  f: FormApi;
  attachments: ComponentChildren;
}) {
  switch (section) {
    case 'applicant':
      return <Applicant f={f} />;
    case 'project':
      return <Project f={f} />;
    case 'strategy':
      return <Strategy f={f} />;
    case 'space':
      return <Space f={f} />;
    case 'continuation':
      return <Continuation f={f} />;
    case 'runtime':
      return <Runtime f={f} />;
    case 'localAlliance':
      return <LocalAlliance f={f} attachments={attachments} />;
    case 'declarations':
      return <Declarations f={f} />;
  }
}
