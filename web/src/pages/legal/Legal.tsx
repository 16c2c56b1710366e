import { formatDate } from '../../../../functions/core/dates.ts';
import { retentionLines } from '../../../../functions/core/privacy.de.ts';
import { Page } from '../../components/Page.tsx';
import { type PublicProfile, useProfile } from '../../profile.ts';
import { legalTexts as t } from './legal.texts.de.ts';

type Legal = PublicProfile['legal'];

/** A legal page: its facts from the profile, loaded once for every page. */
function LegalPage({
  title,
  body,
}: {
  title: string;
  body: (profile: PublicProfile) => preact.ComponentChildren;
}) {
  const loaded = useProfile();
  return (
    <Page title={title}>
      {loaded.state === 'loaded' ? (
        body(loaded.profile)
      ) : loaded.state === 'failed' ? (
        <p role="alert">{loaded.message}</p>
      ) : (
        <p>{t.loading}</p>
      )}
    </Page>
  );
}

const Lines = ({ lines }: { lines: readonly string[] }) => (
  <p>
    {lines.map((line, i) => (
      <span key={line}>
        {i > 0 ? <br /> : null}
        {line}
      </span>
    ))}
  </p>
);

const Address = ({ who }: { who: Legal['controller'] }) => (
  <address>
    <Lines lines={[who.name, ...who.address]} />
    <p>
      <a href={`mailto:${who.email}`}>{who.email}</a>
      {who.phone ? ` · Tel. ${who.phone}` : null}
    </p>
  </address>
);

/** `/impressum`. */
export function Imprint() {
  return (
    <LegalPage
      title={t.imprint.title}
      body={({ legal }) => (
        <>
          <h2>{t.imprint.provider}</h2>
          <Address who={legal.controller} />
          <h2>{t.imprint.representedBy}</h2>
          <p>{legal.controller.representedBy}</p>
          <h2>{t.imprint.responsible}</h2>
          <p>{legal.contentResponsible}</p>
        </>
      )}
    />
  );
}

/** `/datenschutz`: the full privacy statement, with the retention from the profile's numbers. */
export function PrivacyStatement() {
  return (
    <LegalPage
      title={t.privacy.title}
      body={({ legal, retention }) => (
        <>
          <h2>{t.privacy.controller}</h2>
          <Address who={legal.controller} />
          <h2>{t.privacy.officer}</h2>
          <p>
            {legal.dataProtectionOfficer.name}:{' '}
            <a href={`mailto:${legal.dataProtectionOfficer.email}`}>{legal.dataProtectionOfficer.email}</a>
          </p>
          <h2>{t.privacy.purpose}</h2>
          <p>{legal.purpose}</p>
          <h2>{t.privacy.legalBasis}</h2>
          <p>{legal.legalBasis}</p>
          <h2>{t.privacy.data}</h2>
          <p>{t.privacy.dataText}</p>
          <h2>{t.privacy.recipients}</h2>
          <ul>
            {legal.recipients.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <h2>{t.privacy.retention}</h2>
          <ul>
            {retentionLines(retention).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h2>{t.privacy.rights}</h2>
          <p>{t.privacy.rightsText[0]}</p>
          <p>{t.privacy.rightsText[1]}</p>
          <p>{t.privacy.rightsText[2]}</p>
          <address>
            <Lines lines={[legal.supervisoryAuthority.name, ...legal.supervisoryAuthority.address]} />
            <p>
              <a href={legal.supervisoryAuthority.url}>{legal.supervisoryAuthority.url}</a>
            </p>
          </address>
        </>
      )}
    />
  );
}

/** `/barrierefreiheit`: the accessibility statement (BITV 2.0 § 7). */
export function AccessibilityStatement() {
  return (
    <LegalPage
      title={t.accessibility.title}
      body={({ legal: { accessibility: a, controller } }) => (
        <>
          <p>{t.accessibility.intro(controller.name)}</p>
          <h2>{t.accessibility.status}</h2>
          <p>{t.accessibility.statusText[a.status]}</p>
          <p>{t.accessibility.prepared(formatDate(a.preparedOn), a.method)}</p>
          <h2>{t.accessibility.gaps}</h2>
          <ul>
            {a.knownGaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
          <h2>{t.accessibility.feedback}</h2>
          <p>{t.accessibility.feedbackText}</p>
          <p>
            <a href={`mailto:${a.feedback.email}`}>{a.feedback.email}</a>
            {a.feedback.phone ? ` · Tel. ${a.feedback.phone}` : null}
          </p>
          <h2>{t.accessibility.enforcement}</h2>
          <p>{t.accessibility.enforcementText}</p>
          <address>
            <Lines lines={[a.enforcement.name, ...a.enforcement.address]} />
            <p>
              <a href={`mailto:${a.enforcement.email}`}>{a.enforcement.email}</a> ·{' '}
              <a href={a.enforcement.url}>{a.enforcement.url}</a>
            </p>
          </address>
        </>
      )}
    />
  );
}

/** The notice before the first save (Art. 13 DSGVO): on the new-sketch start, acknowledged before the draft exists. */
export function PrivacyNotice() {
  const loaded = useProfile();
  if (loaded.state !== 'loaded') return null;
  const { legal, retention } = loaded.profile;
  return (
    <section class="notice" aria-labelledby="privacy-notice-heading">
      <h2 id="privacy-notice-heading">{t.notice.heading}</h2>
      <p>{t.notice.intro}</p>
      <dl>
        <dt>{t.notice.controller}</dt>
        <dd>
          {legal.controller.name}, {legal.controller.address.join(', ')} ·{' '}
          <a href={`mailto:${legal.controller.email}`}>{legal.controller.email}</a>
          <br />
          {legal.dataProtectionOfficer.name}: {legal.dataProtectionOfficer.email}
        </dd>
        <dt>{t.notice.purpose}</dt>
        <dd>
          {legal.purpose}. {legal.legalBasis}.
        </dd>
        <dt>{t.notice.recipients}</dt>
        <dd>{legal.recipients.join('; ')}</dd>
        <dt>{t.notice.retention}</dt>
        <dd>
          <ul>
            {retentionLines(retention).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>{t.notice.rights}</dt>
        <dd>{t.notice.rightsText}</dd>
      </dl>
      <p>
        <a href="/datenschutz">{t.notice.full}</a>
      </p>
    </section>
  );
}
