import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../shared/contract/importing.js';
import { formatDate } from '../ui/format.js';

/**
 * Rows that are valid but look wrong (a stock count beyond the warehouse or far above anything sold):
 * the preview names each one first, with its numbers, and they import only once the user confirms
 * them (as a typed-in count asks before it is saved).
 */
export function ImportWarnings({
  report,
  confirmed,
  onConfirm,
}: {
  report: ImportReport;
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}) {
  const { t } = useTranslation(['stockcheck', 'importing']);
  const warnings = report.warnings ?? [];
  if (warnings.length === 0) return null;
  const count = report.warningCount ?? warnings.length;
  // a row can look wrong twice (beyond the warehouse and far from the history): the title counts rows
  const rows = new Set(warnings.map((w) => w.line)).size;
  return (
    <div className="notice notice-warn" role="group" aria-label={t('title', { count: rows })}>
      <strong>{t('title', { count: rows })}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.line}-${w.code}`}>
            {t('importing:line')} {w.line} · {w.key}:{' '}
            {t(w.code, { ...w.params, date: typeof w.params.date === 'string' ? formatDate(w.params.date) : '' })}
          </li>
        ))}
      </ul>
      {count > warnings.length && <div className="muted">{t('more', { count: count - warnings.length })}</div>}
      <div className="muted">{t('note')}</div>
      <label className="checkbox-row">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />
        {t('confirm', { count: rows })}
      </label>
    </div>
  );
}
