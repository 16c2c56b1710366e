import type { SketchDoc } from '../../functions/core/sketch-doc.ts';
import { type Caller, signIn, uniqueEmail } from './api.ts';

/*
 * The local alliances in tests, as in real life: the office keeps an account per sub-region
 * (PUT /api/admin/local-accounts/{id}), the alliance signs in by emailed link and gives its
 * statement in its workspace. What was set up is kept per portal and sub-region for this test
 * file's process; a session that ended (the tests move the clock) is signed in again.
 */

const accounts = new Map<string, { email: string; caller?: Caller }>();

/** The local alliance of `subRegionId` on the portal at `base`, signed in. */
export async function localAlliance(base: string, office: Caller, subRegionId: string): Promise<Caller> {
  const key = `${base} ${subRegionId}`;
  let account = accounts.get(key);
  if (!account) {
    account = { email: uniqueEmail(`lokal-${subRegionId}`) };
    const id = `test-${account.email.split('@')[0]}`;
    const stored = await office.call('PUT', `/api/admin/local-accounts/${id}`, {
      subRegionId,
      name: `Lokale Allianz ${subRegionId}`,
      email: account.email,
    });
    if (stored.status !== 200) throw new Error(`local account not stored: ${JSON.stringify(stored.body)}`);
    accounts.set(key, account);
  }
  const live = account.caller && (await account.caller.call('GET', '/api/local/sketches')).status === 200;
  if (!live) account.caller = await signIn(base, account.email);
  return account.caller as Caller;
}

/** Every statement the sketch needs, "supports", one per sub-region, each by its local alliance. */
export async function giveStatements(
  base: string,
  office: Caller,
  sketch: Pick<SketchDoc, 'id' | 'draft'>,
  verdict: 'supports' | 'supports_with_conditions' | 'does_not_support' = 'supports',
): Promise<void> {
  const space = sketch.draft.space as { subRegions?: { id: string }[] } | undefined;
  for (const { id } of space?.subRegions ?? []) {
    const local = await localAlliance(base, office, id);
    const note = verdict === 'supports' ? '' : 'In der Sitzung der lokalen Allianz beraten.';
    const given = await local.call('POST', `/api/local/sketches/${sketch.id}/statements`, {
      subRegionId: id,
      verdict,
      note,
    });
    if (given.status !== 200) throw new Error(`statement not given: ${JSON.stringify(given.body)}`);
  }
}

/**
 * Every statement the sketch needs ("supports"), given by accounts that exist already (the local
 * portal's demo accounts in the e2e tests), each signed in by `signInAs`.
 */
export async function statementsBy(
  accounts: readonly { email: string; subRegionId: string }[],
  signInAs: (email: string) => Promise<Caller>,
  sketch: Pick<SketchDoc, 'id' | 'draft'>,
): Promise<void> {
  const space = sketch.draft.space as { subRegions?: { id: string }[] } | undefined;
  for (const { id } of space?.subRegions ?? []) {
    const account = accounts.find((a) => a.subRegionId === id);
    if (!account) throw new Error(`no local alliance account for ${id}`);
    const local = await signInAs(account.email);
    const given = await local.call('POST', `/api/local/sketches/${sketch.id}/statements`, {
      subRegionId: id,
      verdict: 'supports',
    });
    if (given.status !== 200) throw new Error(`statement not given: ${JSON.stringify(given.body)}`);
  }
}
