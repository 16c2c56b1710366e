import type { FormDraft } from '../../functions/core/form-draft.ts';
import type { PublicProfile } from './profile.ts';
import { type Section, type SectionKey, sections, sectionsOf } from './sketch-paths.ts';

/*
 * The sketch as the form holds it (functions/core/form-draft.ts: the server reads a stored draft
 * the same way to answer the step list's states), and where the form's fields are.
 */

export type { CostLine, FormDraft, Num } from '../../functions/core/form-draft.ts';
export { normalizeDraft } from '../../functions/core/form-draft.ts';
/** The profile as the API answers it (`getProfile`): its public fields only. */
export type { PublicProfile };
export { type Section, type SectionKey, sections, sectionsOf };

export type Path = readonly (string | number)[];

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy with `value` at `path`; everything off the path keeps its identity (memoised rows stay put). */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[key as number] = setIn(copy[key as number], rest, next);
    return copy as T;
  }
  const object = (value ?? {}) as Record<string | number, unknown>;
  return { ...object, [key]: setIn(object[key], rest, next) } as T;
}

// ---- Checking (sketch-check.ts, loaded on the form's first use) ---------------------------------

export interface FormIssue {
  field: string;
  message: string;
  /** A rule of the profile (sums, caps, dates), not the shape of one field. */
  rule: boolean;
}

export const sectionOf = (field: string): Section =>
  sections.find((s) => field === s.key || field.startsWith(`${s.key}.`)) ?? sections[0];

/** A stable, readable id for a district or another profile name used in an id. */
export const slugId = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The id of the input a field path belongs to. Lists the applicant picks from the profile
 * (priorities, sub-regions) are named by the item's id, not its place in the draft.
 */
export function fieldId(field: string, draft: FormDraft): string {
  const path = field.split('.');
  const [section, list, index] = path;
  if (section === 'strategy' && list === 'priorities' && index !== undefined) {
    const id = draft.strategy.priorities[Number(index)]?.id;
    if (id) return `f-strategy-priority-${slugId(id)}`;
  }
  if (section === 'strategy' && list === 'themes') return 'f-strategy-themes';
  if (section === 'space' && list === 'subRegions' && index !== undefined) {
    const id = draft.space.subRegions[Number(index)]?.id;
    if (id) return path[3] === 'id' ? `f-space-region-${id}` : `f-space-share-${id}`;
  }
  if (section === 'space' && list === 'districts') return 'f-space-districts';
  return `f-${path.join('-')}`;
}
