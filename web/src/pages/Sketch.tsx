import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { de } from '../../../functions/core/messages.de.ts';
import { formatDateTime } from '../../../functions/mail/format.ts';
import { ApiError, api, isAbort, type SketchView } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { isAdmin, useSession } from '../session.ts';
import { texts } from '../texts.de.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'loaded'; sketch: SketchView }
  | { state: 'signed-out' }
  | { state: 'failed'; message: string };

function Details({ sketch }: { sketch: SketchView }) {
  const f = de.field;
  const rows: [string, string][] = [
    [texts.sketch.status, de.status[sketch.status] ?? sketch.status],
    [
      texts.sketch.submittedAt,
      sketch.submittedAt ? formatDateTime(sketch.submittedAt) : texts.sketch.notSubmitted,
    ],
    [f.organisation, sketch.organisation],
    [f.contactName, sketch.contactName],
    [f.contactEmail, sketch.contactEmail],
    [f.summary, sketch.summary],
  ];
  return (
    <dl class="details">
      {rows.map(([term, value]) => (
        <div key={term} class="details__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One sketch as its applicant (or the office) sees it, with the confirmation after submitting. */
export function Sketch() {
  const { params } = useRoute();
  const { query, path } = useLocation();
  const id = params.id ?? '';
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const current = useSession();

  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    api
      .get<SketchView>(`/api/sketches/${encodeURIComponent(id)}`, abort.signal)
      .then((sketch) => setLoaded({ state: 'loaded', sketch }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        if (error instanceof ApiError && error.status === 401) setLoaded({ state: 'signed-out' });
        else setLoaded({ state: 'failed', message: (error as Error).message });
      });
    return () => abort.abort();
  }, [id]);

  const submitted = query.eingereicht === '1';
  return (
    <Page title={loaded.state === 'loaded' ? loaded.sketch.title : texts.sketch.title}>
      {submitted ? (
        <div class="notice notice--success" data-focus tabIndex={-1}>
          <p>{texts.sketch.submittedBanner}</p>
        </div>
      ) : null}
      {loaded.state === 'loading' ? (
        <p role="status">{texts.sketch.loading}</p>
      ) : loaded.state === 'signed-out' ? (
        <SignInPrompt path={path} />
      ) : loaded.state === 'failed' ? (
        <div class="notice notice--error" role="alert">
          <p>{loaded.message}</p>
        </div>
      ) : (
        <>
          <Details sketch={loaded.sketch} />
          <p class="actions">
            {isAdmin(current) ? (
              <a class="button button--quiet" href="/verwaltung">
                {texts.sketch.backToList}
              </a>
            ) : null}
            <a class="button button--quiet" href="/skizzen/neu">
              {texts.sketch.another}
            </a>
          </p>
        </>
      )}
    </Page>
  );
}
