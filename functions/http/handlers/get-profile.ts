import { config } from '../../platform/config.ts';
import * as route from '../routes.ts';
import { httpHandler } from '../stack.ts';

/** The alliance's profile as the form and the signed-out pages need it (public facts only). */
export const handler = httpHandler(route.getProfile, async () => {
  const { mailFrom: _sender, ...profile } = config().profile;
  return { status: 200, body: profile, headers: { 'cache-control': 'public, max-age=300' } };
});
