import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../shared/contract/backup.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Badge, Card } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { useCreateBackup, useRestoreBackup } from './mutations.js';
import { useBackups } from './queries.js';

/** Backups: one a day automatically, more on demand; a restore keeps the current database too. */
export function BackupCard() {
  const { t, i18n } = useTranslation('common');
  const list = useBackups();
  const create = useCreateBackup();
  const restore = useRestoreBackup();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <Card
      title={t('backup.title')}
      className="span-2"
      actions={
        <button
          type="button"
          className="button button-small"
          disabled={create.isPending}
          onClick={() => void create.run({}, (b) => t('backup.created', { file: b.fileName }))}
        >
          {t('backup.create')}
        </button>
      }
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t('backup.hint', { folder: list.data?.folder ?? '' })}
      </p>
      {list.data && list.data.backups.length === 0 ? (
        <p className="muted">{t('backup.none')}</p>
      ) : (
        <table className="plain" aria-label={t('backup.title')}>
          <thead>
            <tr>
              <th>{t('backup.when')}</th>
              <th>{t('backup.kind')}</th>
              <th className="num">{t('backup.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list.data?.backups ?? []).map((b) => (
              <tr key={b.fileName}>
                <td>{when(b.createdAt)}</td>
                <td>
                  <Badge tone={b.kind === 'manual' ? 'blue' : 'grey'}>{t(`backup.kinds.${b.kind}`)}</Badge>
                </td>
                <td className="num">{formatNumber(b.bytes / 1024 / 1024, 1)} MB</td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setRestoring(b)}
                    aria-label={t('backup.restoreFrom', { when: when(b.createdAt) })}
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <ConfirmDialog
          title={t('backup.confirmTitle')}
          message={t('backup.confirmText', { when: when(restoring.createdAt) })}
          confirmLabel={t('backup.restore')}
          danger
          busy={restore.isPending}
          onCancel={() => setRestoring(null)}
          onConfirm={async () => {
            await restore.run({ fileName: restoring.fileName }, (r) => t('backup.restored', { file: r.previousKeptAs }));
            setRestoring(null);
          }}
        />
      )}
    </Card>
  );
}
