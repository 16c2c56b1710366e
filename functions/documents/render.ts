import type { DocumentOrder } from '../core/documents.ts';
import type { CriteriaProfile } from '../core/profile.ts';
import { circulationRecordPdf, dossierPdf, minutesPdf, votumLetterPdf } from './pdf.ts';

/** Renders an ordered document with the deployment's profile; `issuedAt` dates it. */
export function renderDocument(
  order: DocumentOrder,
  profile: CriteriaProfile,
  issuedAt: string,
): Promise<Uint8Array> {
  switch (order.kind) {
    case 'votum-letter':
      return votumLetterPdf({ ...order.input, profile, issuedAt: new Date(issuedAt) });
    case 'minutes':
      return minutesPdf({ ...order.input, profile, createdAt: new Date(issuedAt) });
    case 'circulation-record':
      return circulationRecordPdf({ ...order.input, profile, closedAt: new Date(issuedAt) });
    case 'dossier':
      return dossierPdf({ ...order.input, profile, createdAt: new Date(issuedAt) });
  }
}
