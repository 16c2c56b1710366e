import { loadCriteria } from '../../alliances/criteria.ts';
import { loadLegal } from '../../alliances/legal.ts';
import { proseProfile } from '../../alliances/prose.ts';
import * as route from '../../core/contract/auth.ts';
import { type AllianceProfile, type PublicProfile, publicProfile } from '../../core/profile.ts';
import { config } from '../../platform/config.ts';
import { handle, unchanging } from '../stack.ts';

/** The public part of each profile the process has read (one; tests read others), made once. */
const answered = new WeakMap<AllianceProfile, Readonly<PublicProfile>>();

/** The alliance's profile as the form and the signed-out pages need it (public facts only). */
export default handle(route.getProfile)(async () => {
  const { profile, ALLIANCE } = config();
  let body = answered.get(profile);
  if (!body) {
    body = unchanging(
      publicProfile({
        ...proseProfile(profile, ALLIANCE),
        criteria: loadCriteria(ALLIANCE),
        legal: loadLegal(ALLIANCE),
      }),
    );
    answered.set(profile, body);
  }
  return { status: 200, body, headers: { 'cache-control': 'public, max-age=300' } };
});
