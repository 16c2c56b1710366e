import type { InflectedName } from './profile.ts';

/** A name with its article at a sentence's start („Der Sprecherkreis …“). */
export function capitalised(form: string): string {
  return form.charAt(0).toUpperCase() + form.slice(1);
}

/** The possessive before a feminine noun („in ihrer Sitzung“ / „in seiner Sitzung“). */
export function possessive(form: InflectedName): string {
  return form.gender === 'feminine' ? 'ihrer' : 'seiner';
}
