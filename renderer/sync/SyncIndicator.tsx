import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useJob } from '../api/hooks.js';
import { describeSyncStatus } from './describe.js';
import { useRefreshAfterSync, useSyncStatus } from './queries.js';
import { SyncPanel } from './SyncPanel.js';
import './sync.css';

/**
 * The team-server state in the shell, on every screen: one line that reads at a glance (synced 10:42,
 * 3 changes waiting, offline since 10:42, a change refused, syncing). A solo desktop shows nothing.
 * Clicking it opens the panel with the details and the refused changes.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation('sync');
  const status = useSyncStatus();
  useRefreshAfterSync(status.data);
  const [open, setOpen] = useState(false);
  // The first sync runs as a job: its progress makes "Syncing…" say how far it is.
  const job = useJob(status.data?.jobId ?? null);
  if (!status.data) return null;
  const summary = describeSyncStatus(status.data, i18n.language, new Date());
  if (!summary.key) return null;
  const progress = status.data.jobId !== null && job.status?.state === 'running' ? Math.round(job.status.progress * 100) : null;
  const text = progress === null ? t(summary.key, summary.values) : t('indicator.syncingProgress', { percent: progress });
  const detail = summary.detail ? t(summary.detail.key, summary.detail.values) : null;
  return (
    <section className="sync-indicator" aria-label={t('indicator.label')}>
      <button
        type="button"
        className={`sync-indicator-button sync-tone-${summary.tone}`}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={detail ? `${text}, ${detail}` : text}
        title={t('indicator.open')}
      >
        <span className={`sync-dot${status.data.state === 'syncing' ? ' sync-dot-busy' : ''}`} aria-hidden="true" />
        <span className="sync-indicator-text">
          <span>{text}</span>
          {detail && <span className="sync-indicator-detail">{detail}</span>}
        </span>
      </button>
      {/* Outside the sidebar, so the dialog neither inherits its dark colours nor its stacking. */}
      {open && createPortal(<SyncPanel status={status.data} onClose={() => setOpen(false)} />, document.body)}
    </section>
  );
}
