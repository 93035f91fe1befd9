import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonAccount } from '../../../shared/contract/admin.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { Badge, Card, EmptyState, ErrorNotice, PageHeader, Spinner } from '../../ui/Page.js';
import { PasswordDialog, PersonDialog } from './PersonDialog.js';
import { SignInModeCard } from './SignInModeCard.js';
import { usePeople } from '../queries.js';
import { useSetPersonDisabled } from '../mutations.js';
import { useRegions } from '../../network/queries.js';

type Open = { kind: 'create' } | { kind: 'edit' | 'password' | 'disable'; person: PersonAccount } | null;

/** The administrator's screen: who can sign in, with which role and regions, and how. */
export function PeopleAdminPage() {
  const { t } = useTranslation('admin');
  const people = usePeople();
  const regions = useRegions();
  const setDisabled = useSetPersonDisabled();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const toggle = async (person: PersonAccount, disabled: boolean) => {
    const done = await setDisabled.run({ personId: person.personId, disabled }, () =>
      t(disabled ? 'disable.done' : 'enable.done', { name: person.name }),
    );
    if (done) close();
  };
  const rows = people.data?.people;
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })}>
            {t('create.open')}
          </button>
        }
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
        <ErrorNotice error={people.error} />
        {people.data && (
          <SignInModeCard key={people.data.mode ?? 'unset'} mode={people.data.mode} adminHasPassword={people.data.adminHasPassword} />
        )}
        <Card title={t('people')}>
          {people.isPending ? (
            <Spinner label={t('loading')} />
          ) : !rows?.length ? (
            <EmptyState title={t('empty.title')}>{t('empty.text')}</EmptyState>
          ) : (
            <table className="plain" aria-label={t('people')}>
              <thead>
                <tr>
                  <th>{t('field.code')}</th>
                  <th>{t('field.name')}</th>
                  <th>{t('field.role')}</th>
                  <th>{t('field.regions')}</th>
                  <th>{t('field.password')}</th>
                  <th>{t('field.status')}</th>
                  <th>{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.personId}>
                    <td>{p.code}</td>
                    <td>
                      <strong>{p.name}</strong>
                    </td>
                    <td>
                      {t(`role.${p.role}`)}
                      {p.admin && (
                        <>
                          {' '}
                          <Badge tone="blue">{t('role.administrator')}</Badge>
                        </>
                      )}
                    </td>
                    <td>{p.regionNames.join(', ')}</td>
                    <td>{p.hasPassword ? t('password.set') : t('password.none')}</td>
                    <td>
                      <Badge tone={p.disabled ? 'grey' : 'green'}>{p.disabled ? t('status.disabled') : t('status.active')}</Badge>
                    </td>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('edit.open', { name: p.name })}
                        onClick={() => setOpen({ kind: 'edit', person: p })}
                      >
                        {t('edit.short')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('password.open', { name: p.name })}
                        onClick={() => setOpen({ kind: 'password', person: p })}
                      >
                        {t('password.short')}
                      </button>{' '}
                      {p.disabled ? (
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('enable.open', { name: p.name })}
                          onClick={() => void toggle(p, false)}
                        >
                          {t('enable.short')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button-small button-danger"
                          aria-label={t('disable.open', { name: p.name })}
                          onClick={() => setOpen({ kind: 'disable', person: p })}
                        >
                          {t('disable.short')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <PersonDialog person={open.kind === 'edit' ? open.person : null} regions={regions.data ?? []} onClose={close} />
      )}
      {open?.kind === 'password' && <PasswordDialog person={open.person} onClose={close} />}
      {open?.kind === 'disable' && (
        <ConfirmDialog
          title={t('disable.title', { name: open.person.name })}
          message={t('disable.message', { name: open.person.name })}
          confirmLabel={t('disable.confirm')}
          danger
          busy={setDisabled.isPending}
          onConfirm={() => void toggle(open.person, true)}
          onCancel={close}
        />
      )}
    </div>
  );
}
