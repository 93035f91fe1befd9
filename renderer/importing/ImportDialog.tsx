import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEncoding, ImportOutcome, ImportPreview, ImportReport } from '../../shared/contract/importing.js';
import type { ImportEntity } from '../../shared/domain/importing.js';
import { currentLanguage } from '../i18n/index.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { useJob } from '../api/hooks.js';
import { ProgressBar, Spinner } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { downloadBase64, fileToBase64 } from './download.js';
import { changeText, importErrorText, sensitiveText } from './messages.js';
import { ImportWarnings } from './ImportWarnings.js';
import { importFields, importTemplate } from './queries.js';
import { discardImport, startImport, startImportPreview } from './mutations.js';

type Step = 'pick' | 'map' | 'report' | 'done';

/**
 * Pick a file, map its columns (remembered per file layout), say how its numbers are written where the
 * file leaves it open, see what will happen to every row, choose whether existing records may change,
 * then import all or nothing. Nothing is written before the final button.
 */
export function ImportDialog({ entity, onClose }: { entity: ImportEntity; onClose(): void }) {
  const { t } = useTranslation(['importing', 'common']);
  const fileInputId = useId();
  const [step, setStep] = useState<Step>('pick');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [file, setFile] = useState<File | null>(null);
  /** Per file column: the decimal separator, as detected or as the user chose. */
  const [separators, setSeparators] = useState<Record<string, ',' | '.'>>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [confirmPartial, setConfirmPartial] = useState(false);
  const [updates, setUpdates] = useState<'skip' | 'apply' | null>(null);
  const [confirmSensitive, setConfirmSensitive] = useState(false);
  const [confirmWarnings, setConfirmWarnings] = useState(false);

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

  const pick = async (picked: File | undefined, encoding?: ImportEncoding) => {
    if (!picked) return;
    const started = await run(t('reading'), async () =>
      startImportPreview({
        entity,
        fileName: picked.name,
        contentBase64: await fileToBase64(picked),
        ...(encoding ? { encoding } : {}),
      }),
    );
    if (!started) return;
    setFile(picked);
    setJob({ id: started.jobId, step: 'preview', importId: started.importId });
  };

  const showPreview = (result: ImportPreview) => {
    if (preview && preview.importId !== result.importId) discardImport(preview.importId);
    setPreview(result);
    setMapping(result.suggestedMapping);
    setSeparators(Object.fromEntries(result.numberColumns.filter((c) => c.decimal).map((c) => [String(c.column), c.decimal!])));
    setStep('map');
  };

  /** The template's columns are titled in the user's language; the importer reads every language's titles. */
  const downloadTemplate = async (format: 'csv' | 'xlsx') => {
    const result = await run(t('reading'), async () => {
      const fields = preview?.fields ?? (await importFields(entity));
      const headers = Object.fromEntries(fields.map((f) => [f.key, t(`field.${entity}.${f.key}`, { defaultValue: f.key })]));
      return importTemplate({ entity, format, headers, language: currentLanguage() });
    });
    if (result) downloadBase64(result.fileName, result.mimeType, result.contentBase64);
  };

  // Checking and importing run in the background job worker (up to 2 million rows): the window stays
  // responsive, the bar shows how far it got, and Cancel stops it (a cancelled import writes nothing).
  const [job, setJob] = useState<{ id: number; step: 'preview' | 'validate' | 'commit'; importId: string } | null>(null);
  const background = useJob(job?.id ?? null, (status) => {
    const finished = job;
    setJob(null);
    if (status.state !== 'done' && finished?.step === 'preview') discardImport(finished.importId);
    if (status.state === 'done' && finished?.step === 'preview') showPreview(status.result as ImportPreview);
    else if (status.state === 'done' && finished?.step === 'validate') {
      setReport(status.result as ImportReport);
      setUpdates(null);
      setConfirmSensitive(false);
      setConfirmWarnings(false);
      setConfirmPartial(false);
      setStep('report');
    } else if (status.state === 'done') {
      setOutcome(status.result as ImportOutcome);
      setStep('done');
      if (preview) discardImport(preview.importId);
    } else if (status.state === 'cancelled') setError(t('cancelled'));
    else
      setError(
        status.errorRule
          ? t(`rules:refusal.${status.errorRule.code}`, { ...status.errorRule.params, defaultValue: status.error ?? t('failed') })
          : (status.error ?? t('failed')),
      );
  });

  const start = async (step: 'validate' | 'commit', mode: 'all' | 'validOnly' = 'all') => {
    if (!preview) return;
    const started = await run(step === 'validate' ? t('checking') : t('importing'), () =>
      startImport({
        importId: preview.importId,
        step,
        mapping,
        decimalSeparators: separators,
        mode,
        ...(step === 'commit' ? { updates: updates ?? 'skip', confirmSensitive, confirmWarnings } : {}),
      }),
    );
    if (started) setJob({ id: started.jobId, step, importId: preview.importId });
  };
  const check = () => start('validate');
  const commit = (mode: 'all' | 'validOnly') => start('commit', mode);
  const working = !!busy || job !== null;

  const close = () => {
    if (preview && step !== 'done') discardImport(preview.importId);
    onClose();
  };

  const hasErrors = (report?.errorCount ?? 0) > 0;
  const needsUpdateChoice = (report?.updates ?? 0) > 0 && updates === null;
  const needsSensitive = updates === 'apply' && (report?.sensitiveUpdates ?? 0) > 0 && !confirmSensitive;
  const toWrite = report ? report.creates + (updates === 'apply' ? report.updates : 0) : 0;
  const needsWarnings = (report?.warningCount ?? 0) > 0 && !confirmWarnings;
  const blocked = working || needsUpdateChoice || needsSensitive || needsWarnings || toWrite === 0;
  const numericColumns = preview
    ? preview.fields
        .filter((f) => f.kind === 'integer' || f.kind === 'decimal')
        .map((f) => mapping[f.key])
        .filter((c, i, all): c is number => c !== null && c !== undefined && all.indexOf(c) === i)
        .map((column) => ({ column, info: preview.numberColumns.find((n) => n.column === column) }))
        .filter(({ info }) => info !== undefined)
    : [];
  const unanswered = numericColumns.some(({ column, info }) => info!.decimal === null && !separators[String(column)]);
  const sensitiveRows = report?.rows.filter((r) => r.sensitive) ?? [];

  const footer = (
    <>
      {step === 'map' && (
        <DialogButtons
          onCancel={() => setStep('pick')}
          cancelLabel={t('back', { ns: 'common' })}
          onSubmit={() => void check()}
          label={t('checkRows')}
          busy={working}
        />
      )}
      {step === 'report' && report && (
        <>
          <button type="button" className="button" onClick={() => setStep('map')}>
            {t('backToMapping')}
          </button>
          {hasErrors && report.validRows > 0 && (
            <button type="button" className="button" onClick={() => setConfirmPartial(true)} disabled={blocked}>
              {t('importAcceptedOnly', { count: toWrite })}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={() => void commit('all')} disabled={blocked || hasErrors}>
            {t('importRows', { count: toWrite })}
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
      {job && (
        <div className="job-progress" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <ProgressBar
            value={background.status?.progress ?? 0}
            label={job.step === 'preview' ? t('reading') : job.step === 'validate' ? t('checking') : t('importing')}
          />
          <span role="status">{Math.round((background.status?.progress ?? 0) * 100)}%</span>
          <button type="button" className="button" onClick={() => void background.cancel()}>
            {t('cancelJob')}
          </button>
        </div>
      )}

      {step === 'pick' && (
        <>
          <div className="field">
            <label htmlFor={fileInputId}>{t('chooseFile')}</label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,.txt,.tsv,.xlsx"
              onChange={(e) => void pick(e.target.files?.[0])}
              disabled={working}
            />
            <div className="field-hint">{t('fileHint')}</div>
          </div>
          <div role="group" aria-label={t('template')} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <span className="muted">{t('template')}:</span>
            {(['xlsx', 'csv'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="button"
                disabled={!!busy}
                onClick={() => void downloadTemplate(format)}
                aria-label={t('templateOf', { format: format.toUpperCase(), entity: t(`entity.${entity}`) })}
              >
                {format === 'csv' ? t('templateCsv') : t('templateXlsx')}
              </button>
            ))}
          </div>
        </>
      )}

      {step === 'map' && preview && (
        <>
          <div className="notice notice-info">
            {t('fileSummary', {
              file: preview.fileName,
              rows: formatNumber(preview.totalRows),
              encoding: t(`encodingName.${preview.encoding}`, { defaultValue: preview.encoding }),
              delimiter: preview.delimiter === '\t' ? 'Tab' : (preview.delimiter ?? '–'),
            })}
            {preview.mappingRemembered && <> · {t('mappingRemembered')}</>}
          </div>
          {preview.format === 'csv' && preview.encodingCandidates.length > 0 && (
            <div className="field">
              <label htmlFor={`${fileInputId}-encoding`}>{t('encoding')}</label>
              <select
                id={`${fileInputId}-encoding`}
                value={preview.encoding}
                disabled={working}
                onChange={(e) => void pick(file ?? undefined, e.target.value as ImportEncoding)}
              >
                {preview.encodingCandidates.map((enc) => (
                  <option key={enc} value={enc}>
                    {t(`encodingName.${enc}`, { defaultValue: enc })}
                  </option>
                ))}
              </select>
              <div className="field-hint">{t('encodingHint')}</div>
            </div>
          )}
          <div className="mapping-grid" role="group" aria-label={t('mapping')}>
            {preview.fields.map((f) => {
              const id = `map-${f.key}`;
              return (
                <div key={f.key} style={{ display: 'contents' }}>
                  <label htmlFor={id}>
                    {t(`field.${entity}.${f.key}`, { defaultValue: f.key })}
                    {f.required && <span className="required"> *</span>}
                    {f.hint && <span className="muted"> ({t(`hint.${f.hint}`, { defaultValue: f.hint })})</span>}
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
          {numericColumns.length > 0 && (
            <fieldset className="number-formats">
              <legend>{t('numbers')}</legend>
              {numericColumns.map(({ column, info }) => {
                const id = `${fileInputId}-decimal-${column}`;
                const header = preview.headers[column] || t('columnN', { n: column + 1 });
                return (
                  <div className="field" key={column}>
                    <label htmlFor={id}>{t('decimalOf', { column: header })}</label>
                    <select
                      id={id}
                      value={separators[String(column)] ?? ''}
                      onChange={(e) => {
                        const next = { ...separators };
                        if (e.target.value === ',' || e.target.value === '.') next[String(column)] = e.target.value;
                        else delete next[String(column)];
                        setSeparators(next);
                      }}
                    >
                      <option value="">{t('decimalAsk')}</option>
                      <option value=",">{t('decimalCommaOption')}</option>
                      <option value=".">{t('decimalPointOption')}</option>
                    </select>
                    <div className="field-hint">
                      {info!.decimal
                        ? t('detected')
                        : info!.conflicting
                          ? t('conflictingHint')
                          : info!.ambiguous.length > 0
                            ? t('ambiguousHint', { examples: info!.ambiguous.join(', ') })
                            : null}
                    </div>
                  </div>
                );
              })}
              {unanswered && <div className="muted">{t('ambiguousNote')}</div>}
            </fieldset>
          )}
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
          <div className={`notice ${hasErrors ? 'notice-error' : 'notice-success'}`} role={hasErrors ? 'alert' : 'status'}>
            {t('summary', {
              total: formatNumber(report.totalRows),
              creates: formatNumber(report.creates),
              updates: formatNumber(report.updates),
              unchanged: formatNumber(report.unchanged),
              refused: formatNumber(report.refusedRows),
            })}
            {hasErrors && <> {t('refusedNote')}</>}
          </div>
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
                      <td>{importErrorText(t, e)}</td>
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
          <ImportWarnings report={report} confirmed={confirmWarnings} onConfirm={setConfirmWarnings} />
          {report.rows.length > 0 && (
            <div className="preview-table">
              <table className="plain" aria-label={t('rowsPlan')}>
                <thead>
                  <tr>
                    <th className="num">{t('line')}</th>
                    <th>{t('key')}</th>
                    <th>{t('actionHeader')}</th>
                    <th>{t('changes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={r.line}>
                      <td className="num">{r.line}</td>
                      <td>{r.key}</td>
                      <td>{t(`action.${r.action}`)}</td>
                      <td style={{ whiteSpace: 'normal' }}>
                        {r.sensitive && <strong>{sensitiveText(t, r.sensitive)}</strong>}
                        {(r.changes ?? []).map((c) => (
                          <div key={c.field}>{changeText(t, c)}</div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {report.rows.length < report.validRows && <div className="muted">{t('moreRows')}</div>}
            </div>
          )}
          {report.updates > 0 && (
            <fieldset>
              <legend>{t('updatesChoice', { count: report.updates })}</legend>
              <label className="checkbox-row">
                <input type="radio" name="updates" checked={updates === 'skip'} onChange={() => setUpdates('skip')} />
                {t('addNewOnly')}
              </label>
              <label className="checkbox-row">
                <input type="radio" name="updates" checked={updates === 'apply'} onChange={() => setUpdates('apply')} />
                {t('addAndUpdate')}
              </label>
              {updates === null && <div className="muted">{t('chooseUpdates')}</div>}
            </fieldset>
          )}
          {updates === 'apply' && report.sensitiveUpdates > 0 && (
            <div className="notice notice-warn" role="group" aria-label={t('sensitiveTitle', { count: report.sensitiveUpdates })}>
              <strong>{t('sensitiveTitle', { count: report.sensitiveUpdates })}</strong>
              <ul>
                {sensitiveRows.map((r) => (
                  <li key={r.line}>
                    {t('line')} {r.line} · {r.key}: {sensitiveText(t, r.sensitive!)} —{' '}
                    {(r.changes ?? []).map((c) => changeText(t, c)).join('; ')}
                  </li>
                ))}
              </ul>
              <label className="checkbox-row">
                <input type="checkbox" checked={confirmSensitive} onChange={(e) => setConfirmSensitive(e.target.checked)} />
                {t('sensitiveConfirm', { count: report.sensitiveUpdates })}
              </label>
            </div>
          )}
          {!hasErrors && toWrite === 0 && !needsUpdateChoice && (
            <div className="notice notice-info" role="status">
              {t('nothingToImport')}
            </div>
          )}
          {confirmPartial && (
            <div className="notice notice-warn" role="alertdialog" aria-label={t('confirmPartialTitle')}>
              <p style={{ marginTop: 0 }}>{t('confirmPartial', { valid: toWrite, skipped: report.totalRows - toWrite })}</p>
              <button type="button" className="button button-primary" onClick={() => void commit('validOnly')} disabled={blocked}>
                {t('importRows', { count: toWrite })}
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
            unchanged: formatNumber(outcome.unchanged),
            skipped: formatNumber(outcome.skipped),
          })}
        </div>
      )}
    </Dialog>
  );
}
