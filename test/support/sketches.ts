import { randomUUID } from 'node:crypto';
import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import {
  type Sketch,
  type SketchDraft,
  type SketchSection,
  sketchSections,
} from '../../functions/core/sketch-full.ts';
import type { Answer, Caller } from './api.ts';

/** A sketch of a profile with the local step: its local alliance section is there. */
export type LocalSketch = Sketch & { localAlliance: NonNullable<Sketch['localAlliance']> };

/**
 * Leine-Weser's form steps, what a draft with none of them complete still has to do: every section
 * of the sketch, in the form's order (the profile has the local step, and each step required fields).
 */
export const leineWeserFormSteps: readonly SketchSection[] = sketchSections;

/**
 * A realistic Leine-Weser sketch: three sub-regions, 36 months (01.01.2026–31.12.2028), a cost plan
 * by category and year, financing equal to costs, below the cap, presented to a local alliance.
 */
export function leineWeserSketch(): LocalSketch {
  const costs: Sketch['finance']['costs'] = [];
  for (const year of [2026, 2027, 2028]) {
    costs.push(
      {
        category: 'personnel',
        description: 'Projektleitung (0,5 VZÄ, TV-L E11)',
        year,
        amountCents: 3_600_000,
      },
      { category: 'personnel', description: 'Coaching (1,0 VZÄ, TV-L E10)', year, amountCents: 6_200_000 },
      { category: 'material', description: 'Lernmaterial und Lizenzen', year, amountCents: 450_000 },
      { category: 'services', description: 'Externe Dozentinnen', year, amountCents: 800_000 },
      {
        category: 'travel',
        description: 'Fahrten zu Betrieben in drei Teilräumen',
        year,
        amountCents: 250_000,
      },
      {
        category: 'flat_rate',
        description: 'Restkostenpauschale 15 % der Personalkosten',
        year,
        amountCents: 1_470_000,
      },
    );
  }
  const total = costs.reduce((sum, c) => sum + c.amountCents, 0); // 38.310.000 ct = 383.100,00 €
  return {
    applicant: {
      organisation: 'Bildungswerk Weserbergland e. V.',
      legalForm: 'eingetragener Verein',
      street: 'Deisterallee 12',
      postalCode: '31785',
      city: 'Hameln',
      contactName: 'Anna Musterfrau',
      contactRole: 'Projektleitung',
      contactEmail: 'anna.musterfrau@example.org',
      contactPhone: '05151 123456',
      partners: [{ name: 'Pflegeschule Hildesheim gGmbH', role: 'Praxispartner' }],
    },
    project: {
      title: 'Pflegekräfte für Leine-Weser: Quereinstieg mit Begleitung',
      summary:
        'Das Projekt gewinnt Quereinsteigerinnen und Quereinsteiger für die Pflege und begleitet sie von der Orientierung bis in die Ausbildung, in allen drei Teilräumen.',
      situation:
        'In der Region Leine-Weser fehlen Pflegefachkräfte; Betriebe in ländlichen Landkreisen finden kaum Auszubildende, während Berufsrückkehrerinnen ohne Begleitung den Einstieg nicht wagen.',
      goals:
        '120 Personen beraten, 60 in eine Pflegeausbildung vermitteln, 30 Betriebe als Partner gewinnen.',
      targetGroups: 'Berufsrückkehrerinnen, Alleinerziehende, Menschen mit Migrationshintergrund',
      activities: [
        {
          title: 'Aufbau und Netzwerk',
          description: 'Partnerbetriebe und Beratungsstellen gewinnen.',
          startMonth: 1,
          endMonth: 6,
        },
        {
          title: 'Beratung und Coaching',
          description: 'Einzel- und Gruppencoaching in den Teilräumen.',
          startMonth: 4,
          endMonth: 33,
        },
        {
          title: 'Transfer',
          description: 'Ergebnisse sichern und Verstetigung vorbereiten.',
          startMonth: 30,
          endMonth: 36,
        },
      ],
      results: [
        { result: 'Vermittlungen in Ausbildung', indicator: 'Anzahl begonnener Ausbildungen', target: '60' },
      ],
    },
    strategy: {
      priorities: [
        { id: 'I', goals: ['Gewinnung von Fachkräften in Pflegeberufen und im IT-Bereich'] },
        {
          id: 'III',
          goals: ['Verbesserung von Erwerbsbeteiligung von Frauen (insbesondere auch Alleinerziehende)'],
        },
      ],
      themes: ['digitalisierung'],
    },
    space: {
      subRegions: [
        { id: 'region-hannover', shareBp: 4000 },
        { id: 'hildesheim', shareBp: 2500 },
        { id: 'weserbergland-plus', shareBp: 3500 },
      ],
      districts: [
        'Region Hannover',
        'Landkreis Hildesheim',
        'Landkreis Hameln-Pyrmont',
        'Landkreis Holzminden',
      ],
      rationale:
        'Der Bedarf an Pflegekräften ist in allen drei Teilräumen hoch; die Beratung findet vor Ort statt.',
    },
    continuation: {
      continuation: 'Die Pflegeschulen übernehmen das Coaching-Konzept in ihre Regelangebote.',
      modelCharacter: 'Das Konzept ist auf andere Engpassberufe und Bündnisse übertragbar.',
    },
    runtime: { start: '2026-01-01', end: '2028-12-31' },
    finance: {
      costs,
      esfCents: 26_817_000,
      ownCents: total - 26_817_000 - 3_000_000,
      thirdParty: [{ source: 'Stiftung Pflege Niedersachsen', amountCents: 3_000_000 }],
    },
    localAlliance: {
      subRegionId: 'weserbergland-plus',
      presentedOn: '2025-10-15',
      statement: 'Die lokale Allianz unterstützt das Projekt.',
    },
    declarations: { privacy: true, truthful: true },
  };
}

