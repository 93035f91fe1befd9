import { useTranslation } from 'react-i18next';
import type { TargetView } from '../../shared/contract/targets.js';
import { calendarMonth } from '../../shared/domain/months.js';
import { Card } from '../ui/Page.js';
import { formatNumber, monthName } from '../ui/format.js';
import { EditableNumber } from './EditableNumber.js';
import { pct, signed } from './growth.js';

/**
 * The plan at a glance above the tabs: its target against the natural volume and the agreed
 * bottom-up total, then the target by brand line, editable in place.
 */
export function PlanSummary({
  view: v,
  onLineTarget,
}: {
  view: TargetView;
  onLineTarget(line: TargetView['lines'][number], value: number): Promise<unknown>;
}) {
  const { t } = useTranslation(['targets', 'common']);
  return (
    <>
      <div className="grid-4">
        <Stat
          label={t('target')}
          value={`${formatNumber(v.plan.target)}`}
          note={t('peakMonths', { months: v.plan.months.map((m) => monthName(calendarMonth(m))).join(', ') })}
        />
        <Stat label={t('natural')} value={formatNumber(v.plan.natural)} note={t(`basisNote.${v.plan.basis}`)} />
        <Stat
          label={t('growthNeeded')}
          value={formatNumber(v.plan.target - v.plan.natural)}
          note={signed(pct(v.plan.target, v.plan.natural))}
        />
        {v.agreedTotal === null ? (
          <Stat label={t('bottomUp')} value="–" note={t('agreed.none', { ns: 'rules' })} />
        ) : (
          <Stat
            label={t('bottomUp')}
            value={formatNumber(v.agreedTotal)}
            note={t('agreed.vsSame', {
              ns: 'rules',
              target: formatNumber(v.agreedTarget),
              diff: signed(pct(v.agreedTotal, v.agreedTarget)),
              agreed: v.agreedPairs,
              pairs: v.pairs,
            })}
          />
        )}
      </div>
      <Card title={t('lines')}>
        <table className="plain" aria-label={t('lines')}>
          <thead>
            <tr>
              <th>{t('brand')}</th>
              <th className="num">{t('natural')}</th>
              <th className="num">{t('target')}</th>
              <th className="num">{t('growth')}</th>
            </tr>
          </thead>
          <tbody>
            {v.lines.map((l) => (
              <tr key={l.label}>
                <td>{l.label}</td>
                <td className="num">{formatNumber(l.natural)}</td>
                <td className="num">
                  <EditableNumber
                    value={l.target}
                    label={t('lineTarget', { line: l.label })}
                    onCommit={(value) => onLineTarget(l, value)}
                  />
                </td>
                <td className="num">{signed(pct(l.target, l.natural))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card>
      <div className="stat" role="group" aria-label={label}>
        <span className="stat-label">{label}</span>
        <span className="stat-value">{value}</span>
        {note && <span className="stat-note">{note}</span>}
      </div>
    </Card>
  );
}
