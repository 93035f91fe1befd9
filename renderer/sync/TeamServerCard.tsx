import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Card, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { ConnectDialog } from './ConnectDialog.js';
import { describeSyncStatus, formatSyncTime } from './describe.js';
import { useSyncStatus } from './queries.js';
import { useDisconnect, useSyncNow } from './mutations.js';

/** Settings: connect this desktop to the team server, or see how it syncs, sync now and disconnect. */
export function TeamServerCard() {
  const { t, i18n } = useTranslation('sync');
  const toast = useToast();
  const status = useSyncStatus();
  const now = useSyncNow();
  const disconnect = useDisconnect();
  const [connecting, setConnecting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const s = status.data;
  const solo = s?.state === 'solo';
  const summary = s ? describeSyncStatus(s, i18n.language, new Date()) : null;
  return (
    <Card
      title={t('card.title')}
      className="span-2"
      actions={
        s &&
        (solo ? (
          <button type="button" className="button button-small button-primary" onClick={() => setConnecting(true)}>
            {t('card.connect')}
          </button>
        ) : (
          <div className="sync-card-actions">
            <button
              type="button"
              className="button button-small"
              disabled={now.isPending || s.state === 'syncing'}
              onClick={() => void now.run({})}
            >
              {t('panel.syncNow')}
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => setConfirming(true)}>
              {t('card.disconnect')}
            </button>
          </div>
        ))
      }
    >
      {!s ? (
        <Spinner label={t('card.loading')} />
      ) : solo ? (
        <p className="muted" style={{ margin: 0 }}>
          {t('card.soloHint')}
        </p>
      ) : (
        <dl className="kv">
          <dt>{t('panel.server')}</dt>
          <dd className="sync-break">{s.serverUrl}</dd>
          <dt>{t('panel.person')}</dt>
          <dd>{s.person ? `${s.person.name} (${s.person.code})` : '–'}</dd>
          <dt>{t('panel.state')}</dt>
          <dd>
            <span className={`sync-dot sync-tone-${summary!.tone}`} aria-hidden="true" />{' '}
            {summary!.key ? t(summary!.key, summary!.values) : ''}
          </dd>
          <dt>{t('panel.lastSync')}</dt>
          <dd>{s.lastSyncAt ? formatSyncTime(s.lastSyncAt, i18n.language, new Date()) : t('panel.never')}</dd>
          <dt>{t('panel.waiting')}</dt>
          <dd>{t('panel.waitingCount', { count: s.pending })}</dd>
          {s.lastError && s.state !== 'synced' && (
            <>
              <dt>{t('card.lastError')}</dt>
              <dd>{s.lastError}</dd>
            </>
          )}
        </dl>
      )}
      {connecting && (
        <ConnectDialog
          onClose={() => setConnecting(false)}
          onConnected={() => {
            setConnecting(false);
            toast({ tone: 'success', text: t('connect.connected') });
          }}
        />
      )}
      {confirming && s && (
        <ConfirmDialog
          title={t('card.disconnectTitle')}
          message={
            <>
              <p>{t('card.disconnectText', { server: s.serverUrl ?? '' })}</p>
              {s.pending > 0 && <p className="sync-warning">{t('card.disconnectPending', { count: s.pending })}</p>}
            </>
          }
          confirmLabel={t('card.disconnectConfirm')}
          danger
          busy={disconnect.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await disconnect.run({}, () => t('card.disconnected'));
            setConfirming(false);
          }}
        />
      )}
    </Card>
  );
}