type Problem = { message: string; code?: string; fields?: { field: string; message: string }[] };

/** Starts a draft through the API; with `openSteps`, as the form's "Neue Skizze" does. */
export async function startDraft(
  caller: Caller,
  draft: SketchDraft = {},
  openSteps?: readonly SketchSection[],
): Promise<SketchDoc> {
  const answer = await caller.call<SketchDoc>(
    'POST',
    '/api/sketches',
    { draft, ...(openSteps ? { openSteps } : {}) },
    { 'idempotency-key': randomUUID() },
  );
  if (answer.status !== 201)
    throw new Error(`draft not created: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Autosaves `draft`; with `openSteps` (taken as given, so a test can send bad ones), as the form does. */
export const saveDraftAs = (
  caller: Caller,
  id: string,
  version: number,
  draft: unknown,
  openSteps?: unknown,
) =>
  caller.call<{ version: number; updatedAt: string } & Problem>('PUT', `/api/sketches/${id}/draft`, {
    version,
    draft,
    ...(openSteps === undefined ? {} : { openSteps }),
  });

export const submitAs = (caller: Caller, id: string, version: number, key: string = randomUUID()) =>
  caller.call<SketchDoc & Problem>(
    'POST',
    `/api/sketches/${id}/submit`,
    { version },
    { 'idempotency-key': key },
  );

/** A complete sketch, drafted and submitted through the API: what the office finds in its list. */
export async function submittedSketch(
  caller: Caller,
  sketch: Sketch = leineWeserSketch(),
): Promise<SketchDoc> {
  const draft = await startDraft(caller, sketch);
  const answer: Answer<SketchDoc & Problem> = await submitAs(caller, draft.id, draft.version);
  if (answer.status !== 200)
    throw new Error(`not submitted: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * A meeting that endorses `sketchId`, recorded as the office does it: every active seat present by
 * its member, all approving (the result is computed from these counts). Where no seat is active (a
 * file running alone), a seat of its own is listed present, inactive so that no vote takes it.
 */
export async function endorsedInMeeting(office: Caller, sketchId: string, date: string) {
  const seats = await office.call<{ items: { id: string; active: boolean }[] }>('GET', '/api/admin/seats');
  const present = seats.body.items.filter((s) => s.active).map((s) => s.id);
  if (present.length === 0) {
    const id = `sitzung-${randomUUID().slice(0, 8)}`;
    await office.call('PUT', `/api/admin/seats/${id}`, {
      institution: 'Sitz für die Sitzung',
      member: { name: 'Ein Mitglied', email: `${id}@example.org` },
      active: false,
    });
    present.push(id);
  }
  return office.call('POST', '/api/admin/meetings', {
    date,
    attendance: present.map((seatId) => ({ seatId, presence: 'member' })),
    decisions: [{ sketchId, approve: present.length, object: 0, abstain: 0 }],
  });
}
