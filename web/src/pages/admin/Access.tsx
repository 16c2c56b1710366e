import { useEffect, useState } from 'preact/hooks';
import { formatDateTime } from '../../../../functions/core/dates.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { SubmitButton } from '../../lib/controls.tsx';
import { fieldMessage, NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { accessTexts as t } from './Access.texts.de.ts';

/*
 * `/verwaltung/zugaenge`: the admin list with add and remove (listAdmins, addAdmin, removeAdmin),
 * its latest changes, and per account its live sessions with „Sitzung beenden“ (listSessions,
 * endSession).
 */

type Admins = AnswerOf<'listAdmins'>;

function AddAdmin({ onAdded }: { onAdded: (email: string) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const added = await action.run(() => call('addAdmin', { body: { email, name } }));
    if (!added) return;
    setEmail('');
    setName('');
    onAdded(added.email);
  };
  const otherError = action.error && !action.error.fields.length ? action.error.message : undefined;
  return (
    <section aria-labelledby="add-admin-heading" class="panel">
      <h2 id="add-admin-heading">{t.add.heading}</h2>
      <form onSubmit={submit} noValidate>
        <Field
          id="admin-email"
          label={t.add.email}
          type="email"
          value={email}
          onInput={setEmail}
          error={fieldMessage(action.error, 'email')}
          autoComplete="off"
        />
        <Field
          id="admin-name"
          label={t.add.name}
          value={name}
          onInput={setName}
          error={fieldMessage(action.error, 'name')}
          autoComplete="off"
        />
        <SubmitButton
          id="add-admin-error"
          error={otherError}
          busy={action.busy}
          label={t.add.submit}
          busyLabel={t.add.busy}
        />
      </form>
    </section>
  );
}

function AdminTable({
  admins,
  onRemove,
  onSessions,
  busy,
}: {
  admins: Admins['items'];
  onRemove: (email: string) => void;
  onSessions: (email: string) => void;
  busy: boolean;
}) {
  const a = t.admins;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{a.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.name}</th>
            <th scope="col">{a.email}</th>
            <th scope="col">{a.addedAt}</th>
            <th scope="col">{a.actions}</th>
          </tr>
        </thead>
        <tbody>
          {admins.map((admin) => (
            <tr key={admin.email}>
              <th scope="row">{admin.name}</th>
              <td>{admin.email}</td>
              <td>{admin.addedAt ? formatDateTime(admin.addedAt) : a.unknownDate}</td>
              <td>
                <div class="actions">
                  <button
                    type="button"
                    class="button button--quiet"
                    aria-label={a.sessions(admin.name)}
                    onClick={() => onSessions(admin.email)}
                  >
                    {a.sessionsLabel}
                  </button>
                  <button
                    type="button"
                    class="button button--quiet"
                    aria-label={a.remove(admin.name)}
                    disabled={busy}
                    onClick={() => onRemove(admin.email)}
                  >
                    {a.removeLabel}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Events({ events }: { events: Admins['events'] }) {
  return (
    <section aria-labelledby="admin-events-heading">
      <h2 id="admin-events-heading">{t.events.heading}</h2>
      {events.length ? (
        <ul>
          {events.map((e) => (
            <li key={`${e.at}-${e.email}-${e.action}`}>
              {(e.action === 'admin_added' ? t.events.added : t.events.removed)(
                e.email,
                e.by,
                formatDateTime(e.at),
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.events.none}</p>
      )}
    </section>
  );
}

function SessionList({ email }: { email: string }) {
  const s = t.sessions;
  const roleNames = s.roleNames(useNames());
  const [reloads, setReloads] = useState(0);
  const sessions = useLoad('listSessions', { query: { email } }, reloads);
  const { announce, region } = useAnnouncement(sessions);
  const action = useAction();
  const end = async (id: string) => {
    const done = await action.run(() =>
      call('endSession', { params: { id }, query: { email } }).then(() => true),
    );
    if (!done) return;
    setReloads((n) => n + 1);
    announce(s.ended);
  };
  if (sessions.state !== 'loaded') return <NotLoaded loaded={sessions} path="/verwaltung/zugaenge" />;
  const items = sessions.data.items;
  return (
    <>
      {region}
      {action.error ? (
        <p class="field-error" role="alert">
          {action.error.message}
        </p>
      ) : null}
      {items.length ? (
        <div class="table-wrap">
          <table>
            <caption>{s.caption(email)}</caption>
            <thead>
              <tr>
                <th scope="col">{s.createdAt}</th>
                <th scope="col">{s.idleUntil}</th>
                <th scope="col">{s.absoluteUntil}</th>
                <th scope="col">{s.roles}</th>
                <th scope="col">
                  <span class="visually-hidden">{s.end}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((session) => (
                <tr key={session.id}>
                  <th scope="row">
                    {formatDateTime(session.createdAt)}
                    {session.current ? ` – ${s.current}` : ''}
                  </th>
                  <td>{formatDateTime(session.idleUntil)}</td>
                  <td>{formatDateTime(session.absoluteUntil)}</td>
                  <td>{session.roles.map((role) => roleNames[role]).join(', ')}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--quiet"
                      aria-label={s.endLabel(formatDateTime(session.createdAt))}
                      disabled={action.busy}
                      onClick={() => void end(session.id)}
                    >
                      {s.end}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{s.none(email)}</p>
      )}
    </>
  );
}

function Sessions({ account, onAccount }: { account: string; onAccount: (email: string) => void }) {
  const s = t.sessions;
  const [email, setEmail] = useState(account);
  // „Sitzungen“ in the admin list fills the address in.
  useEffect(() => setEmail(account), [account]);
  return (
    <section aria-labelledby="sessions-heading" class="panel">
      <h2 id="sessions-heading">{s.heading}</h2>
      <p>{s.intro}</p>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          onAccount(email.trim().toLowerCase());
        }}
      >
        <Field
          id="sessions-email"
          label={s.email}
          type="email"
          value={email}
          onInput={setEmail}
          autoComplete="off"
        />
        <div class="actions">
          <button type="submit" class="button button--quiet">
            {s.show}
          </button>
        </div>
      </form>
      {account ? <SessionList key={account} email={account} /> : null}
    </section>
  );
}

export function Access() {
  const [reloads, setReloads] = useState(0);
  const names = useNames();
  const [account, setAccount] = useState('');
  const admins = useLoad('listAdmins', {}, reloads);
  const { announce, region } = useAnnouncement(admins);
  const removal = useAction();
  const remove = async (email: string) => {
    const done = await removal.run(() => call('removeAdmin', { params: { email } }).then(() => true));
    if (!done) return;
    setReloads((n) => n + 1);
    announce(t.admins.removed(email));
  };
  return (
    <Page title={t.title}>
      <OfficeNav current="access" />
      <p>{t.intro(names)}</p>
      {region}
      <section aria-labelledby="admins-heading">
        <h2 id="admins-heading">{t.admins.heading(names)}</h2>
        {removal.error ? (
          <div class="notice notice--error" role="alert">
            <p>{removal.error.message}</p>
          </div>
        ) : null}
        {admins.state === 'loaded' ? (
          <AdminTable
            admins={admins.data.items}
            busy={removal.busy}
            onRemove={(email) => void remove(email)}
            onSessions={setAccount}
          />
        ) : (
          <NotLoaded loaded={admins} path="/verwaltung/zugaenge" />
        )}
      </section>
      <AddAdmin
        onAdded={(email) => {
          setReloads((n) => n + 1);
          announce(t.add.added(email));
        }}
      />
      <Sessions account={account} onAccount={setAccount} />
      {admins.state === 'loaded' ? <Events events={admins.data.events} /> : null}
    </Page>
  );
}
