import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../shared/contract/index.js';
import type { TargetEditPreview } from '../../shared/contract/targetEdits.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { Spinner } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { useEditTarget } from './mutations.js';
import { previewTargetEdit } from './queries.js';
import './typed.css';

type At = MethodInput<'targets.edit'>['at'];

interface Pending {
  at: At;
  value: number;
  label: string;
  preview: TargetEditPreview | null;
  error: string | null;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * A typed target goes through a preview first: the dialog says which other months, SKUs or
 * distributors will give or take the difference (and that locked ones stay) before anything moves.
 * Cancel leaves every number as it was.
 */
export function useEditPreview(
  planId: number,
  /** How the edit is saved: through a confirmation of large jumps, for instance; at once by default. */
  apply: (run: (confirm: boolean) => Promise<unknown>) => Promise<unknown> = (run) => run(false),
): { request(at: At, value: number, label: string): Promise<void>; dialog: ReactNode } {
  const { t } = useTranslation(['daywork', 'common']);
  const edit = useEditTarget();
  const [pending, setPending] = useState<Pending | null>(null);
  const request = (at: At, value: number, label: string) =>
    new Promise<void>((resolve, reject) => {
      setPending({ at, value, label, preview: null, error: null, resolve, reject });
      previewTargetEdit({ planId, at, value })
        .then((preview) => setPending((p) => p && { ...p, preview }))
        .catch((e: Error) => setPending((p) => p && { ...p, error: e.message }));
    });
  const close = () => {
    pending?.reject(new Error('cancelled'));
    setPending(null);
  };
  const p = pending?.preview;
  const dialog = pending && (
    <Dialog
      title={t('preview.title')}
      onClose={close}
      footer={
        <DialogButtons
          onCancel={close}
          onSubmit={async () => {
            try {
              await apply((confirm) => edit.mutateAsync({ planId, at: pending.at, value: pending.value, confirm }));
              pending.resolve();
              setPending(null);
            } catch (e) {
              setPending({ ...pending, error: (e as Error).message });
            }
          }}
          label={t('preview.apply')}
          disabled={!p?.ok}
          busy={edit.isPending}
        />
      }
    >
      <p className="confirm-message">
        {t('preview.change', { label: pending.label, before: formatNumber(p?.before ?? null), after: formatNumber(pending.value) })}
      </p>
      {pending.error && (
        <div className="notice notice-error" role="alert">
          {pending.error}
        </div>
      )}
      {!p && !pending.error ? (
        <Spinner label={t('common:loading')} />
      ) : p && !p.ok ? (
        <div className="notice notice-error" role="alert">
          {t('preview.refused', {
            reason: p.rule ? t(`rules:refusal.${p.rule.code}`, { ...p.rule.params, defaultValue: p.message }) : p.message,
          })}
        </div>
      ) : p ? (
        <>
          {p.moved.length === 0 ? (
            <p className="muted">{t('preview.nothingElse')}</p>
          ) : (
            <table className="plain compact" aria-label={t('preview.table')}>
              <caption className="preview-caption">{t('preview.moves', { count: p.cellsMoved })}</caption>
              <thead>
                <tr>
                  <th>{t('preview.part')}</th>
                  <th className="num">{t('preview.now')}</th>
                  <th className="num">{t('preview.after')}</th>
                  <th className="num">{t('preview.diff')}</th>
                </tr>
              </thead>
              <tbody>
                {p.moved.slice(0, 12).map((m) => (
                  <tr key={m.key}>
                    <td>{m.label}</td>
                    <td className="num">{formatNumber(m.before)}</td>
                    <td className="num">{formatNumber(m.after)}</td>
                    <td className="num">{`${m.after > m.before ? '+' : ''}${formatNumber(m.after - m.before)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.moved.length > 12 && <p className="muted small">{t('preview.more', { count: p.moved.length - 12 })}</p>}
          <p className="muted small">{t('preview.kept', { count: p.lockedKept })}</p>
        </>
      ) : null}
    </Dialog>
  );
  return { request, dialog };
}
