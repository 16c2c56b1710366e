import type { ComponentChildren } from 'preact';
import { formatDate, isValidDate, runtimeMonths } from '../../../functions/core/dates.ts';
import { formatPercent } from '../../../functions/core/money.ts';
import { sketchLabels as L, limits } from '../../../functions/core/sketch-fields.ts';
import { formTexts } from '../form.texts.de.ts';
import { useNames } from '../names.ts';
import { getIn, type Num, type Path, type SectionKey, slugId } from '../sketch-form.ts';
import { stepTexts } from '../steps.texts.de.ts';
import { Checkbox, NumberField, SelectField } from './ChoiceFields.tsx';
import { Group } from './FormField.tsx';
import { type FormApi, Items, key, pid, Text } from './SketchSections.tsx';

/*
 * Steps 2 to 9 of the sketch form (all but the applicant, which is the first, and the cost plan,
 * which has its own chunk): loaded when one of them is opened or the applicant starts filling in
 * the first, so the form's first step needs none of this code.
 */

const t = formTexts.form;

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

function Project({ f }: { f: FormApi }) {
  const p = ['project'] as const;
  return (
    <>
      <Text f={f} path={[...p, 'title']} label={L.title} max={limits.title} hint={stepTexts.hints.title} />
      <Text
        f={f}
        path={[...p, 'summary']}
        label={L.summary}
        max={limits.summary}
        multiline
        hint={stepTexts.hints.summary}
      />
      <Text
        f={f}
        path={[...p, 'situation']}
        label={L.situation}
        max={limits.situation}
        multiline
        hint={stepTexts.hints.situation}
      />
      <Text
        f={f}
        path={[...p, 'goals']}
        label={L.goals}
        max={limits.goals}
        multiline
        hint={stepTexts.hints.goals}
      />
      <Text
        f={f}
        path={[...p, 'targetGroups']}
        label={L.targetGroups}
        max={limits.targetGroups}
        multiline
        hint={stepTexts.hints.targetGroups}
      />
      <h3>{stepTexts.activities}</h3>
      <Items
        f={f}
        path={[...p, 'activities']}
        count={f.draft.project.activities.length}
        itemLabel={(i) => `${L.activityTitle} ${i + 1}`}
        addLabel={stepTexts.addActivity}
        blank={() => ({ title: '', description: '', startMonth: undefined, endMonth: undefined })}
        firstKey="title"
        hint={stepTexts.hints.activities}
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
      <h3>{stepTexts.results}</h3>
      <Items
        f={f}
        path={[...p, 'results']}
        count={f.draft.project.results.length}
        itemLabel={(i) => `${L.result} ${i + 1}`}
        addLabel={stepTexts.addResult}
        blank={() => ({ result: '', indicator: '', target: '' })}
        firstKey="result"
        hint={stepTexts.hints.results}
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
        hint={stepTexts.hints.priorities}
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
                  legend={stepTexts.goalsOf(priority.id)}
                  hint={stepTexts.hints.priorityGoals}
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
          hint={stepTexts.hints.themes}
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
        legend={stepTexts.subRegionsLegend}
        hint={stepTexts.hints.subRegions}
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
                  label={stepTexts.shareOf(region.name)}
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
            {stepTexts.shareSum(formatPercent(sum))}
          </p>
        ) : null}
      </Group>
      <Group
        id="f-space-districts"
        legend={L.districts}
        hint={stepTexts.hints.districts}
        error={f.err('space.districts')}
      >
        {available.length === 0 ? (
          <p>{stepTexts.chooseRegionFirst}</p>
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
        hint={stepTexts.hints.rationale}
      />
    </>
  );
}

function Continuation({ f }: { f: FormApi }) {
  // Which of the two the applicant must answer is the profile's (`form.questions`).
  const asked = f.profile.form.questions;
  const note = (question: keyof typeof asked) => (asked[question] === 'optional' ? t.optional : undefined);
  return (
    <>
      <Text
        f={f}
        path={['continuation', 'continuation']}
        label={L.continuation}
        labelNote={note('continuation')}
        max={limits.continuation}
        multiline
        hint={stepTexts.hints.continuation}
      />
      <Text
        f={f}
        path={['continuation', 'modelCharacter']}
        label={L.modelCharacter}
        labelNote={note('modelCharacter')}
        max={limits.modelCharacter}
        multiline
        hint={stepTexts.hints.modelCharacter}
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
      <p class="hint">{stepTexts.hints.runtime(funding.maxRuntimeMonths, formatDate(funding.latestEnd))}</p>
      <div class="field-row">
        <Text f={f} path={['runtime', 'start']} label={L.start} type="date" width="medium" />
        <Text f={f} path={['runtime', 'end']} label={L.end} type="date" width="medium" />
      </div>
      {valid ? <p class="sum">{stepTexts.runtimeIs(runtimeMonths(start, end))}</p> : null}
    </>
  );
}

function LocalAlliance({ f, attachments }: { f: FormApi; attachments: ComponentChildren }) {
  return (
    <>
      <p class="hint">{stepTexts.hints.localAlliance}</p>
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
        hint={stepTexts.hints.presentedOn}
      />
      <Text
        f={f}
        path={['localAlliance', 'statement']}
        label={L.statement}
        labelNote={t.optional}
        max={limits.statement}
        multiline
        hint={stepTexts.hints.statement}
      />
      {attachments}
    </>
  );
}

function Declarations({ f }: { f: FormApi }) {
  const names = useNames();
  const set = (name: 'privacy' | 'truthful', on: boolean) => {
    f.set(['declarations', name], on);
    f.touchNow(`declarations.${name}`);
  };
  return (
    <>
      <div class="panel panel--flat">
        <h3>{stepTexts.privacyHeading}</h3>
        <p>{stepTexts.privacyText(names)}</p>
      </div>
      <Group id="f-declarations" legend={stepTexts.declarationsLegend}>
        <Checkbox
          id="f-declarations-privacy"
          label={stepTexts.privacyLabel}
          checked={f.draft.declarations.privacy}
          error={f.err('declarations.privacy')}
          onChange={(on) => set('privacy', on)}
        />
        <Checkbox
          id="f-declarations-truthful"
          label={stepTexts.truthfulLabel}
          checked={f.draft.declarations.truthful}
          error={f.err('declarations.truthful')}
          onChange={(on) => set('truthful', on)}
        />
      </Group>
    </>
  );
}

/** The form of one of these sections. */
export function StepBody({
  section,
  f,
  attachments,
}: {
  section: Exclude<SectionKey, 'finance' | 'applicant'>;
  f: FormApi;
  attachments: ComponentChildren;
}) {
  switch (section) {
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
