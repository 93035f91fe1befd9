import { useTranslation } from 'react-i18next';
import type { ContactOwner } from '../../shared/domain/network.js';
import { useContacts } from './queries.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorNotice, Spinner } from '../ui/Page.js';
import { ContactsCard } from './ContactsCard.js';

/**
 * The people at a sub-dealer or terminal, reached from its form: the day sheet and the route print
 * them, so a salesperson keeps them current where the outlet is edited.
 */
export function OutletContactsDialog({
  ownerType,
  ownerId,
  name,
  onClose,
}: {
  ownerType: ContactOwner;
  ownerId: number;
  name: string;
  onClose(): void;
}) {
  const { t } = useTranslation(['network', 'common']);
  const contacts = useContacts({ ownerType, ownerId });
  return (
    <Dialog title={t('contactsOf', { name })} onClose={onClose} wide>
      <ErrorNotice error={contacts.error} />
      {contacts.data ? (
        <ContactsCard ownerType={ownerType} ownerId={ownerId} contacts={contacts.data} />
      ) : (
        !contacts.error && <Spinner label={t('loading', { ns: 'common' })} />
      )}
    </Dialog>
  );
}
