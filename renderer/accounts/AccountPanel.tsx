import { today } from '../../shared/domain/clock.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_CATEGORIES } from '../../shared/contract/accounts.js';
import { useCreateComplaint, useSetAccountProfile } from './mutations.js';
import { useAccountDetail } from './queries.js';
import { SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { skuReasonText } from './skuReason.js';
import { Badge, Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber, formatPercent } from '../ui/format.js';
import { SEGMENT_TONE } from './AccountsPage.js';

/** One account: where it stands, why it may be slipping (with the evidence), its complaints and range. */
export function AccountPanel({ distributorId, onClose }: { distributorId: number; onClose(): void }) {
  const { t } = useTranslation(['accounts', 'common']);
  const toast = useToast();
  const detail = useAccountDetail(distributorId);
  const create = useCreateComplaint();
  const profile = useSetAccountProfile();
  const errors = useFormErrors();
  const [category, setCategory] = useState<(typeof COMPLAINT_CATEGORIES)[number]>('logistics');
  const [description, setDescription] = useState('');
  const [openedOn, setOpenedOn] = useState(today);
  const d = detail.data;
  if (!d) return detail.error ? <ErrorNotice error={detail.error} /> : <Spinner label={t('loading', { ns: 'common' })} />;
  return (
    <section className="grid-2" aria-label={t('accountPanel', { name: d.row.name })}>
      <Card
        title={d.row.name}
        actions={
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('close', { ns: 'common' })}>
            ×
          </button>
        }
      >
        <p style={{ marginTop: 0 }}>
          <Badge tone={SEGMENT_TONE[d.row.segment]!}>{d.row.segment}</Badge> {t(`segment.${d.row.segment}`)}
          {d.row.previousSegment && d.row.previousSegment !== d.row.segment && (
            <span className="muted"> · {t('movedFrom', { from: d.row.previousSegment })}</span>
          )}
        </p>
        <p>
          <strong>{t('strategy')}:</strong> {t(`strategyText.${d.row.segment}`)} {t('visitEvery', { days: d.strategy.visitEveryDays })}
        </p>
        {d.row.wavers.length > 0 && (
          <>
            <h3 className="h3">{t('wavers.title', { ns: 'rules', stability: formatNumber(d.row.stability, 2) })}</h3>
            <ul className="reasons" aria-label={t('wavers.title', { ns: 'rules', stability: formatNumber(d.row.stability, 2) })}>
              {d.row.wavers.map((w) => (
                <li key={w.code}>{t(`wavers.${w.code}`, { ns: 'rules', value: Math.abs(w.value) })}</li>
              ))}
            </ul>
          </>
        )}
        <h3 className="h3">{t('reasonsTitle', { score: d.row.risk })}</h3>
        {d.reasons.length === 0 ? (
          <p className="muted">{t('noReasons')}</p>
        ) : (
          <ul className="reasons" aria-label={t('reasonsList')}>
            {d.reasons.map((r) => (
              <li key={r.code}>
                <strong>{t(`reason.${r.code}`)}</strong> <span className="muted">+{r.weight}</span>
                <div>{t(`reasonText.${r.code}`, { ...r.evidence, drop: dropPercent(r.evidence) })}</div>
                <div className="muted small">
                  {t('evidence')}:{' '}
                  {Object.entries(r.evidence)
                    .map(([k, v]) => `${t(`evidenceKey.${k}`, { defaultValue: k })} ${v}`)
                    .join(' · ')}
                </div>
              </li>
            ))}
          </ul>
        )}
        <dl className="kv" style={{ marginTop: 12 }}>
          <dt>{t('contacts')}</dt>
          <dd>{d.contacts}</dd>
          <dt>{t('relationship')}</dt>
          <dd>{d.relationshipLevel}</dd>
          <dt>{t('customerShare')}</dt>
          <dd>{d.customerShare === null ? t('unknownTotal') : formatPercent(d.customerShare)}</dd>
        </dl>
        <div className="form-grid" style={{ marginTop: 10 }}>
          <SelectField
            label={t('fit')}
            options={(['safe', 'watch', 'alarm'] as const).map((f) => ({ value: f, label: t(`fitValue.${f}`) }))}
            placeholder={t('notAssessed')}
            value={d.fit ?? ''}
            onChange={(e) =>
              void profile.run({
                distributorId,
                fit: (e.target.value || null) as 'safe' | null,
                totalPurchasesCases: d.totalPurchases,
              })
            }
          />
          <TextField
            label={t('totalPurchases')}
            type="number"
            defaultValue={d.totalPurchases ?? ''}
            onBlur={(e) =>
              void profile.run({ distributorId, fit: d.fit, totalPurchasesCases: e.target.value === '' ? null : Number(e.target.value) })
            }
          />
        </div>
      </Card>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
        <Card title={t('complaints')}>
          {d.complaints.length === 0 ? (
            <p className="muted">{t('noComplaints')}</p>
          ) : (
            <table className="plain" aria-label={t('complaintsOf', { name: d.row.name })}>
              <tbody>
                {d.complaints.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDate(c.openedOn)}</td>
                    <td>{t(`categories.${c.category}`)}</td>
                    <td>{c.description}</td>
                    <td className="num">
                      {c.closedOn ? (
                        <Badge tone="green">{t('closedAfter', { days: c.daysOpen })}</Badge>
                      ) : (
                        <Badge tone={c.daysOpen > 14 ? 'red' : 'amber'}>{t('openFor', { days: c.daysOpen })}</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form
            className="form-grid"
            style={{ marginTop: 10 }}
            onSubmit={async (e) => {
              e.preventDefault();
              errors.clear();
              try {
                await create.mutateAsync({ distributorId, category, openedOn, description });
                setDescription('');
                toast({ tone: 'success', text: t('complaintLogged') });
              } catch (error) {
                errors.fromError(error);
              }
            }}
          >
            <SelectField
              label={t('category')}
              options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
              value={category}
              onChange={(e) => setCategory(e.target.value as typeof category)}
            />
            <TextField
              label={t('openedOn')}
              type="date"
              value={openedOn}
              onChange={(e) => setOpenedOn(e.target.value)}
              error={errors.errorFor('openedOn')}
            />
            <TextArea
              label={t('complaintText')}
              className="span-2"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              error={errors.errorFor('description')}
            />
            <div className="span-2">
              <button type="submit" className="button button-primary" disabled={create.isPending}>
                {t('logComplaint')}
              </button>
            </div>
          </form>
        </Card>
        <Card title={t('skuTitle')} className="card-flush">
          <table className="plain" aria-label={t('skuTitle')}>
            <thead>
              <tr>
                <th>{t('sku')}</th>
                <th className="num">{t('volume12')}</th>
                <th className="num">{t('share')}</th>
                <th className="num">{t('growth')}</th>
                <th>{t('advice')}</th>
              </tr>
            </thead>
            <tbody>
              {d.skus.slice(0, 25).map((s) => (
                <tr key={s.productId} title={skuReasonText(t, s)}>
                  <td>{s.sku}</td>
                  <td className="num">{formatNumber(s.last12)}</td>
                  <td className="num">{formatPercent(s.contribution)}</td>
                  <td className="num">{s.growth === null ? '–' : formatPercent(s.growth)}</td>
                  <td>
                    <Badge tone={s.advice === 'push' ? 'green' : s.advice === 'keep' ? 'blue' : s.advice === 'weaken' ? 'amber' : 'red'}>
                      {t(`adviceValue.${s.advice}`)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </section>
  );
}

/** How far the last three months fell against the same months a year before, from the reason's evidence. */
function dropPercent(evidence: Record<string, number | string>): number | undefined {
  const recent = Number(evidence.lastThreeMonths);
  const lastYear = Number(evidence.sameMonthsLastYear);
  return lastYear > 0 ? Math.round((1 - recent / lastYear) * 100) : undefined;
}
