import { exportPerson } from '../../app/privacy.ts';
import * as route from '../../core/contract/privacy.ts';
import { berlinDate } from '../../core/dates.ts';
import { privacyTexts as t } from '../../core/privacy.de.ts';
import { handle } from '../stack.ts';

/** The caller's own data as one ZIP (Art. 15 and 20 DSGVO): only theirs, whatever their role. */
export default handle(route.exportMyData)(async ({ caller, now }) => ({
  status: 200,
  file: {
    bytes: await exportPerson(caller.email, now),
    contentType: 'application/zip',
    fileName: t.exportFileName(berlinDate(now)),
  },
}));
