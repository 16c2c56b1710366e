import type { PublicProfile } from '../../sketch-form.ts';

export type { PublicProfile };

export const subRegionName = (profile: PublicProfile | undefined, id: string) =>
  profile?.subRegions.find((s) => s.id === id)?.name ?? id;

/** The list's last address with its filters, so "Zurück zur Liste" returns to the same filtered view. */
export const listAddress = { current: '/verwaltung' };
