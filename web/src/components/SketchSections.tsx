import type { ComponentChildren } from 'preact';
import { formOfAddressLabels } from '../../../functions/core/sketch.de.ts';
import { formsOfAddress, sketchLabels as L } from '../../../functions/core/sketch-fields.ts';
import { useChunk } from '../chunk.ts';
import { formTexts } from '../form.texts.de.ts';
import { RadioGroup } from '../lib/radio-group.tsx';
import { type FormDraft, getIn, type Path, type PublicProfile, type SectionKey } from '../sketch-form.ts';
import { texts } from '../texts.de.ts';
import { Group, TextField } from './FormField.tsx';

const t = formTexts.form;

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
export const key = (path: Path): string => path.join('.');

export function Text({
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
          <span class="visually-hidden">{formTexts.sketchForm.errorPrefix} </span>
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
        <RadioGroup
          id={pid([...a, 'contactAddress'])}
          legend={L.contactAddress}
          hint={t.hints.contactAddress}
          inline
          value={f.draft.applicant.contactAddress}
          onChange={(value) => {
            f.set([...a, 'contactAddress'], value);
            f.touchNow(key([...a, 'contactAddress']));
          }}
          error={f.err(key([...a, 'contactAddress']))}
          options={formsOfAddress.map((value) => ({ value, label: formOfAddressLabels[value] }))}
        />
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

/** Loads steps 2 to 9 (SketchSteps.tsx); asked for again, it answers from the browser's module cache. */
export const loadSteps = () => import('./SketchSteps.tsx');

function LaterStep(props: {
  section: Exclude<SectionKey, 'finance' | 'applicant'>;
  f: FormApi;
  attachments: ComponentChildren;
}) {
  const chunk = useChunk(loadSteps);
  if (chunk.state === 'loaded') return <chunk.module.StepBody {...props} />;
  return <p role="status">{chunk.state === 'failed' ? texts.error.chunk : texts.error.loading}</p>;
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
  return section === 'applicant' ? (
    <Applicant f={f} />
  ) : (
    <LaterStep section={section} f={f} attachments={attachments} />
  );
}
