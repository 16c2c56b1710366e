import { useChunk } from '../chunk.ts';
import { texts } from '../texts.de.ts';
import type { AttachmentsProps } from './Attachments.tsx';
import { attachmentTexts as t } from './attachments.texts.de.ts';

const loadAttachments = () => import('./Attachments.tsx');

/**
 * A sketch's attachments, read only, under a heading: on the review and the sketch's own page the
 * applicant sees what was uploaded (the local alliance's statement) with the rest of the sketch.
 * The list's code loads as a chunk of its own, after the page is drawn.
 */
export function AttachmentsSlot({ sketchId, kind }: Pick<AttachmentsProps, 'sketchId' | 'kind'>) {
  const chunk = useChunk(loadAttachments);
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t.heading}</h2>
      {chunk.state === 'loaded' ? (
        <chunk.module.Attachments sketchId={sketchId} {...(kind ? { kind } : {})} />
      ) : (
        <p role="status">{chunk.state === 'failed' ? texts.error.chunk : texts.error.loading}</p>
      )}
    </section>
  );
}
