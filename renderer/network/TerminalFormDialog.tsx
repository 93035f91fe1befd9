import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Terminal } from '../../shared/contract/network.js';
import { useSubDealersOf } from './queries.js';
import { useCreateTerminal, useUpdateTerminal } from './mutations.js';
import { useToast } from '../ui/Toasts.js';
import { EntityFormDialog, type FormValues } from './EntityFormDialog.js';
import { terminalDraftOf, terminalFields, terminalInitial } from './forms.js';
import { useNetworkOptions } from './options.js';

/**
 * A terminal is supplied by a sub-dealer or directly by a distributor: the form picks the
 * distributor first, then offers only that distributor's sub-dealers.
 */
export function TerminalFormDialog({
  terminal,
  distributorId,
  areaId,
  onClose,
  onDelete,
  onContacts,
}: {
  terminal?: Terminal | undefined;
  distributorId?: number;
  areaId?: number;
  onClose(): void;
  onDelete?: (() => void) | undefined;
  /** Opens the terminal's contacts (an existing terminal only). */
  onContacts?: (() => void) | undefined;
}) {
  const { t } = useTranslation(['network', 'common']);
  const toast = useToast();
  const options = useNetworkOptions();
  const initial = terminalInitial(terminal, distributorId, undefined, areaId);
  const [supplier, setSupplier] = useState<'subDealer' | 'distributor'>(initial.supplier as 'subDealer');
  const [networkDistributorId, setNetworkDistributorId] = useState<number | null>((initial.networkDistributorId as number | null) ?? null);
  const subDealers = useSubDealersOf(networkDistributorId);
  const create = useCreateTerminal();
  const update = useUpdateTerminal();
  const subDealerOptions = (subDealers.data?.rows ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }));
  const onChange = (v: FormValues): FormValues => {
    setSupplier(v.supplier as 'subDealer');
    if (v.networkDistributorId !== networkDistributorId) {
      setNetworkDistributorId((v.networkDistributorId as number | null) ?? null);
      return { ...v, subDealerId: null };
    }
    return v;
  };
  return (
    <EntityFormDialog
      title={terminal ? t('editTerminal', { name: terminal.name }) : t('addTerminal')}
      fields={terminalFields(t, { ...options, subDealers: subDealerOptions }, supplier)}
      initial={initial}
      onChange={onChange}
      submitLabel={terminal ? t('save', { ns: 'common' }) : t('create', { ns: 'common' })}
      onClose={onClose}
      dangerAction={onDelete ? { label: t('delete', { ns: 'common' }), run: onDelete } : undefined}
      sideAction={onContacts ? { label: t('contactsAction'), run: onContacts } : undefined}
      onSubmit={async (v) => {
        const draft = terminalDraftOf(v);
        const saved = terminal ? await update.mutateAsync({ id: terminal.id, draft }) : await create.mutateAsync({ draft });
        toast({ tone: 'success', text: t('saved', { name: saved.name }) });
      }}
    />
  );
}
