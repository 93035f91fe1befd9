import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeleteImpact } from '../../shared/contract/network.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { SelectField } from '../ui/Fields.js';
import { ArchiveNotice } from '../people/ArchiveNotice.js';

type Disposition = { outlets: 'none' } | { outlets: 'delete' } | { outlets: 'reassign'; toId: number };

interface Props {
  kind: 'distributor' | 'subDealer';
  name: string;
  impact: DeleteImpact | undefined;
  /** Candidates to take the outlets over (other distributors, or other sub-dealers of the same distributor). */
  successors: Array<{ value: number; label: string }>;
  onConfirm(disposition: Disposition): Promise<void>;
  onCancel(): void;
}

/**
 * Explains what deleting touches before anything happens: outlets are reassigned or deleted with
 * it, as the user chooses; contacts go with it.
 */
export function DeleteWithOutletsDialog({ kind, name, impact, successors, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('network');
  const outlets = impact ? (kind === 'distributor' ? impact.subDealers + impact.terminals : impact.terminals) : 0;
  const [choice, setChoice] = useState<'reassign' | 'delete'>('reassign');
  const [toId, setToId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    if (outlets > 0 && choice === 'reassign' && !toId) {
      setError(t('delete.chooseSuccessor'));
      return;
    }
    setBusy(true);
    try {
      await onConfirm(
        outlets === 0 ? { outlets: 'none' } : choice === 'delete' ? { outlets: 'delete' } : { outlets: 'reassign', toId: toId! },
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      title={t(`delete.title.${kind}`, { name })}
      confirmLabel={t('delete.confirm')}
      danger
      busy={busy || !impact}
      onConfirm={confirm}
      onCancel={onCancel}
      message={
        !impact ? (
          t('loading', { ns: 'common' })
        ) : outlets === 0 ? (
          t('delete.noOutlets', { contacts: impact.contacts })
        ) : (
          <>
            {kind === 'distributor'
              ? t('delete.distributorImpact', { subDealers: impact.subDealers, terminals: impact.terminals, contacts: impact.contacts })
              : t('delete.subDealerImpact', { terminals: impact.terminals, contacts: impact.contacts })}
          </>
        )
      }
    >
      <ArchiveNotice impact={impact} kind={kind} />
      {impact && outlets > 0 && (
        <fieldset>
          <legend>{t('delete.whatHappens')}</legend>
          <label className="checkbox-row">
            <input type="radio" name="disposition" checked={choice === 'reassign'} onChange={() => setChoice('reassign')} />
            {t(`delete.reassign.${kind}`)}
          </label>
          {choice === 'reassign' && (
            <SelectField
              label={t(`delete.successor.${kind}`)}
              options={successors}
              placeholder={t('choose', { ns: 'common' })}
              value={toId ?? ''}
              onChange={(e) => setToId(e.target.value ? Number(e.target.value) : null)}
            />
          )}
          <label className="checkbox-row">
            <input type="radio" name="disposition" checked={choice === 'delete'} onChange={() => setChoice('delete')} />
            {t('delete.deleteAll', { count: outlets })}
          </label>
        </fieldset>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
    </ConfirmDialog>
  );
}
