import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type AttachmentKind,
  type AttachmentMeta,
  acceptAttribute,
  allowedTypes,
  attachmentKindLabels,
  attachmentKinds,
  formatSize,
  isAllowedType,
  sizeProblem,
} from '../../../functions/core/attachments.ts';
import { formatDateTime } from '../../../functions/core/dates.ts';
import { type AnswerOf, ApiError, call, href, isAbort } from '../lib/api.ts';
import { listAttachments } from '../lib/attachments.ts';
import { UploadError, uploadFile } from '../upload.ts';
import { attachmentTexts as t } from './attachments.texts.de.ts';

export interface AttachmentsProps {
  sketchId: string;
  /** Only this kind of attachment (list and upload); without it all three kinds. */
  kind?: AttachmentKind;
  /** Upload and remove controls: for the sketch's owner while it is a draft or submitted. */
  editable?: boolean;
  /** Told the checked attachments whenever they change (after loading, an upload, a removal). */
  onChange?: (items: readonly AttachmentMeta[]) => void;
}

interface RunningUpload {
  key: number;
  kind: AttachmentKind;
  fileName: string;
  percent: number;
  checking: boolean;
}

const typeLabel = (contentType: string) =>
  isAllowedType(contentType) ? allowedTypes[contentType].label : contentType;

/** What went wrong, in the words the person reads next to the file input. */
function problemText(error: unknown, fileName: string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t.uploadNetwork(fileName);
    return error.fields.map((f) => f.message).join(' ') || error.message;
  }
  if (error instanceof UploadError && error.status === 0) return t.uploadNetwork(fileName);
  return t.uploadFailed(fileName);
}

/**
 * A sketch's attachments: the checked files with download links, and when `editable` a labelled
 * file input per kind that uploads straight to S3 (presigned POST) with progress, has the content
 * checked by the API, and shows the API's German message next to the input when it is refused.
 */
