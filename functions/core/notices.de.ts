/* What the office's notice settings and the notices' audit events say (core/notices.ts). */
export const noticeMessages = {
  changeNoteEvent: (note: string) => `Was sich geändert hat: ${note}`,
  mode: 'Benachrichtigung: Bitte „each“ (jede Einreichung einzeln) oder „digest“ (täglich gesammelt) wählen.',
} as const;
