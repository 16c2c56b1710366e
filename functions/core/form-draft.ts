import { type FormOfAddress, formsOfAddress } from './sketch-fields.ts';
import type { SketchDraft } from './sketch-full.ts';

/*
 * The sketch as the applicant's form holds it: always the schema's full shape (a missing section
 * would only earn zod's generic "Invalid input"), with a number field holding the typed text
 * instead when it is not a number yet, so autosave keeps exactly what was typed and the schema
 * names the mistake. The form reads a stored draft into it, and so does get-sketch to answer the
 * form's step states (draft-check.ts). No zod here: the form's first script holds this module.
 */

/** A number, the text typed where it is not one yet, or nothing. */
export type Num = number | string | undefined;

export interface Partner {
  name: string;
  role: string;
}
export interface Activity {
  title: string;
  description: string;
  startMonth: Num;
  endMonth: Num;
}
export interface Result {
  result: string;
  indicator: string;
  target: string;
}
export interface CostLine {
  category: string;
  description: string;
  year: Num;
  amountCents: Num;
}
export interface ThirdParty {
  source: string;
  amountCents: Num;
}

export interface FormDraft {
  applicant: {
    organisation: string;
    legalForm: string;
    street: string;
    postalCode: string;
    city: string;
    contactName: string;
    contactAddress: FormOfAddress;
    contactRole: string;
    contactEmail: string;
    contactPhone: string;
    partners: Partner[];
  };
  project: {
    title: string;
    summary: string;
    situation: string;
    goals: string;
    targetGroups: string;
    activities: Activity[];
    results: Result[];
  };
  strategy: { priorities: { id: string; goals: string[] }[]; themes: string[] };
  space: { subRegions: { id: string; shareBp: Num }[]; districts: string[]; rationale: string };
  continuation: { continuation: string; modelCharacter: string };
  runtime: { start: string; end: string };
  finance: {
    costs: CostLine[];
    esfCents: Num;
    ownCents: Num;
    thirdParty: ThirdParty[];
    capJustification: string;
  };
  localAlliance: { subRegionId: string; presentedOn: string; statement: string };
  declarations: { privacy: boolean; truthful: boolean };
}

/**
 * The form's shape, field by field: `s` text, `n` a number or the text typed for it, `b` a box to
 * tick, `t` a list of ids, `a` the form of address; `[item]` a list of items, `{…}` a group. One
 * description read by one function, rather than a reader per field (fewer bytes in the first script
 * and in get-sketch).
 */
type Spec = 's' | 'n' | 'b' | 't' | 'a' | readonly [Spec] | { readonly [key: string]: Spec };
const shape: Spec = {
  applicant: {
    organisation: 's',
    legalForm: 's',
    street: 's',
    postalCode: 's',
    city: 's',
    contactName: 's',
    contactAddress: 'a',
    contactRole: 's',
    contactEmail: 's',
    contactPhone: 's',
    partners: [{ name: 's', role: 's' }],
  },
  project: {
    title: 's',
    summary: 's',
    situation: 's',
    goals: 's',
    targetGroups: 's',
    activities: [{ title: 's', description: 's', startMonth: 'n', endMonth: 'n' }],
    results: [{ result: 's', indicator: 's', target: 's' }],
  },
  strategy: { priorities: [{ id: 's', goals: 't' }], themes: 't' },
  space: { subRegions: [{ id: 's', shareBp: 'n' }], districts: 't', rationale: 's' },
  continuation: { continuation: 's', modelCharacter: 's' },
  runtime: { start: 's', end: 's' },
  finance: {
    costs: [{ category: 's', description: 's', year: 'n', amountCents: 'n' }],
    esfCents: 'n',
    ownCents: 'n',
    thirdParty: [{ source: 's', amountCents: 'n' }],
    capJustification: 's',
  },
  localAlliance: { subRegionId: 's', presentedOn: 's', statement: 's' },
  declarations: { privacy: 'b', truthful: 'b' },
};

/** `zero`: a number field reads as its number, or 0 when it holds text or nothing. */
function read(spec: Spec, value: unknown, zero: boolean): unknown {
  if (spec === 's') return typeof value === 'string' ? value : '';
  if (spec === 'n' && zero) return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  if (spec === 'n')
    return typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : undefined;
  if (spec === 'b') return value === true;
  if (spec === 't') return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
  if (spec === 'a') return (formsOfAddress as readonly unknown[]).includes(value) ? value : 'neutral';
  if (Array.isArray(spec)) return Array.isArray(value) ? value.map((item) => read(spec[0], item, zero)) : [];
  const group =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(Object.entries(spec).map(([key, field]) => [key, read(field, group[key], zero)]));
}

/** Reads whatever the server holds (a draft may be half filled in, or from an older form) into the full shape. */
export function normalizeDraft(draft: SketchDraft | undefined): FormDraft {
  return read(shape, draft, false) as FormDraft;
}

/**
 * The draft with a number in every number field, 0 where it holds text or nothing: as the profile's
 * rules read it (the field itself shows the mistake).
 */
export const numbersOf = (draft: FormDraft): FormDraft => read(shape, draft, true) as FormDraft;
