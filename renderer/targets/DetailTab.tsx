import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '../../shared/contract/targets.js';
import { calendarMonth } from '../../shared/domain/months.js';
import { FilterSelect } from '../ui/Fields.js';
import { Card } from '../ui/Page.js';
import { formatNumber, monthName } from '../ui/format.js';
import { EditableNumber, TargetsReadOnly } from './EditableNumber.js';
import { useEditPreview } from './EditPreview.js';
import { useLockTargetCell } from './mutations.js';

/**
 * One distributor's targets by SKU and month: a typed cell, SKU total or month spreads through the
 * edit preview; a locked cell keeps its number when others move.
 */
export function DetailTab({
  view,
  planId,
  distributorId,
  onPick,
  onExport,
}: {
  view: TargetView;
  planId: number;
  distributorId: number | null;
  onPick(id: number): void;
  onExport(id: number): void;
}) {
  const { t } = useTranslation(['targets', 'common']);
  const preview = useEditPreview(planId);
  const lock = useLockTargetCell();
  const readOnly = useContext(TargetsReadOnly);
  const d = view.distributors.find((x) => x.distributorId === distributorId);
  return (
    <Card
      title={d ? t('sheetTitle', { name: d.name }) : t('chooseDistributor')}
      actions={
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
          <FilterSelect
            label={t('distributor')}
            value={String(distributorId ?? '')}
            onChange={(x) => onPick(Number(x))}
            options={view.distributors.map((x) => ({ value: x.distributorId, label: x.name }))}
            allLabel={t('choose', { ns: 'common' })}
          />
          {d && (
            <>
              <button type="button" className="button" onClick={() => onExport(d.distributorId)}>
                {t('exportSheet')}
              </button>
              <button type="button" className="button" onClick={() => window.print()}>
                {t('print')}
              </button>
            </>
          )}
        </div>
      }
      className="card-flush"
    >
      {!view.skus ? (
        <p className="muted" style={{ padding: 14 }}>
          {t('chooseDistributorText')}
        </p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className="plain target-grid" aria-label={t('skuGrid')}>
            <thead>
              <tr>
                <th>{t('sku')}</th>
                {view.plan.months.map((m) => (
                  <th key={m} className="num">
                    {monthName(calendarMonth(m))}
                  </th>
                ))}
                <th className="num">{t('total')}</th>
                <th className="num">{t('natural')}</th>
              </tr>
            </thead>
            <tbody>
              {view.skus.map((s) => {
                const total = s.months.reduce((a, m) => a + m.target, 0);
                const natural = s.months.reduce((a, m) => a + m.natural, 0);
                return (
                  <tr key={s.productId}>
                    <td>
                      <strong>{s.sku}</strong> <span className="muted">{s.name}</span>
                    </td>
                    {s.months.map((m) => (
                      <td key={m.month} className="num">
                        <div className={m.typed ? 'grid-cell typed' : 'grid-cell'} title={m.typed ? t('daywork:typed.cell') : undefined}>
                          <EditableNumber
                            value={m.target}
                            label={t('cellTarget', { sku: s.sku, month: m.month })}
                            disabled={m.locked}
                            onCommit={(value) =>
                              preview.request(
                                { level: 'cell', distributorId: distributorId!, productId: s.productId, month: m.month },
                                value,
                                `${s.sku} ${m.month}`,
                              )
                            }
                          />
                          <label className="lock" title={t('lockHint')}>
                            <input
                              type="checkbox"
                              checked={m.locked}
                              disabled={readOnly}
                              aria-label={t('lockCell', { sku: s.sku, month: m.month })}
                              onChange={(e) =>
                                void lock.mutateAsync({
                                  planId,
                                  distributorId: distributorId!,
                                  productId: s.productId,
                                  month: m.month,
                                  locked: e.target.checked,
                                })
                              }
                            />
                            <LockIcon />
                          </label>
                        </div>
                        <div className="muted small">{formatNumber(m.natural)}</div>
                      </td>
                    ))}
                    <td className="num">
                      <EditableNumber
                        value={total}
                        label={t('skuTarget', { sku: s.sku })}
                        onCommit={(value) =>
                          preview.request({ level: 'sku', distributorId: distributorId!, productId: s.productId }, value, s.sku)
                        }
                      />
                    </td>
                    <td className="num muted">{formatNumber(natural)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted" style={{ padding: '0 14px' }}>
            <span className="typed-legend" aria-hidden="true" />
            {t('daywork:typed.legend')} {t('gridHint')}
          </p>
          {preview.dialog}
        </div>
      )}
    </Card>
  );
}

function LockIcon() {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
      <rect x="1" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
      <path d="M3 5V3.5a2 2 0 0 1 4 0V5" stroke="currentColor" strokeWidth="1.3" fill="none" />
    </svg>
  );
}
