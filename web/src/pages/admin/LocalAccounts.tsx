import { useState } from 'preact/hooks';
import type { LocalAccount } from '../../../../functions/core/local.ts';
import { Checkbox, SelectField } from '../../components/ChoiceFields.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { call } from '../../lib/api.ts';
import { SubmitButton } from '../../lib/controls.tsx';
import { fieldMessage, NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { type PublicProfile, useProfile } from '../../profile.ts';
import { localTexts } from '../local/texts.de.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { seatSlug } from './Seats.tsx';

const t = localTexts.accounts;
const fieldIds: Record<string, string> = {
  subRegionId: 'local-region',
  name: 'local-name',
  email: 'local-email',
  active: 'local-active',
};

/** The form of one account: sub-region, name, address, active; the id follows from the name, as for seats. */
function AccountForm({
  editing,
  accounts,
  profile,
  onSaved,
  onCancel,
}: {
  editing: LocalAccount | undefined;
  accounts: LocalAccount[];
  profile: PublicProfile;
  onSaved: (account: LocalAccount) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState({
    subRegionId: editing?.subRegionId ?? '',
    name: editing?.name ?? '',
    email: editing?.email ?? '',
    active: editing?.active ?? true,
  });
  const action = useAction();
  const id =
    editing?.id ??
    seatSlug(
      draft.name || draft.subRegionId,
      accounts.map((a) => a.id),
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { ...draft, name: draft.name.trim(), email: draft.email.trim() };
    const saved = await action.run(() => call('putLocalAccount', { params: { id }, body }));
    if (saved) onSaved(saved);
  };
  const errors = action.error?.fields ?? [];
  const other = action.error && !errors.length ? action.error.message : undefined;
  return (
    <section class="panel" aria-labelledby="local-form-heading">
      <h2 id="local-form-heading">{editing ? t.editHeading(editing.name) : t.addHeading}</h2>
      <form onSubmit={submit} noValidate>
        {errors.length ? (
          <ErrorSummary
            errors={errors}
            idFor={(f) => fieldIds[f] ?? 'local-name'}
            heading={t.summaryHeading}
          />
        ) : null}
        <SelectField
          id="local-region"
          label={t.region}
          value={draft.subRegionId}
          placeholder="–"
          options={profile.subRegions.map((r) => ({ value: r.id, label: `${r.name} (${r.localAlliance})` }))}
          onValue={(subRegionId) => setDraft({ ...draft, subRegionId })}
          error={fieldMessage(action.error, 'subRegionId')}
        />
        <Field
          id="local-name"
          label={t.name}
          value={draft.name}
          onInput={(name) => setDraft({ ...draft, name })}
          error={fieldMessage(action.error, 'name')}
          autoComplete="off"
        />
        <Field
          id="local-email"
          label={t.email}
          type="email"
          value={draft.email}
          onInput={(email) => setDraft({ ...draft, email })}
          error={fieldMessage(action.error, 'email')}
          autoComplete="off"
        />
        <Checkbox
          id="local-active"
          label={t.active}
          checked={draft.active}
          onChange={(active) => setDraft({ ...draft, active })}
        />
        <SubmitButton
          id="local-form-error"
          error={other}
          busy={action.busy}
          label={t.save}
          busyLabel={t.saving}
        >
          <button type="button" class="button button--quiet" onClick={onCancel}>
            {t.cancel}
          </button>
        </SubmitButton>
      </form>
    </section>
  );
}

/** `/verwaltung/lokale-allianzen`: the office keeps the local alliances' accounts, per sub-region. */
export function LocalAccounts() {
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('listLocalAccounts', {}, reloads);
  const profileState = useProfile();
  const [editing, setEditing] = useState<LocalAccount | 'new'>();
  const { announce, region } = useAnnouncement(loaded);
  if (loaded.state !== 'loaded' || profileState.state !== 'loaded')
    return (
      <Page title={t.title}>
        {loaded.state !== 'loaded' ? <NotLoaded loaded={loaded} path="/verwaltung/lokale-allianzen" /> : null}
      </Page>
    );
  const profile = profileState.profile;
  if (!profile.localStatements.required)
    return (
      <Page title={t.title}>
        <p>{t.noLocalStep}</p>
      </Page>
    );
  const accounts = loaded.data.items;
  const regionOf = (id: string) => profile.subRegions.find((r) => r.id === id);
  return (
    <Page title={t.title}>
      <OfficeNav current="local" />
      <p>{t.intro}</p>
      {region}
      {accounts.length ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.alliance}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.active}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.edit('')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">{account.name}</th>
                  <td>{regionOf(account.subRegionId)?.localAlliance ?? account.subRegionId}</td>
                  <td>{account.email}</td>
                  <td>{account.active ? t.yes : t.no}</td>
                  <td>
                    <button type="button" class="button button--quiet" onClick={() => setEditing(account)}>
                      {t.edit(account.name)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.none}</p>
      )}
      {editing ? (
        <AccountForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? undefined : editing}
          accounts={accounts}
          profile={profile}
          onCancel={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            announce(t.saved(saved.name));
            setReloads((n) => n + 1);
          }}
        />
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setEditing('new')}>
            {t.add}
          </button>
        </p>
      )}
    </Page>
  );
}
