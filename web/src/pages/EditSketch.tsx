import { useLocation, useRoute } from 'preact-iso';
import { useChunk } from '../chunk.ts';
import { Page } from '../components/Page.tsx';
import { useProfile } from '../profile.ts';
import { Loading, useSketch } from '../sketch-loading.tsx';
import { texts } from '../texts.de.ts';

const loadEditor = () => import('./SketchEditor.tsx');

/**
 * `/skizzen/:id/bearbeiten`: the applicant's sketch form. This frame is part of the portal's first
 * script, so the heading shows at once; the form's code (pages/SketchEditor.tsx, with the schema)
 * and the sketch with the profile load side by side after that.
 */
export function EditSketch() {
  const { params } = useRoute();
  const { path, url } = useLocation();
  const id = params.id ?? '';
  const loaded = useSketch(id);
  const profile = useProfile();
  const editor = useChunk(loadEditor);
  const t = texts.editSketch;
  return (
    <Page title={t.title}>
      <Loading loaded={loaded} profile={profile} path={url || path}>
        {(doc, p) =>
          doc.status !== 'draft' ? (
            <div class="notice notice--info">
              <h2 class="notice__heading">{t.notEditable.heading}</h2>
              <p>{t.notEditable.submittedText}</p>
              <p>
                <a href={`/skizzen/${encodeURIComponent(id)}`}>{t.notEditable.link}</a>
              </p>
            </div>
          ) : editor.state === 'loaded' ? (
            <editor.module.SketchEditor key={doc.id} doc={doc} profile={p} />
          ) : editor.state === 'failed' ? (
            <div class="notice notice--error" role="alert">
              <p>{texts.error.chunk}</p>
            </div>
          ) : (
            <p role="status">{texts.sketch.loading}</p>
          )
        }
      </Loading>
    </Page>
  );
}
