import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../shared/contract/network.js';
import type { ContactOwner } from '../../shared/domain/network.js';
import { useCreateContact, useDeleteContact, useUpdateContact } from './mutations.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Badge, Card } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { EntityFormDialog } from './EntityFormDialog.js';
import { contactDraftOf, contactFields, contactInitial } from './forms.js';

/**
 * Contacts across the customer's organisation. A relationship held by one person is fragile, so a
 * single contact is flagged.
 */
export function ContactsCard({ ownerType, ownerId, contacts }: { ownerType: ContactOwner; ownerId: number; contacts: Contact[] }) {
  const { t } = useTranslation(['network', 'common']);
  const toast = useToast();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const create = useCreateContact();
  const update = useUpdateContact();
  const remove = useDeleteContact();
  return (
    <Card
      title={t('contacts')}
      actions={
        <button type="button" className="button button-small" onClick={() => setEditing('new')}>
          {t('addContact')}
        </button>
      }
    >
      {contacts.length === 1 && (
        <div className="notice notice-warn" style={{ marginBottom: 8 }}>
          {t('singleContactWarning')}
        </div>
      )}
      {contacts.length === 0 ? (
        <p className="muted">{t('noContacts')}</p>
      ) : (
        <table className="plain" aria-label={t('contacts')}>
          <thead>
            <tr>
              <th>{t('field.name')}</th>
              <th>{t('field.level')}</th>
              <th>{t('field.phone')}</th>
              <th aria-label={t('actions', { ns: 'common' })} />
            </tr>
          </thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.name}
                  {c.role && <span className="muted"> · {c.role}</span>}
                </td>
                <td>
                  <Badge tone="grey">{t(`level.${c.level}`)}</Badge>
                </td>
                <td>{c.phone ?? '–'}</td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setEditing(c)}
                    aria-label={t('editContact', { name: c.name })}
                  >
                    {t('edit', { ns: 'common' })}
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setDeleting(c)}
                    aria-label={t('deleteContact', { name: c.name })}
                  >
                    {t('delete', { ns: 'common' })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <EntityFormDialog
          title={editing === 'new' ? t('addContact') : t('editContact', { name: editing.name })}
          fields={contactFields(t)}
          initial={contactInitial(editing === 'new' ? undefined : editing)}
          submitLabel={t('save', { ns: 'common' })}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            const draft = contactDraftOf(v, ownerType, ownerId);
            if (editing === 'new') await create.mutateAsync({ draft });
            else await update.mutateAsync({ id: editing.id, draft });
            toast({ tone: 'success', text: t('saved', { name: draft.name }) });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('deleteContact', { name: deleting.name })}
          message={t('deleteContactText', { name: deleting.name })}
          confirmLabel={t('delete', { ns: 'common' })}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await remove.mutateAsync({ id: deleting.id });
            setDeleting(null);
            toast({ tone: 'success', text: t('deleted', { name: deleting.name }) });
          }}
        />
      )}
    </Card>
  );
}
