import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../ui/Fields.js';
import { Card, Spinner } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { useTargetCompare } from './queries.js';

const COMPARE_BY = ['distributor', 'brand', 'sku'] as const;
const COMPARE_ROWS = 200;

/** This version against another of the plan, by distributor, brand or SKU, biggest differences first. */
export function CompareTab({ planId, plans }: { planId: number; plans: Array<{ id: number; name: string; regionName: string }> }) {
  const { t } = useTranslation('targets');
  const others = plans.filter((p) => p.id !== planId);
  const [other, setOther] = useState<number | null>(others[0]?.id ?? null);
  const [by, setBy] = useState<(typeof COMPARE_BY)[number]>('distributor');
  const diff = useTargetCompare(planId, other, by);
  const rows = diff.data ?? [];
  const total = rows.reduce((s, r) => ({ a: s.a + r.a, b: s.b + r.b }), { a: 0, b: 0 });
  const tone = (d: number) => (d === 0 ? undefined : d > 0 ? 'var(--green)' : 'var(--red)');
  return (
    <Card
      title={t('compareTitle')}
      actions={
        <>
          <FilterSelect
            label={t('compareBy')}
            value={by}
            onChange={(x) => setBy(x as (typeof COMPARE_BY)[number])}
            options={COMPARE_BY.map((k) => ({ value: k, label: t(`by.${k}`) }))}
          />
          <FilterSelect
            label={t('compareWith')}
            value={String(other ?? '')}
            onChange={(x) => setOther(Number(x))}
            options={others.map((p) => ({ value: p.id, label: `${p.name} · ${p.regionName}` }))}
            allLabel={t('choose', { ns: 'common' })}
          />
        </>
      }
    >
      {others.length === 0 ? (
        <p className="muted">{t('noOtherVersions')}</p>
      ) : other === null ? (
        <p className="muted">{t('chooseOtherVersion')}</p>
      ) : diff.isLoading ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : (
        <>
          <table className="plain" aria-label={t('compareTitle')}>
            <thead>
              <tr>
                <th>{t(`by.${by}`)}</th>
                <th className="num">{t('thisVersion')}</th>
                <th className="num">{t('otherVersion')}</th>
                <th className="num">{t('difference')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, COMPARE_ROWS).map((r) => (
                <tr key={r.key}>
                  <td>{r.name}</td>
                  <td className="num">{formatNumber(r.a)}</td>
                  <td className="num">{formatNumber(r.b)}</td>
                  <td className="num" style={{ color: tone(r.a - r.b) }}>
                    {formatNumber(r.a - r.b)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('total')}</th>
                <td className="num">{formatNumber(total.a)}</td>
                <td className="num">{formatNumber(total.b)}</td>
                <td className="num" style={{ color: tone(total.a - total.b) }}>
                  {formatNumber(total.a - total.b)}
                </td>
              </tr>
            </tfoot>
          </table>
          {rows.length > COMPARE_ROWS && <p className="muted">{t('compareBiggest', { shown: COMPARE_ROWS, total: rows.length })}</p>}
        </>
      )}
    </Card>
  );
}
