import { useTranslation } from 'react-i18next';
import { useDismissRestoreNotice } from './mutations.js';
import { useRestoreNotice } from './queries.js';

/**
 * Shown on every screen after a start that found a restore cut short by a crash: the user learns
 * whether the planner holds the restored data or the data from before, and where the other copy is.
 */
export function RestoreNotice() {
  const { t } = useTranslation('restore');
  const notice = useRestoreNotice();
  const dismiss = useDismissRestoreNotice();
  const n = notice.data;
  if (!n) return null;
  const file = n.fileName ?? t('unknownFile');
  return (
    <div
      className={`notice ${n.outcome === 'finished' ? 'notice-info' : 'notice-warn'} restore-notice`}
      role="alert"
      style={{ marginBottom: 12 }}
    >
      <strong>{t('title')}</strong>{' '}
      {n.outcome === 'finished' ? t('finished', { file, previous: n.previousKeptAs ?? t('unknownFile') }) : t('rolledBack', { file })}{' '}
      <button type="button" className="link-button" disabled={dismiss.isPending} onClick={() => dismiss.mutate({})}>
        {t('dismiss')}
      </button>
    </div>
  );
}
