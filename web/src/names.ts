import type { ProfileNames } from '../../functions/core/profile.ts';
import { useProfile } from './profile.ts';
import { texts } from './texts.de.ts';

/**
 * The alliance's names with their articles, from its profile (`getProfile`), for the texts that name
 * the alliance or its decision body. Until the profile is loaded (or if it cannot be), neutral words
 * stand in, so no page speaks of another alliance's body.
 */
export function useNames(): ProfileNames {
  const profile = useProfile();
  return profile.state === 'loaded' ? profile.profile.names : texts.neutralNames;
}
