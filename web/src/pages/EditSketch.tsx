import { useLocation, useRoute } from 'preact-iso';
import { Page } from '../components/Page.tsx';
import { useProfile } from '../profile.ts';
import { Loading, useSketch } from '../sketch-loading.tsx';
import { texts } from '../texts.de.ts';
import { SketchEditor } from './SketchEditor.tsx';

/**
 * `/skizzen/:id/bearbeiten`: the applicant's sketch form. Its code (pages/SketchEditor.tsx, its
 * first step) is part of the portal's first script, so the form shows as soon as the sketch and the
 * profile are here; the later steps and the checks are chunks of their own.
 */
export function EditSketch() {
  const { params } = useRoute();
  const { path, url } = useLocation();
  const id = params.id ?? '';
  const loaded = useSketch(id);
  const profile = useProfile();
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
          ) : (
            <SketchEditor key={doc.id} doc={doc} profile={p} />
          )
        }
      </Loading>
    </Page>
  );
}
