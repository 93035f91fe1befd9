import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HISTORY_ENTITIES, type HistoryEntity, type HistoryFilter } from '../../shared/contract/people.js';
import { downloadBase64 } from '../importing/download.js';
import { FilterSelect } from '../ui/Fields.js';
import { Card, EmptyState, ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
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

/** A text or date filter laid out as the other screens' filters are. */
function FilterInput({
  label,
  value,
  onChange,
  type = 'text',
  inputMode,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'date';
  inputMode?: 'numeric';
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} inputMode={inputMode} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** Every change made through the planner, newest first: filter by record, person, method and dates; export. */
/** Every recorded action in the reader's words, alphabetically: the words are the filter's options (tests/unit/history-labels.test.ts keeps them to the contract's methods). */
function useActionOptions(): Array<{ value: string; label: string }> {
  const { t, i18n } = useTranslation('briefHistory');
  const groups = (i18n.getResourceBundle('en', 'briefHistory') as { method: Record<string, Record<string, string>> }).method;
  const collator = new Intl.Collator(i18n.language);
  return Object.entries(groups)
    .flatMap(([group, verbs]) => Object.keys(verbs).map((verb) => `${group}.${verb}`))
    .map((value) => ({ value, label: t(`method.${value}`) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export function HistoryPage() {
  const { t } = useTranslation('people');
  const actions = useActionOptions();
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
          <div className="toolbar history-filters">
            <FilterSelect
              label={t('history.entity')}
              value={filter.entity ?? ''}
              onChange={(v) => set({ entity: (v || undefined) as HistoryEntity | undefined })}
              options={HISTORY_ENTITIES.map((e) => ({ value: e, label: t(`entity.${e}`) }))}
              allLabel={t('history.any')}
            />
            <FilterInput
              label={t('history.record')}
              value={filter.entityId ?? ''}
              inputMode="numeric"
              onChange={(v) => set({ entityId: v })}
            />
            <FilterInput label={t('history.person')} value={filter.actorCode ?? ''} onChange={(v) => set({ actorCode: v })} />
            <FilterSelect
              label={t('history.method')}
              value={filter.method ?? ''}
              onChange={(v) => set({ method: v || undefined })}
              options={actions}
              allLabel={t('history.any')}
            />
            <FilterInput label={t('history.from')} type="date" value={filter.from ?? ''} onChange={(v) => set({ from: v })} />
            <FilterInput label={t('history.to')} type="date" value={filter.to ?? ''} onChange={(v) => set({ to: v })} />
          </div>
        </Card>
        {rows.isPending ? (
          <Spinner label={t('loading', { ns: 'common' })} />
        ) : rows.isError ? (
          <ErrorNotice error={rows.error} />
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
