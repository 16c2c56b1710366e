import { berlinDate, berlinTimeOfDay, formatDate } from '../core/dates.ts';

/** German formats for what people read: "31.12.2028, 14:05 Uhr" (Berlin time). */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return `${formatDate(berlinDate(at))}, ${berlinTimeOfDay(at)} Uhr`;
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
