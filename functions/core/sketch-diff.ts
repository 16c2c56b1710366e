import { formatDate } from './dates.ts';
import { formatEuro, formatPercent } from './money.ts';
import { list, record } from './sketch-doc.ts';
import { type CostCategory, costCategoryLabels, sketchLabels } from './sketch-fields.ts';
import { sketchShape } from './sketch-full.ts';

/*
 * The differences between two submitted versions of a sketch, field by field in the form's order,
 * with German labels. Apart from sketch-doc.ts because it walks the schema: only the version pages
 * need it, and nothing else should build the schema to show a sketch.
 */

export interface Change {
  /** Dotted path, as in the API's field errors. */
  path: string;
  /** The field in German, with its row where it is in a list ("Kostenplan, Zeile 3: Betrag"). */
  label: string;
  before?: string;
  after?: string;
}

const listLabels: Record<string, string> = {
  partners: 'Partner',
  activities: 'Arbeitspaket',
  results: 'Ergebnis',
  priorities: 'Handlungsschwerpunkt',
  themes: 'Querschnittsthema',
  subRegions: 'Teilraum',
  districts: 'Landkreis',
  costs: 'Kostenplan, Zeile',
  thirdParty: 'Drittmittel, Zeile',
  goals: 'Ziel',
};

/** Leaf keys whose label differs from the key (the same word means different fields in lists). */
const leafLabels: Record<string, Record<string, string>> = {
  partners: { name: sketchLabels.partnerName, role: sketchLabels.partnerRole },
  activities: { title: sketchLabels.activityTitle, description: sketchLabels.activityDescription },
  results: { target: sketchLabels.targetValue },
  costs: { description: sketchLabels.costDescription, amountCents: sketchLabels.amount },
  thirdParty: { source: sketchLabels.thirdPartySource, amountCents: sketchLabels.amount },
  subRegions: { id: sketchLabels.subRegions, shareBp: sketchLabels.share },
  priorities: { id: sketchLabels.priorities, goals: 'Ziele' },
  space: { rationale: sketchLabels.spatialRationale },
  finance: { esfCents: sketchLabels.esf, ownCents: sketchLabels.own },
  localAlliance: { subRegionId: sketchLabels.localAlliance },
};

/** The German label of a field path such as `finance.costs.2.amountCents`. */
export function fieldLabel(path: readonly (string | number)[]): string {
  const parts: string[] = [];
  let parent = String(path[0] ?? '');
  let leaf = '';
  for (let i = 1; i < path.length; i++) {
    const key = path[i];
    if (typeof key === 'number' || /^\d+$/.test(String(key))) {
      parts.push(`${listLabels[parent] ?? parent} ${Number(key) + 1}`);
      continue;
    }
    leaf =
      leafLabels[parent]?.[key as string] ?? (sketchLabels as Record<string, string>)[key as string] ?? '';
    parent = key as string;
  }
  const last = path.at(-1);
  if (typeof last === 'number' || /^\d+$/.test(String(last))) return parts.join(', ');
  return [...parts, leaf || String(last)].join(parts.length ? ': ' : '');
}

function show(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (typeof value === 'number') {
    if (key.endsWith('Cents')) return formatEuro(value);
    if (key.endsWith('Bp')) return formatPercent(value);
    return String(value);
  }
  if (typeof value === 'string') {
    if (key === 'category' && value in costCategoryLabels) return costCategoryLabels[value as CostCategory];
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  }
  return JSON.stringify(value);
}

type SchemaNode = {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, SchemaNode>;
      element?: SchemaNode;
      innerType?: SchemaNode;
      in?: SchemaNode;
    };
  };
};

/** The keys of each object in the sketch, in the schema's (the form's) order, by path without list indexes. */
let keyOrder: Map<string, string[]> | undefined;
/** Built on first use, so that importing the module builds no schema. */
function keyOrderOf(): Map<string, string[]> {
  keyOrder ??= keysBySchema();
  return keyOrder;
}
function keysBySchema(): Map<string, string[]> {
  const order = new Map<string, string[]>();
  const visit = (node: SchemaNode | undefined, path: string) => {
    const def = node?._zod.def;
    if (!def) return;
    if (def.shape) {
      order.set(path, Object.keys(def.shape));
      for (const [key, child] of Object.entries(def.shape)) visit(child, path ? `${path}.${key}` : key);
    } else visit(def.element ?? def.innerType ?? def.in, path);
  };
  const shape = sketchShape();
  order.set('', Object.keys(shape));
  for (const [key, child] of Object.entries(shape)) visit(child as unknown as SchemaNode, key);
  return order;
}

function orderedKeys(path: (string | number)[], a: unknown, b: unknown): string[] {
  const known = keyOrderOf().get(path.filter((p) => typeof p === 'string').join('.')) ?? [];
  const present = new Set([...Object.keys(record(a)), ...Object.keys(record(b))]);
  return [...known.filter((k) => present.has(k)), ...[...present].filter((k) => !known.includes(k)).sort()];
}

/** Every field whose value differs between two versions, in the order of the form. */
export function sketchDiff(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    const aObject = a !== null && typeof a === 'object';
    const bObject = b !== null && typeof b === 'object';
    if (aObject || bObject) {
      const aIsList = Array.isArray(a);
      const keys =
        aIsList || Array.isArray(b)
          ? Array.from({ length: Math.max(list(a).length, list(b).length) }, (_, i) => i)
          : orderedKeys(path, a, b);
      for (const key of keys) {
        const next = (v: unknown) => (Array.isArray(v) ? v[key as number] : record(v)[key]);
        walk(next(a), next(b), [...path, key]);
      }
      return;
    }
    const key = String(path.findLast((p) => typeof p === 'string') ?? '');
    const [was, is] = [show(key, a), show(key, b)];
    if (was === is) return;
    changes.push({
      path: path.join('.'),
      label: fieldLabel(path),
      ...(was ? { before: was } : {}),
      ...(is ? { after: is } : {}),
    });
  };
  walk(before, after, []);
  return changes;
}
