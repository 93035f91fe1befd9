import { today } from '../../shared/domain/clock.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROSPECT_INDICATORS } from '../../shared/contract/accounts.js';
import { useCloseComplaint, useScoreProspect } from './mutations.js';
import { useAccountSkus, useComplaints, useProspectSummary, useProspects } from './queries.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { FilterSelect, SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { Badge, Card, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber, formatPercent } from '../ui/format.js';
import { SearchBox } from '../network/SearchBox.js';
import { ProspectWeights } from './ProspectWeights.js';
import { skuReasonText } from './skuReason.js';

export function ComplaintsTab() {
  const { t } = useTranslation(['accounts', 'common']);
  const toast = useToast();
  const [open, setOpen] = useState('open');
  const list = useComplaints(open === '' ? {} : { open: open === 'open' });
  const close = useCloseComplaint();
  const errors = useFormErrors();
  const [closing, setClosing] = useState<number | null>(null);
  const [resolution, setResolution] = useState('');
  const [closedOn, setClosedOn] = useState(today);
  return (
    <Card
      title={t('complaintLog')}
      actions={
        <FilterSelect
          label={t('show')}
          value={open}
          onChange={setOpen}
          options={[
            { value: 'open', label: t('openOnes') },
            { value: 'closed', label: t('closedOnes') },
          ]}
          allLabel={t('all', { ns: 'common' })}
        />
      }
      className="card-flush"
    >
      {!list.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : (
        <table className="plain" aria-label={t('complaintLog')}>
          <thead>
            <tr>
              <th>{t('openedOn')}</th>
              <th>{t('distributor')}</th>
              <th>{t('category')}</th>
              <th>{t('complaintText')}</th>
              <th>{t('owner')}</th>
              <th className="num">{t('days')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>{formatDate(c.openedOn)}</td>
                <td>{c.distributorName}</td>
                <td>{t(`categories.${c.category}`)}</td>
                <td style={{ whiteSpace: 'normal' }}>{c.description}</td>
                <td>{c.ownerName ?? '–'}</td>
                <td className="num">
                  {c.closedOn ? c.daysOpen : <strong style={{ color: c.daysOpen > 14 ? 'var(--red)' : undefined }}>{c.daysOpen}</strong>}
                </td>
                <td className="num">
                  {!c.closedOn && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setClosing(c.id)}
                      aria-label={t('closeComplaintOf', { name: c.distributorName })}
                    >
                      {t('closeComplaint')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {closing !== null && (
        <Dialog
          title={t('closeComplaint')}
          onClose={() => setClosing(null)}
          footer={
            <DialogButtons
              onCancel={() => setClosing(null)}
              onSubmit={async () => {
                errors.clear();
                try {
                  await close.mutateAsync({ id: closing, closedOn, resolution });
                  toast({ tone: 'success', text: t('complaintClosed') });
                  setClosing(null);
                  setResolution('');
                } catch (e) {
                  errors.fromError(e);
                }
              }}
              label={t('closeComplaint')}
              busy={close.isPending}
            />
          }
        >
          <TextField
            label={t('closedOn')}
            type="date"
            value={closedOn}
            onChange={(e) => setClosedOn(e.target.value)}
            error={errors.errorFor('closedOn')}
          />
          <TextArea
            label={t('resolution')}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            error={errors.errorFor('resolution')}
          />
          {errors.formError && <div className="notice notice-error">{errors.formError}</div>}
        </Dialog>
      )}
    </Card>
  );
}

export function SkuTab() {
  const { t } = useTranslation(['accounts', 'common']);
  const skus = useAccountSkus();
  return (
    <Card title={t('regionSkus')} className="card-flush">
      {!skus.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : (
        <table className="plain" aria-label={t('regionSkus')}>
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t('sku')}</th>
              <th className="num">{t('volume12')}</th>
              <th className="num">{t('share')}</th>
              <th className="num">{t('growth')}</th>
              <th>{t('advice')}</th>
              <th>{t('why')}</th>
            </tr>
          </thead>
          <tbody>
            {skus.data.map((s) => (
              <tr key={s.productId}>
                <td className="num">{s.rank}</td>
                <td>
                  <strong>{s.sku}</strong> <span className="muted">{s.name}</span>
                </td>
                <td className="num">{formatNumber(s.last12)}</td>
                <td className="num">{formatPercent(s.contribution)}</td>
                <td className="num">{s.growth === null ? '–' : formatPercent(s.growth)}</td>
                <td>
                  <Badge tone={s.advice === 'push' ? 'green' : s.advice === 'keep' ? 'blue' : s.advice === 'weaken' ? 'amber' : 'red'}>
                    {t(`adviceValue.${s.advice}`)}
                  </Badge>
                </td>
                <td className="muted">{skuReasonText(t, s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function ProspectsTab() {
  const { t } = useTranslation(['accounts', 'common']);
  const toast = useToast();
  const [search, setSearch] = useState('');
  const list = useProspects(search ? { search } : {});
  const summary = useProspectSummary().data;
  const score = useScoreProspect();
  const [editing, setEditing] = useState<{
    outletType: 'sub_dealer' | 'terminal';
    outletId: number;
    name: string;
    ratings: Record<string, number> | null;
    intention: 'high' | 'low' | null;
  } | null>(null);
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [intention, setIntention] = useState<'high' | 'low'>('high');
  const errors = useFormErrors();
  return (
    <Card
      title={t('prospectsTitle')}
      actions={<SearchBox label={t('searchProspects')} value={search} onChange={setSearch} />}
      className="card-flush"
    >
      <ProspectWeights />
      {summary && (
        <table className="plain" aria-label={t('prospectSummary.title', { ns: 'rules' })}>
          <thead>
            <tr>
              <th>{t('class')}</th>
              <th className="num">{t('prospectSummary.count', { ns: 'rules' })}</th>
              <th className="num">{t('prospectSummary.meanScore', { ns: 'rules' })}</th>
            </tr>
          </thead>
          <tbody>
            {summary.classes.map((c) => (
              <tr key={c.class}>
                <td>{`${c.class} · ${t(`prospectClass.${c.class}`)}`}</td>
                <td className="num">{c.count}</td>
                <td className="num">{c.meanScore ?? '–'}</td>
              </tr>
            ))}
            <tr>
              <td>{t('notScored')}</td>
              <td className="num">{summary.unscored}</td>
              <td className="num">–</td>
            </tr>
          </tbody>
        </table>
      )}
      {!list.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : (
        <table className="plain" aria-label={t('prospectsTitle')}>
          <thead>
            <tr>
              <th>{t('outlet')}</th>
              <th>{t('distributor')}</th>
              <th>{t('competitor')}</th>
              <th className="num">{t('score')}</th>
              <th>{t('class')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.slice(0, 150).map((p) => (
              <tr key={`${p.outletType}-${p.outletId}`}>
                <td>
                  {p.name} <span className="muted">{t(`outletType.${p.outletType}`)}</span>
                </td>
                <td>{p.distributorName}</td>
                <td>{p.competitorBrand ?? '–'}</td>
                <td className="num">{p.score ?? '–'}</td>
                <td>
                  {p.class ? (
                    <Badge
                      tone={p.class === 'PI' ? 'green' : p.class === 'PII' ? 'blue' : p.class === 'PIII' ? 'amber' : 'grey'}
                    >{`${p.class} · ${t(`prospectClass.${p.class}`)}`}</Badge>
                  ) : (
                    <span className="muted">{t('notScored')}</span>
                  )}
                </td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('scoreOutlet', { name: p.name })}
                    onClick={() => {
                      setEditing(p);
                      setRatings(p.ratings ?? Object.fromEntries(PROSPECT_INDICATORS.map((k) => [k, 3])));
                      setIntention(p.intention ?? 'high');
                    }}
                  >
                    {t('scoreAction')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <Dialog
          title={t('scoreTitle', { name: editing.name })}
          onClose={() => setEditing(null)}
          footer={
            <DialogButtons
              onCancel={() => setEditing(null)}
              onSubmit={async () => {
                errors.clear();
                try {
                  const r = await score.mutateAsync({
                    outletType: editing.outletType,
                    outletId: editing.outletId,
                    ratings: ratings as never,
                    intention,
                  });
                  toast({ tone: 'success', text: t('scored', { score: r.score, cls: r.class }) });
                  setEditing(null);
                } catch (e) {
                  errors.fromError(e);
                }
              }}
              label={t('save', { ns: 'common' })}
              busy={score.isPending}
            />
          }
        >
          <div className="form-grid">
            {PROSPECT_INDICATORS.map((k) => (
              <SelectField
                key={k}
                label={t(`indicator.${k}`)}
                options={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }))}
                value={ratings[k] ?? 3}
                onChange={(e) => setRatings({ ...ratings, [k]: Number(e.target.value) })}
              />
            ))}
            <SelectField
              label={t('intention')}
              options={[
                { value: 'high', label: t('intentionHigh') },
                { value: 'low', label: t('intentionLow') },
              ]}
              value={intention}
              onChange={(e) => setIntention(e.target.value as 'high')}
            />
          </div>
          {errors.formError && <div className="notice notice-error">{errors.formError}</div>}
        </Dialog>
      )}
    </Card>
  );
}
