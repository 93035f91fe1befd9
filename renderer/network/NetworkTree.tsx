import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubDealer, Terminal } from '../../shared/contract/network.js';
import { useTerminalsOf } from './queries.js';
import { formatNumber } from '../ui/format.js';
import { OutletStatusBadge } from './StatusBadges.js';

function TerminalRows({ terminals }: { terminals: Terminal[] }) {
  const { t } = useTranslation('network');
  return (
    <ul className="tree children">
      {terminals.map((x) => (
        <li key={x.id} className="tree-row">
          <span className="muted">{x.code}</span>
          <span className="grow">{x.name}</span>
          <span className="muted">{t(`channel.${x.channel}`)}</span>
          {x.competitorBrand && <span className="muted">{t('competitorShort', { brand: x.competitorBrand })}</span>}
          <OutletStatusBadge status={x.status} />
        </li>
      ))}
    </ul>
  );
}

/** Loads a sub-dealer's terminals only when it is opened: a big distributor has thousands. */
function SubDealerBranch({ sub }: { sub: SubDealer }) {
  const { t } = useTranslation('network');
  const [open, setOpen] = useState(false);
  const terminals = useTerminalsOf(sub.id, open);
  return (
    <li>
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary aria-label={t('subDealerBranch', { name: sub.name, count: sub.terminalCount })}>
          <span className="muted">{sub.code}</span>
          <span className="grow">
            <strong>{sub.name}</strong>
          </span>
          {sub.competitorBrand && <span className="muted">{t('competitorShort', { brand: sub.competitorBrand })}</span>}
          <span className="muted">{t('terminalCount', { count: sub.terminalCount })}</span>
          <OutletStatusBadge status={sub.status} />
        </summary>
        {open &&
          (terminals.data ? (
            <TerminalRows terminals={terminals.data.rows} />
          ) : (
            <div className="muted children">{t('loading', { ns: 'common' })}</div>
          ))}
      </details>
    </li>
  );
}

export function NetworkTree({ subDealers, directTerminals }: { subDealers: SubDealer[]; directTerminals: Terminal[] }) {
  const { t } = useTranslation('network');
  if (subDealers.length === 0 && directTerminals.length === 0) return <p className="muted">{t('noOutlets')}</p>;
  return (
    <div>
      <h3 className="muted" style={{ fontSize: 12, margin: '0 0 4px' }}>
        {t('subDealers')} ({formatNumber(subDealers.length)})
      </h3>
      <ul className="tree" aria-label={t('subDealers')}>
        {subDealers.map((s) => (
          <SubDealerBranch key={s.id} sub={s} />
        ))}
      </ul>
      {directTerminals.length > 0 && (
        <>
          <h3 className="muted" style={{ fontSize: 12, margin: '14px 0 4px' }}>
            {t('directTerminals')} ({formatNumber(directTerminals.length)})
          </h3>
          <TerminalRows terminals={directTerminals} />
        </>
      )}
    </div>
  );
}
