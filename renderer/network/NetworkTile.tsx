import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNetworkSummary } from './queries.js';
import { Card } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';

/** Network counts by area and status. */
export function NetworkTile() {
  const { t } = useTranslation(['network', 'common']);
  const summary = useNetworkSummary();
  const rows = summary.data?.byArea ?? [];
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <Card title={t('networkByArea')} actions={<Link to="/network/distributors">{t('openNetwork')}</Link>} className="span-all">
      <table className="plain" aria-label={t('networkByArea')}>
        <thead>
          <tr>
            <th>{t('field.area')}</th>
            <th>{t('field.region')}</th>
            <th className="num">{t('distributors')}</th>
            <th className="num">{t('subDealersActive')}</th>
            <th className="num">{t('subDealersProspect')}</th>
            <th className="num">{t('terminalsActive')}</th>
            <th className="num">{t('terminalsProspect')}</th>
            <th className="num">{t('terminalsLost')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.areaId}>
              <td>{r.areaName}</td>
              <td className="muted">{r.regionName}</td>
              <td className="num">{formatNumber(r.distributors)}</td>
              <td className="num">{formatNumber(r.subDealers.active)}</td>
              <td className="num">{formatNumber(r.subDealers.prospect)}</td>
              <td className="num">{formatNumber(r.terminals.active)}</td>
              <td className="num">{formatNumber(r.terminals.prospect)}</td>
              <td className="num">{formatNumber(r.terminals.lost)}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr>
              <td colSpan={2}>{t('total', { ns: 'common' })}</td>
              <td className="num">{formatNumber(sum((r) => r.distributors))}</td>
              <td className="num">{formatNumber(sum((r) => r.subDealers.active))}</td>
              <td className="num">{formatNumber(sum((r) => r.subDealers.prospect))}</td>
              <td className="num">{formatNumber(sum((r) => r.terminals.active))}</td>
              <td className="num">{formatNumber(sum((r) => r.terminals.prospect))}</td>
              <td className="num">{formatNumber(sum((r) => r.terminals.lost))}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </Card>
  );
}
