import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '../../shared/contract/targets.js';
import { Card } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { EditableNumber, TargetsReadOnly } from './EditableNumber.js';
import { pct, signed } from './growth.js';

/**
 * The plan by distributor: where the growth comes from (new outlets, mix, existing outlets) and the
 * bottom-up agreed number. With a brand chosen, the target and the agreed number are editable.
 */
export function DistributorsTab({
  view: v,
  brand,
  onOpen,
  onTarget,
  onAgreed,
  onExport,
}: {
  view: TargetView;
  brand: string;
  /** Opens the distributor's SKU-by-month grid. */
  onOpen(distributorId: number): void;
  onTarget(distributor: TargetView['distributors'][number], value: number): Promise<unknown>;
  onAgreed(distributorId: number, cases: number | null): Promise<unknown>;
  onExport(distributorId: number): void;
}) {
  const { t } = useTranslation(['targets', 'common', 'rules', 'daywork']);
  const readOnly = useContext(TargetsReadOnly);
  return (
    <Card className="card-flush">
      <div style={{ overflowX: 'auto' }}>
        <table className="plain wrap-heads" aria-label={t('byDistributor')}>
          <thead>
            <tr>
              <th>{t('distributor')}</th>
              <th>{t('salesperson')}</th>
              <th className="num">{t('natural')}</th>
              <th className="num">{t('target')}</th>
              <th className="num">{t('growth')}</th>
              <th className="num">{t('fromNewOutlets')}</th>
              <th className="num">{t('fromMix')}</th>
              <th className="num">{t('fromExisting')}</th>
              <th className="num">{t('newOutlets')}</th>
              <th className="num">{t('agreed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {v.distributors.map((d) => (
              <tr key={d.distributorId}>
                <td className="name">
                  <button type="button" className="link-button" onClick={() => onOpen(d.distributorId)}>
                    {d.name}
                  </button>
                  {d.locked > 0 && <span className="muted"> · {t('lockedCount', { count: d.locked })}</span>}
                  {(d.typed ?? 0) > 0 && <span className="muted"> · {t('daywork:typed.count', { count: d.typed })}</span>}
                </td>
                <td className="muted">{d.salespersonName ?? '–'}</td>
                <td className="num">{formatNumber(d.natural)}</td>
                <td className="num">
                  {brand ? (
                    <EditableNumber
                      value={d.target}
                      label={t('distributorTarget', { name: d.name })}
                      onCommit={(value) => onTarget(d, value)}
                    />
                  ) : (
                    formatNumber(d.target)
                  )}
                </td>
                <td className="num" style={{ color: d.growth >= 0 ? 'var(--green)' : 'var(--red)' }}>
                  {formatNumber(d.growth)} <span className="muted">{signed(pct(d.target, d.natural))}</span>
                </td>
                <td className="num">{formatNumber(d.fromNewOutlets)}</td>
                <td className="num">{formatNumber(d.fromMix)}</td>
                <td className="num">{formatNumber(d.fromExisting)}</td>
                <td className="num">{formatNumber(d.newOutlets)}</td>
                <td className="num">
                  {brand ? (
                    <EditableNumber
                      value={d.agreed}
                      label={t('agreedFor', { name: d.name })}
                      onCommit={(cases) => onAgreed(d.distributorId, cases)}
                      onClear={() => onAgreed(d.distributorId, null)}
                    />
                  ) : d.agreed === null ? (
                    '–'
                  ) : (
                    <span title={t('agreed.ofBrands', { ns: 'rules', agreed: d.agreedBrands, brands: d.brands })}>
                      {formatNumber(d.agreed)}{' '}
                      {d.agreedBrands < d.brands && (
                        <span className="muted small">
                          {t('agreed.ofBrands', { ns: 'rules', agreed: d.agreedBrands, brands: d.brands })}
                        </span>
                      )}
                    </span>
                  )}
                </td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onExport(d.distributorId)}
                    aria-label={t('sheetFor', { name: d.name })}
                  >
                    {t('sheet')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!brand && !readOnly && (
        <p className="muted" style={{ padding: '0 14px' }}>
          {t('chooseBrandToEdit')}
        </p>
      )}
    </Card>
  );
}
