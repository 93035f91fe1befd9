import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome, ImportPreview, ImportReport } from '../../shared/contract/importing.js';
import type { ImportEntity } from '../../shared/domain/importing.js';
import { api } from '../api/client.js';
import { Dialog } from '../ui/Dialog.js';
import { Spinner } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { fileToBase64 } from './download.js';

type Step = 'pick' | 'map' | 'report' | 'done';

/**
 * Pick a file, map its columns (remembered for next time), check every row, then import all or
 * nothing. Nothing is written before the final button, and a bad row means nothing is written.
 */
export function ImportDialog({ entity, onClose }: { entity: ImportEntity; onClose(): void }) {
  const { t } = useTranslation(['importing', 'common']);
  const client = useQueryClient();
  const fileInputId = useId();
  const [step, setStep] = useState<Step>('pick');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [decimalComma, setDecimalComma] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [confirmPartial, setConfirmPartial] = useState(false);

  const run = async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError((e as Error).message);
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const result = await run(t('reading'), async () =>
      api.call('import.preview', { entity, fileName: file.name, contentBase64: await fileToBase64(file) }),
    );
    if (!result) return;
    setPreview(result);
    setMapping(result.suggestedMapping);
    setDecimalComma(result.decimalComma);
    setStep('map');
  };

  const check = async () => {
    if (!preview) return;
    const result = await run(t('checking'), () => api.call('import.validate', { importId: preview.importId, mapping, decimalComma }));
    if (result) {
      setReport(result);
      setStep('report');
    }
  };

  const commit = async (mode: 'all' | 'validOnly') => {
    if (!preview) return;
    const result = await run(t('importing'), () => api.call('import.commit', { importId: preview.importId, mapping, decimalComma, mode }));
    if (result) {
      setOutcome(result);
      setStep('done');
      await client.invalidateQueries();
    }
  };

  const close = () => {
    if (preview && step !== 'done') void api.call('import.discard', { importId: preview.importId }).catch(() => {});
    onClose();
  };

  const hasErrors = (report?.errorCount ?? 0) > 0;
  const footer = (
    <>
      {step === 'map' && (
        <>
          <button type="button" className="button" onClick={() => setStep('pick')}>
            {t('back', { ns: 'common' })}
          </button>
          <button type="button" className="button button-primary" onClick={() => void check()} disabled={!!busy}>
            {t('checkRows')}
          </button>
        </>
      )}
      {step === 'report' && report && (
        <>
          <button type="button" className="button" onClick={() => setStep('map')}>
            {t('backToMapping')}
          </button>
          {hasErrors && report.validRows > 0 && (
            <button type="button" className="button" onClick={() => setConfirmPartial(true)} disabled={!!busy}>
              {t('importValidOnly', { count: report.validRows })}
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            onClick={() => void commit('all')}
            disabled={!!busy || hasErrors || report.validRows === 0}
          >
            {t('importAll', { count: report.validRows })}
          </button>
        </>
      )}
      {(step === 'done' || step === 'pick') && (
        <button type="button" className="button" onClick={close}>
          {step === 'done' ? t('close', { ns: 'common' }) : t('cancel', { ns: 'common' })}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('title', { entity: t(`entity.${entity}`) })} onClose={close} wide footer={footer}>
      <ol className="steps" aria-label={t('steps')}>
        {(['pick', 'map', 'report', 'done'] as const).map((s, i) => (
          <li key={s} className={s === step ? 'on' : ''} style={{ listStyle: 'none' }}>
            {i + 1}. {t(`step.${s}`)}
            {i < 3 ? ' ›' : ''}
          </li>
        ))}
      </ol>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {busy && <Spinner label={busy} />}

      {step === 'pick' && (
        <div className="field">
          <label htmlFor={fileInputId}>{t('chooseFile')}</label>
          <input
            id={fileInputId}
            type="file"
            accept=".csv,.txt,.tsv,.xlsx"
            onChange={(e) => void pick(e.target.files?.[0])}
            disabled={!!busy}
          />
          <div className="field-hint">{t('fileHint')}</div>
        </div>
      )}

      {step === 'map' && preview && (
        <>
          <div className="notice notice-info">
            {t('fileSummary', {
              file: preview.fileName,
              rows: formatNumber(preview.totalRows),
              encoding: preview.encoding,
              delimiter: preview.delimiter === '\t' ? 'Tab' : (preview.delimiter ?? '–'),
            })}
            {preview.mappingRemembered && <> · {t('mappingRemembered')}</>}
          </div>
          <div className="mapping-grid" role="group" aria-label={t('mapping')}>
            {preview.fields.map((f) => {
              const id = `map-${f.key}`;
              return (
                <div key={f.key} style={{ display: 'contents' }}>
                  <label htmlFor={id}>
                    {t(`field.${entity}.${f.key}`, { defaultValue: f.key })}
                    {f.required && <span className="required"> *</span>}
                    {f.hint && <span className="muted"> ({f.hint})</span>}
                  </label>
                  <select
                    id={id}
                    value={mapping[f.key] ?? ''}
                    onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value === '' ? null : Number(e.target.value) })}
                  >
                    <option value="">{t('notInFile')}</option>
                    {preview.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || t('columnN', { n: i + 1 })}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
          <label className="checkbox-row">
            <input type="checkbox" checked={decimalComma} onChange={(e) => setDecimalComma(e.target.checked)} />
            {t('decimalComma')}
          </label>
          <div className="preview-table">
            <table className="plain" aria-label={t('preview')}>
              <thead>
                <tr>
                  {preview.headers.map((h, i) => (
                    <th key={i}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sampleRows.map((r, i) => (
                  <tr key={i}>
                    {preview.headers.map((_, c) => (
                      <td key={c}>{r[c] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {step === 'report' && report && (
        <>
          {hasErrors ? (
            <div className="notice notice-error" role="alert">
              {t('reportErrors', {
                errors: formatNumber(report.errorCount),
                valid: formatNumber(report.validRows),
                total: formatNumber(report.totalRows),
              })}
            </div>
          ) : (
            <div className="notice notice-success" role="status">
              {t('reportOk', {
                total: formatNumber(report.totalRows),
                creates: formatNumber(report.creates),
                updates: formatNumber(report.updates),
              })}
            </div>
          )}
          {hasErrors && (
            <div className="error-list">
              <table className="plain" aria-label={t('problems')}>
                <thead>
                  <tr>
                    <th className="num">{t('line')}</th>
                    <th>{t('column')}</th>
                    <th>{t('value')}</th>
                    <th>{t('reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={i}>
                      <td className="num">{e.line}</td>
                      <td>{e.column}</td>
                      <td>{e.value}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.errorCount > report.errors.length && (
                <div className="muted" style={{ padding: 8 }}>
                  {t('moreErrors', { count: report.errorCount - report.errors.length })}
                </div>
              )}
            </div>
          )}
          {confirmPartial && (
            <div className="notice notice-warn" role="alertdialog" aria-label={t('confirmPartialTitle')}>
              <p style={{ marginTop: 0 }}>
                {t('confirmPartial', { valid: report.validRows, skipped: report.totalRows - report.validRows })}
              </p>
              <button type="button" className="button button-primary" onClick={() => void commit('validOnly')}>
                {t('confirmPartialButton', { count: report.validRows })}
              </button>{' '}
              <button type="button" className="button" onClick={() => setConfirmPartial(false)}>
                {t('cancel', { ns: 'common' })}
              </button>
            </div>
          )}
        </>
      )}

      {step === 'done' && outcome && (
        <div className="notice notice-success" role="status">
          {t('doneText', {
            created: formatNumber(outcome.created),
            updated: formatNumber(outcome.updated),
            skipped: formatNumber(outcome.skipped),
          })}
        </div>
      )}
    </Dialog>
  );
}