export function Attachments({ sketchId, kind, editable = false, onChange }: AttachmentsProps) {
  const [items, setItems] = useState<AttachmentMeta[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [reloads, setReloads] = useState(0);
  const [uploads, setUploads] = useState<RunningUpload[]>([]);
  const [errors, setErrors] = useState<Partial<Record<AttachmentKind, string>>>({});
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const inputs = useRef<Partial<Record<AttachmentKind, HTMLInputElement | null>>>({});
  const lifetime = useRef(new AbortController());
  const nextKey = useRef(0);
  const changed = useRef(onChange);
  changed.current = onChange;

  const one = (aid: string) => ({ params: { id: sketchId, aid } });

  // Uploads still running when the component goes away are cancelled.
  useEffect(() => () => lifetime.current.abort(), []);

  useEffect(() => {
    let shown = true; // the request may be shared with other parts of the page: not aborted, ignored
    setLoadError(undefined);
    listAttachments(sketchId)
      .then((answer) => shown && setItems(answer.items))
      .catch((error: unknown) => {
        if (shown && !isAbort(error)) setLoadError(problemText(error, ''));
      });
    return () => {
      shown = false;
    };
  }, [sketchId, reloads]);

  useEffect(() => {
    if (items) changed.current?.(items);
  }, [items]);

  const setError = (of: AttachmentKind, message: string | undefined) =>
    setErrors((current) => ({ ...current, [of]: message }));
  const patchUpload = (key: number, patch: Partial<RunningUpload>) =>
    setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  async function upload(of: AttachmentKind, file: File) {
    const fileName = file.name;
    setError(of, undefined);
    // The API says the same; this saves uploading 50 MB to be told.
    const tooBig = sizeProblem(fileName, file.size);
    if (tooBig) return setError(of, tooBig);
    const key = nextKey.current++;
    setUploads((current) => [...current, { key, kind: of, fileName, percent: 0, checking: false }]);
    setAnnouncement(t.uploading(fileName));
    let started: AnswerOf<'createAttachment'> | undefined;
    try {
      started = await call('createAttachment', {
        params: { id: sketchId },
        body: {
          kind: of,
          fileName,
          contentType: file.type || 'application/octet-stream',
          size: file.size,
        },
      });
      const ticket = started.upload;
      await uploadFile(
        ticket,
        file,
        (fraction) => patchUpload(key, { percent: Math.round(fraction * 100) }),
        lifetime.current.signal,
      );
      patchUpload(key, { percent: 100, checking: true });
      setAnnouncement(t.checking(fileName));
      const ready = await call('checkAttachment', one(started.attachment.id));
      setItems((current) => [...(current ?? []), ready]);
      setAnnouncement(t.uploaded(ready.fileName));
    } catch (error) {
      if (isAbort(error)) return;
      setAnnouncement('');
      setError(of, problemText(error, fileName));
      // S3 refused the file itself: the pending entry is of no use (a refused check removes its own).
      if (started && error instanceof UploadError)
        void call('deleteAttachment', one(started.attachment.id)).catch(() => undefined);
    } finally {
      setUploads((current) => current.filter((u) => u.key !== key));
    }
  }

  async function remove(attachment: AttachmentMeta) {
    setRemoving(attachment.id);
    setError(attachment.kind, undefined);
    try {
      await call('deleteAttachment', one(attachment.id));
      setItems((current) => current?.filter((a) => a.id !== attachment.id));
      setAnnouncement(t.removed(attachment.fileName));
      // The button is gone: keep the keyboard where the next step is.
      inputs.current[attachment.kind]?.focus();
    } catch (error) {
      setError(attachment.kind, problemText(error, attachment.fileName));
    } finally {
      setRemoving(undefined);
    }
  }

  if (loadError) {
    return (
      <div class="attachments">
        <p class="field-error" role="alert">
          {loadError}
        </p>
        <button
          type="button"
          class="button button--quiet button--small"
          onClick={() => setReloads((n) => n + 1)}
        >
          {t.retry}
        </button>
      </div>
    );
  }
  if (!items) {
    return (
      <p class="attachments hint" role="status">
        {t.loading}
      </p>
    );
  }

  const row = (attachment: AttachmentMeta, showKind: boolean) => (
    <li key={attachment.id} class="attachments__item">
      <a href={href('downloadAttachment', one(attachment.id))} class="attachments__link">
        {attachment.fileName}
        <span class="visually-hidden"> {t.download}</span>
      </a>{' '}
      <span class="attachments__meta">
        {[
          showKind ? attachmentKindLabels[attachment.kind] : undefined,
          versionOf(attachment),
          typeLabel(attachment.contentType),
          formatSize(attachment.size),
          t.uploadedAt(formatDateTime(attachment.createdAt)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      {editable ? (
        <button
          type="button"
          class="button button--quiet button--danger button--small"
          disabled={removing === attachment.id}
          onClick={() => void remove(attachment)}
        >
          {removing === attachment.id ? t.removing : t.remove}
          <span class="visually-hidden"> – „{attachment.fileName}“</span>
        </button>
      ) : null}
    </li>
  );

  /** "Fassung 2 von 2" where a kind has several files (two "stellungnahme.pdf" read alike otherwise). */
  function versionOf(attachment: AttachmentMeta): string | undefined {
    const same = (items ?? [])
      .filter((a) => a.kind === attachment.kind)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return same.length > 1 ? t.version(same.indexOf(attachment) + 1, same.length) : undefined;
  }

  if (!editable) {
    const shown = items.filter((a) => !kind || a.kind === kind);
    return shown.length ? (
      <ul class="attachments">{shown.map((a) => row(a, !kind))}</ul>
    ) : (
      <p class="attachments hint">{t.none}</p>
    );
  }

  return (
    <div class="attachments">
      {(kind ? [kind] : attachmentKinds).map((of) => {
        const id = `attachments-${sketchId}-${of}`;
        const error = errors[of];
        const own = items.filter((a) => a.kind === of);
        const running = uploads.filter((u) => u.kind === of);
        return (
          <fieldset key={of} class="group attachments__kind">
            <legend>{attachmentKindLabels[of]}</legend>
            {own.length || running.length ? (
              <ul class="attachments">
                {own.map((a) => row(a, false))}
                {running.map((u) => (
                  <li key={`upload-${u.key}`} class="attachments__item">
                    <span>{u.fileName}</span>{' '}
                    <progress max={100} value={u.percent} aria-label={t.progress(u.fileName)} />{' '}
                    <span class="attachments__meta">
                      {u.checking ? t.checking(u.fileName) : `${u.percent} %`}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="hint">{t.noneOfKind}</p>
            )}
            <div class={error ? 'field field--error' : 'field'}>
              <label for={id}>
                {t.add}
                <span class="visually-hidden"> – {attachmentKindLabels[of]}</span>
              </label>
              <p id={`${id}-hint`} class="hint">
                {t.formats}
              </p>
              {error ? (
                <p id={`${id}-error`} class="field-error" role="alert">
                  <span class="visually-hidden">{t.errorPrefix} </span>
                  {error}
                </p>
              ) : null}
              <input
                id={id}
                ref={(element) => {
                  inputs.current[of] = element;
                }}
                type="file"
                class="input"
                accept={acceptAttribute}
                aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
                aria-invalid={error ? 'true' : undefined}
                onChange={(event) => {
                  const input = event.currentTarget;
                  const file = input.files?.[0];
                  // Cleared, so picking the same file again after a refusal starts a new upload.
                  input.value = '';
                  if (file) void upload(of, file);
                }}
              />
            </div>
          </fieldset>
        );
      })}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
