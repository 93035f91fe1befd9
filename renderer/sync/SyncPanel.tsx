import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SyncStatus } from '../../shared/contract/sync.js';
import { useRegions } from '../network/queries.js';
import { Dialog } from '../ui/Dialog.js';
import { describeSyncStatus, formatSyncTime } from './describe.js';
import { RefusalsList } from './RefusalsList.js';
import { useSyncNow } from './mutations.js';

/** The indicator opened: where this desktop syncs to, as whom, how it stands, and what was refused. */
export function SyncPanel({ status, onClose }: { status: SyncStatus; onClose(): void }) {
  const { t, i18n } = useTranslation('sync');
  const navigate = useNavigate();
  const now = useSyncNow();
  const regions = useRegions();
  const summary = describeSyncStatus(status, i18n.language, new Date());
  const when = (iso: string | null) => (iso ? formatSyncTime(iso, i18n.language, new Date()) : t('panel.never'));
  return (
    <Dialog
      title={t('panel.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              onClose();
              void navigate('/settings');
            }}
          >
            {t('panel.settings')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={now.isPending || status.state === 'syncing'}
            onClick={() => void now.run({})}
          >
            {now.isPending ? t('panel.syncing') : t('panel.syncNow')}
          </button>
        </>
      }
    >
      <dl className="kv sync-kv">
        <dt>{t('panel.state')}</dt>
        <dd>
          <span className={`sync-dot sync-tone-${summary.tone}`} aria-hidden="true" /> {summary.key ? t(summary.key, summary.values) : ''}
        </dd>
        <dt>{t('panel.server')}</dt>
        <dd className="sync-break">{status.serverUrl ?? '–'}</dd>
        <dt>{t('panel.person')}</dt>
        <dd>{status.person ? `${status.person.name} (${status.person.code})` : '–'}</dd>
        {/* what this desktop holds: it follows the person's regions when an administrator changes them */}
        <dt>{t('panel.regions')}</dt>
        <dd>
          {!status.person
            ? '–'
            : status.person.regionIds === null
              ? t('panel.allRegions')
              : regions.data
                ? status.person.regionIds.map((id) => regions.data.find((r) => r.id === id)?.name ?? `#${id}`).join(', ')
                : '…'}
        </dd>
        <dt>{t('panel.lastSync')}</dt>
        <dd>{when(status.lastSyncAt)}</dd>
        <dt>{t('panel.waiting')}</dt>
        <dd>{t('panel.waitingCount', { count: status.pending })}</dd>
      </dl>
      {status.lastError && (status.state === 'offline' || status.state === 'syncing') && (
        <p className="sync-last-error">
          {t('panel.lastError')} {status.lastError}
        </p>
      )}
      <RefusalsList />
    </Dialog>
  );
}
