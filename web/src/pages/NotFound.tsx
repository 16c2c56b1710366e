import { Page } from '../components/Page.tsx';
import { texts } from '../texts.de.ts';

export function NotFound() {
  return (
    <Page title={texts.notFound.title}>
      <p>{texts.notFound.text}</p>
      <p>
        <a href="/">{texts.notFound.home}</a>
      </p>
    </Page>
  );
}

/** Stands in for a page whose code could not be loaded (e.g. after a new version went live). */
export function LoadFailed() {
  return (
    <Page title={texts.notFound.title}>
      <div class="notice notice--error" role="alert">
        <p>{texts.error.chunk}</p>
      </div>
    </Page>
  );
}
