import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HISTORY_ENTITIES, type HistoryEntity, type HistoryFilter } from '../../shared/contract/people.js';
import { downloadBase64 } from '../importing/download.js';
import { Card, EmptyState, PageHeader } from '../ui/Page.js';
import { HistoryList } from './HistoryList.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { exportHistory, useHistory } from './queries.js';

const PAGE = 100;

function filterOf(params: URLSearchParams): HistoryFilter {
  const entity = params.get('entity');
  const entityId = params.get('entityId');
  const filter: HistoryFilter = {};
  if (entity && (HISTORY_ENTITIES as readonly string[]).includes(entity)) filter.entity = entity as HistoryEntity;
  if (entityId) filter.entityId = entityId.slice(0, 80);
  return filter;
}

/** Every change made through the planner, newest first: filter by record, person, method and dates; export. */
export function HistoryPage() {
  const { t } = useTranslation('people');
  const attempt = useAttempt();
  // A record's page links here filtered to it (?entity=distributor&entityId=12).
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<HistoryFilter>(() => filterOf(params));
  const [offset, setOffset] = useState(0);
  const rows = useHistory({ ...filter, offset, limit: PAGE });
  const set = (patch: Partial<HistoryFilter>) => {
    setOffset(0);
    setFilter((f) => {
      const next: Record<string, unknown> = { ...f, ...patch };
      for (const k of Object.keys(next)) if (next[k] === '' || next[k] === undefined) delete next[k];
      return next as HistoryFilter;
    });
  };
  const exportCsv = async () => {
    const file = await attempt(() => exportHistory(filter));
    if (file) downloadBase64(file.fileName, file.mimeType, file.contentBase64);
  };
  return (
    <div className="page">
      <PageHeader
        title={t('history.pageTitle')}
        subtitle={t('history.pageSubtitle')}
        actions={
          <button type="button" className="button" onClick={exportCsv}>
            {t('history.export')}
          </button>
        }
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
        <Card title={t('history.filters')}>
          <div className="filters">
            <label>
              {t('history.entity')}
              <select
                value={filter.entity ?? ''}
                onChange={(e) => set({ entity: (e.target.value || undefined) as HistoryEntity | undefined })}
              >
                <option value="">{t('history.any')}</option>
                {HISTORY_ENTITIES.map((e) => (
                  <option key={e} value={e}>
                    {t(`entity.${e}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('history.record')}
              <input value={filter.entityId ?? ''} inputMode="numeric" onChange={(e) => set({ entityId: e.target.value })} />
            </label>
            <label>
              {t('history.person')}
              <input value={filter.actorCode ?? ''} onChange={(e) => set({ actorCode: e.target.value })} />
            </label>
            <label>
              {t('history.method')}
              <input value={filter.method ?? ''} onChange={(e) => set({ method: e.target.value })} />
            </label>
            <label>
              {t('history.from')}
              <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value })} />
            </label>
            <label>
              {t('history.to')}
              <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value })} />
            </label>
          </div>
        </Card>
        {rows.isPending ? (
          <div role="status">{t('loading')}</div>
        ) : rows.isError ? (
          <div role="alert">{rows.error.message}</div>
        ) : !rows.data.rows.length ? (
          <EmptyState title={t('history.none')} />
        ) : (
          <Card title={t('history.count', { count: rows.data.total })}>
            <HistoryList rows={rows.data.rows} showRecord />
            <div className="pager">
              <button
                type="button"
                className="button button-small"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t('history.newer')}
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={offset + PAGE >= rows.data.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('history.older')}
              </button>
            </div>
          </Card>
        )}
      </div>
    </div>
  );
}
