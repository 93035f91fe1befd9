import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntity } from '../../shared/contract/people.js';
import { HistoryList } from './HistoryList.js';
import { useHistory } from './queries.js';

/**
 * "History" under a plan, review, target version, scorecard, distributor or event: opened on demand,
 * so the record's screen does not read it until asked.
 */
export function RecordHistory({ entity, entityId, label }: { entity: HistoryEntity; entityId: string | number | null; label?: string }) {
  const { t } = useTranslation('people');
  const [open, setOpen] = useState(false);
  return (
    <div className="record-history">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        disabled={entityId === null}
      >
        {label ?? t('history.show')}
      </button>
      {open && entityId !== null && <RecordHistoryRows entity={entity} entityId={String(entityId)} />}
    </div>
  );
}

function RecordHistoryRows({ entity, entityId }: { entity: HistoryEntity; entityId: string }) {
  const { t } = useTranslation('people');
  const rows = useHistory({ entity, entityId, limit: 100 });
  if (rows.isPending) return <div role="status">{t('loading')}</div>;
  if (rows.isError) return <div role="alert">{rows.error.message}</div>;
  if (!rows.data.rows.length) return <p role="status">{t('history.none')}</p>;
  return (
    <section aria-label={t('history.title')}>
      <HistoryList rows={rows.data.rows} />
    </section>
  );
}
