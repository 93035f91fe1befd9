import { useTranslation } from 'react-i18next';
import { IMPORT_ENTITIES } from '../../shared/domain/importing.js';
import { Card } from '../ui/Page.js';
import { ImportExportButtons } from './ImportExportButtons.js';
import { isOnlySalesperson, useActor } from '../people/actor.js';

/** Every importable entity in one place, in the order a new installation fills them. */
export function DataTransferCard() {
  const { t } = useTranslation('importing');
  // A salesperson imports their own visits only (the core checks every row); the rest is not theirs.
  const entities = isOnlySalesperson(useActor()) ? (['visits'] as const) : IMPORT_ENTITIES;
  return (
    <Card title={t('allData')} className="span-2">
      <p className="muted" style={{ marginTop: 0 }}>
        {t('allDataHint')}
      </p>
      <table className="plain" aria-label={t('allData')}>
        <tbody>
          {entities.map((entity) => (
            <tr key={entity}>
              <td style={{ width: 180, textTransform: 'capitalize' }}>{t(`entity.${entity}`)}</td>
              <td>
                <div style={{ display: 'flex', gap: 8 }}>
                  <ImportExportButtons entity={entity} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
