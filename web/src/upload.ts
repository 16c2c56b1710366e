import type { UploadTicket } from '../../functions/core/attachments.ts';

/** The upload's answer was not 2xx: S3 refused it (policy expired, too large, …) or could not be reached. */
export class UploadError extends Error {
  override name = 'UploadError';
  /** The HTTP status; 0 when the request did not get through. */
  readonly status: number;
  constructor(status: number) {
    super(`upload failed with ${status}`);
    this.status = status;
  }
}

/**
 * Sends a file with a presigned POST, as a browser form would (the policy's fields, then the file),
 * reporting progress from 0 to 1. XMLHttpRequest, because fetch reports no upload progress.
 */
export function uploadFile(
  ticket: UploadTicket,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', ticket.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status >= 200 && request.status < 300 ? resolve() : reject(new UploadError(request.status));
    request.onerror = () => reject(new UploadError(0));
    request.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}
