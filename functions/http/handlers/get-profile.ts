import { loadLegal } from '../../alliances/legal.ts';
import * as route from '../../core/contract/auth.ts';
import { publicProfile } from '../../core/profile.ts';
import { config } from '../../platform/config.ts';
import { handle } from '../stack.ts';

/** The alliance's profile as the form and the signed-out pages need it (public facts only). */
export default handle(route.getProfile)(async () => {
  return {
    status: 200,
    body: publicProfile({ ...config().profile, legal: loadLegal(config().ALLIANCE) }),
    headers: { 'cache-control': 'public, max-age=300' },
  };
});
