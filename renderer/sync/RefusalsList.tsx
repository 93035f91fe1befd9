import { useTranslation } from 'react-i18next';
import { useSyncRefusals } from './queries.js';
import { Spinner } from '../ui/Page.js';
import { formatSyncTime } from './describe.js';
import { useAcknowledgeRefusal } from './mutations.js';

const TRANSLATED_CODES: ReadonlySet<string> = new Set(['validation', 'not_found', 'conflict', 'in_use', 'forbidden', 'busy']);

/**
 * Changes the team server would not run. Nothing is dropped silently: each stays here, with the
 * server's reason and what became of it on this desktop, until the person acknowledges it.
 */
export function RefusalsList() {
  const { t, i18n } = useTranslation('sync');
  const refusals = useSyncRefusals();
  const acknowledge = useAcknowledgeRefusal();
  const list = refusals.data ?? [];
  return (
    <section className="sync-refusals" aria-labelledby="sync-refusals-title">
      <h3 id="sync-refusals-title">{t('refusals.title')}</h3>
      {refusals.isPending ? (
        <Spinner label={t('refusals.loading')} />
      ) : list.length === 0 ? (
        <p className="muted">{t('refusals.none')}</p>
      ) : (
        <ul className="sync-refusal-list" aria-label={t('refusals.title')}>
          {list.map((r) => {
            const change = t(`method.${r.method}`, { defaultValue: r.method });
            return (
              <li key={r.seq} className="sync-refusal" aria-label={change}>
                <div className="sync-refusal-head">
                  <strong>{change}</strong>
                  <span className="muted">{formatSyncTime(r.at, i18n.language, new Date())}</span>
                </div>
                {r.summary && <div className="sync-refusal-summary">{r.summary}</div>}
                <div className="sync-refusal-reason">
                  {r.rule ? (
                    // A business rule: said in the person's language, as the same refusal is on a form.
                    <span>{t(`rules:refusal.${r.rule.code}`, { ...r.rule.params, defaultValue: r.message })}</span>
                  ) : (
                    <>
                      {r.code && TRANSLATED_CODES.has(r.code) && <span>{t(`reason.${r.code}`)} </span>}
                      <span>
                        {t('refusals.serverSaid')} “{r.message}”
                      </span>
                    </>
                  )}
                </div>
                <div className="sync-refusal-outcome">{t('refusals.undone')}</div>
                <button
                  type="button"
                  className="button button-small"
                  disabled={acknowledge.isPending}
                  aria-label={t('refusals.acknowledgeOne', { change })}
                  onClick={() => void acknowledge.run({ seq: r.seq })}
                >
                  {t('refusals.acknowledge')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
