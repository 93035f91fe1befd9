import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../shared/domain/importing.js';
import { currentLanguage } from '../i18n/index.js';
import { downloadBase64 } from './download.js';
import { ImportDialog } from './ImportDialog.js';
import { exportEntity, importFields } from './queries.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { isOnlySalesperson, useActor, useMay } from '../people/actor.js';

/** Import from and export to the spreadsheets users already keep, for any entity. */
export function ImportExportButtons({ entity, importOnly }: { entity: ImportEntity; importOnly?: boolean }) {
  const { t } = useTranslation('importing');
  const attempt = useAttempt();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  // As the core rules: a salesperson imports their own visits and nothing else.
  const actor = useActor();
  const mayImport = useMay('import.start') && (entity === 'visits' || !isOnlySalesperson(actor));
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    await attempt(
      async () => {
        // Column titles in the user's language; the importer maps every language's titles back.
        const fields = await importFields(entity);
        const headers = Object.fromEntries(fields.map((f) => [f.key, t(`field.${entity}.${f.key}`, { defaultValue: f.key })]));
        const file = await exportEntity({ entity, format, headers, language: currentLanguage() });
        downloadBase64(file.fileName, file.mimeType, file.contentBase64);
        return file;
      },
      (file) => t('exported', { count: file.rows, file: file.fileName }),
    );
    setExporting(false);
  };
  return (
    <>
      {mayImport && (
        <button type="button" className="button" onClick={() => setImporting(true)}>
          {t(`importEntity.${entity}`)}
        </button>
      )}
      {!importOnly && (
        <>
          <button
            type="button"
            className="button"
            disabled={exporting}
            onClick={() => void exportAs('xlsx')}
            aria-label={t('exportXlsxOf', { entity: t(`entity.${entity}`) })}
          >
            {t('exportXlsx')}
          </button>
          <button
            type="button"
            className="button"
            disabled={exporting}
            onClick={() => void exportAs('csv')}
            aria-label={t('exportCsvOf', { entity: t(`entity.${entity}`) })}
          >
            {t('exportCsv')}
          </button>
        </>
      )}
      {importing && <ImportDialog entity={entity} onClose={() => setImporting(false)} />}
    </>
  );
}
