/* The attachment limits, apart so that the texts that name them (attachments.de.ts) need nothing else. */

/** 10 MB per file: a scanned statement or a cost plan fits, a video does not. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
/** Per sketch, all kinds together; pending uploads that have not expired count too. */
export const maxAttachmentsPerSketch = 10;
