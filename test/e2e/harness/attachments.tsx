import { render } from 'preact';
import { Attachments } from '../../../web/src/components/Attachments.tsx';

/*
 * The attachments component alone on a page, for test/e2e/attachments.test.ts: pages other
 * engineers build embed it, so it is checked here on its own, against the real API. Evaluated in a
 * page the portal served (its origin, its CSP), in place of the app.
 */
const query = new URLSearchParams(location.search);
document.getElementById('app')?.remove();
const root = document.createElement('div');
document.body.append(root);
render(
  <main>
    <h1>Anhänge</h1>
    <Attachments sketchId={query.get('sketch') ?? ''} editable={query.get('editable') === '1'} />
  </main>,
  root,
);
