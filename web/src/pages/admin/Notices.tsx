import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDateTime } from '../../../../functions/core/dates.ts';
import type { SubmissionNoticeMode } from '../../../../functions/core/notices.ts';
import { Page } from '../../components/Page.tsx';
import { call } from '../../lib/api.ts';
import { SubmitButton } from '../../lib/controls.tsx';
import { NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useProfile } from '../../profile.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { noticeTexts as t } from './Notices.texts.de.ts';

/** `/verwaltung/benachrichtigungen`: a mail per submission, or a daily digest (putSubmissionNotices). */
export function Notices() {
  const { path } = useLocation();
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('getSubmissionNotices', {}, reloads);
  const profile = useProfile();
  const [mode, setMode] = useState<SubmissionNoticeMode>('each');
  const action = useAction();
  const announcement = useAnnouncement(loaded);
  useEffect(() => {
    if (loaded.state === 'loaded') setMode(loaded.data.mode);
  }, [loaded]);
  const save = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => call('putSubmissionNotices', { body: { mode } }))) {
      announcement.announce(t.saved);
      setReloads((n) => n + 1);
    }
  };
  const option = (value: SubmissionNoticeMode, label: string, hint: string) => (
    <div class="choice">
      <input
        type="radio"
        id={`notices-${value}`}
        name="notices"
        value={value}
        checked={mode === value}
        onChange={() => setMode(value)}
        aria-describedby={`notices-${value}-hint`}
      />
      <label for={`notices-${value}`}>{label}</label>
      <p id={`notices-${value}-hint`} class="hint">
        {hint}
      </p>
    </div>
  );
  return (
    <div class="page--wide">
      <Page title={t.title}>
        <OfficeNav current="notices" />
        {profile.state === 'loaded' ? <p class="lead">{t.intro(profile.profile.office.email)}</p> : null}
        {announcement.region}
        {loaded.state !== 'loaded' ? (
          <NotLoaded loaded={loaded} path={path} />
        ) : (
          <form onSubmit={save} noValidate>
            <fieldset class="group">
              <legend>{t.legend}</legend>
              {option('each', t.each, t.eachHint)}
              {option('digest', t.digest, t.digestHint)}
            </fieldset>
            {loaded.data.changedBy && loaded.data.changedAt ? (
              <p class="hint">{t.changed(loaded.data.changedBy, formatDateTime(loaded.data.changedAt))}</p>
            ) : null}
            <SubmitButton
              id="notices-error"
              error={action.error?.message}
              busy={action.busy}
              label={t.save}
              busyLabel={t.saving}
            />
          </form>
        )}
      </Page>
    </div>
  );
}
