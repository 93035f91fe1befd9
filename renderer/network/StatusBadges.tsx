import { useTranslation } from 'react-i18next';
import type { DistributorStatus, OutletStatus } from '../../shared/domain/network.js';
import { Badge, type Tone } from '../ui/Page.js';

const OUTLET_TONE: Record<OutletStatus, Tone> = { active: 'green', prospect: 'blue', lost: 'red' };
const DISTRIBUTOR_TONE: Record<DistributorStatus, Tone> = { active: 'green', on_hold: 'amber', ended: 'grey' };

export function OutletStatusBadge({ status }: { status: OutletStatus }) {
  const { t } = useTranslation('network');
  return <Badge tone={OUTLET_TONE[status]}>{t(`outletStatus.${status}`)}</Badge>;
}

export function DistributorStatusBadge({ status }: { status: DistributorStatus }) {
  const { t } = useTranslation('network');
  return <Badge tone={DISTRIBUTOR_TONE[status]}>{t(`distributorStatus.${status}`)}</Badge>;
}

export function RelationshipLevel({ level }: { level: 1 | 2 | 3 }) {
  const { t } = useTranslation('network');
  return (
    <span title={t(`relationship.${level}`)} aria-label={t(`relationship.${level}`)}>
      {'●'.repeat(level)}
      <span className="muted">{'●'.repeat(3 - level)}</span>
    </span>
  );
}
