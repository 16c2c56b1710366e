import { useLocation, useRoute } from 'preact-iso';
import { berlinDate, formatDate, formatDateTime } from '../../../functions/core/dates.ts';
import { sketchFacts } from '../../../functions/core/sketch-doc.ts';
import { Page } from '../components/Page.tsx';
import { SketchView } from '../components/SketchView.tsx';
import { useProfile } from '../profile.ts';
import { sketchTexts } from '../sketch.texts.de.ts';
import { Loading, useSketch } from '../sketch-loading.tsx';
import { sketchStatusText } from '../status.ts';

const t = sketchTexts.print;

/** `/skizzen/:id/druck`: the sketch on paper; the print stylesheet drops navigation and breaks pages between sections. */
export function PrintSketch() {
  const { params } = useRoute();
  const { url, path } = useLocation();
  const id = params.id ?? '';
  const loaded = useSketch(id);
  const profile = useProfile();
  const title =
    loaded.state === 'loaded' ? sketchFacts(loaded.data.draft).title : sketchTexts.sketchPage.title;
  return (
    <Page title={title}>
      <Loading loaded={loaded} profile={profile} path={url || path}>
        {(doc, p) => (
          <div class="print-view">
            <p class="actions no-print">
              <button type="button" class="button" onClick={() => print()}>
                {t.print}
              </button>
              <a class="button button--quiet" href={`/skizzen/${encodeURIComponent(id)}`}>
                {t.back}
              </a>
            </p>
            <dl class="details print-meta">
              <div class="details__row">
                <dt>{t.alliance}</dt>
                <dd>{p.name}</dd>
              </div>
              <div class="details__row">
                <dt>{sketchTexts.sketchPage.status}</dt>
                <dd>{sketchStatusText(doc)}</dd>
              </div>
              <div class="details__row">
                <dt>{sketchTexts.sketchPage.submittedAt}</dt>
                <dd>
                  {doc.submittedAt ? formatDateTime(doc.submittedAt) : sketchTexts.sketchPage.notSubmitted}
                </dd>
              </div>
              <div class="details__row">
                <dt>{t.printedOn}</dt>
                <dd>{formatDate(berlinDate(new Date()))}</dd>
              </div>
            </dl>
            <SketchView draft={doc.draft} profile={p} idPrefix="print" />
          </div>
        )}
      </Loading>
    </Page>
  );
}
