import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../ui/Toasts.js';
import { OutletContactsDialog } from './OutletContactsDialog.js';

interface Outlet {
  id: number;
  name: string;
}

/** Which of an outlet list's dialogs is open, and for which row: one at a time. */
export function useOutletDialogs<T extends Outlet>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [contactsOf, setContactsOf] = useState<T | null>(null);
  return { editing, setEditing, deleting, setDeleting, contactsOf, setContactsOf };
}

export type OutletDialogState<T extends Outlet> = ReturnType<typeof useOutletDialogs<T>>;

/**
 * The dialogs of a sub-dealer or terminal list: the edit form (which hands over to the delete and
 * contacts dialogs for a saved outlet), the delete confirmation (whose outcome, deleted or archived
 * because it has history, is said in a toast) and the contacts. The two lists differ only in their
 * form and delete dialog, given here as `form` and `confirmDelete`.
 */
export function OutletDialogs<T extends Outlet>({
  ownerType,
  dialogs,
  form,
  confirmDelete,
}: {
  ownerType: 'sub_dealer' | 'terminal';
  dialogs: OutletDialogState<T>;
  form: (outlet: T | undefined, handOver: { toDelete?: () => void; toContacts?: () => void }) => ReactNode;
  confirmDelete: (outlet: T, removed: (result: { archived?: boolean | undefined }) => void) => ReactNode;
}) {
  const { t } = useTranslation(['network', 'rules']);
  const toast = useToast();
  const { editing, setEditing, deleting, setDeleting, contactsOf, setContactsOf } = dialogs;
  const handOver = (to: (outlet: T) => void) =>
    editing === null || editing === 'new'
      ? undefined
      : () => {
          to(editing);
          setEditing(null);
        };
  return (
    <>
      {editing && form(editing === 'new' ? undefined : editing, { toDelete: handOver(setDeleting), toContacts: handOver(setContactsOf) })}
      {deleting &&
        confirmDelete(deleting, (result) => {
          toast({
            tone: 'success',
            text: result.archived ? t('rules:archive.done', { name: deleting.name }) : t('deleted', { name: deleting.name }),
          });
          setDeleting(null);
        })}
      {contactsOf && (
        <OutletContactsDialog ownerType={ownerType} ownerId={contactsOf.id} name={contactsOf.name} onClose={() => setContactsOf(null)} />
      )}
    </>
  );
}
