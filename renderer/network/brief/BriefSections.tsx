import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BriefMixRow, DistributorBrief } from '../../../shared/contract/brief.js';
import { reasonWords } from '../../readiness/reason.js';
import { Badge, type Tone } from '../../ui/Page.js';
import { formatDate, formatNumber, formatPercent } from '../../ui/format.js';
import { BriefTable } from './BriefTable.js';
import { VolumeChart } from './VolumeChart.js';

const SEGMENT_TONE: Record<string, Tone> = { EI: 'green', EII: 'red', EIII: 'blue', EIV: 'grey' };

/** One section of the brief: a titled block whose header links to the screen where the work is done. */
export function BriefSection({
  title,
  to,
  linkLabel,
  children,
  className,
}: {
  title: string;
  /** Where the work is done; no link when the person cannot open that screen. */
  to?: string | undefined;
  linkLabel: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`card brief-section${className ? ` ${className}` : ''}`} aria-label={title}>
      <header className="card-header">
        <h2>{title}</h2>
        {to && (
          <Link to={to} className="brief-link no-print">
            {linkLabel} →
          </Link>
        )}
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}

const change = (now: number, before: number) => (before > 0 ? now / before - 1 : null);

function Delta({ now, before }: { now: number; before: number }) {
  const c = change(now, before);
  if (c === null) return <span className="muted">–</span>;
  return <span className={c < -0.05 ? 'delta-down' : c > 0.05 ? 'delta-up' : 'muted'}>{`${c > 0 ? '+' : ''}${formatPercent(c, 0)}`}</span>;
}

export function KeyFigures({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation('brief');
  const b = brief;
  const achieved = b.targets && b.targets.actual !== null && b.targets.target > 0 ? b.targets.actual / b.targets.target : null;
  const oldest = b.account?.openComplaints.reduce((m, c) => Math.max(m, c.daysOpen), 0) ?? 0;
  const outlets = b.outlets;
  return (
    <div className="brief-kpis" role="group" aria-label={t('kpi.label')}>
      <div className="stat">
        <span className="stat-label">{t('kpi.last12')}</span>
        <span className="stat-value">{formatNumber(b.volume.last12)}</span>
        <span className="stat-note">
          <Delta now={b.volume.last12} before={b.volume.previous12} /> {t('kpi.vsPrevious')}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('kpi.target')}</span>
        <span className="stat-value">{b.targets ? formatNumber(b.targets.target) : '–'}</span>
        <span className="stat-note">
          {b.targets
            ? achieved === null
              ? t('kpi.seasonAhead')
              : t('kpi.achieved', { pct: formatPercent(achieved, 0) })
            : t('targets.none')}
        </span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('kpi.segment')}</span>
        <span className="stat-value">
          {b.account ? <Badge tone={SEGMENT_TONE[b.account.row.segment]!}>{b.account.row.segment}</Badge> : '–'}
        </span>
        <span className="stat-note">{b.account ? t('kpi.risk', { score: b.account.row.risk }) : t('account.none')}</span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('kpi.readiness')}</span>
        <span className="stat-value">
          {b.readiness ? (
            <>
              <span className="tone-red">{b.readiness.counts.red}</span> / <span className="tone-amber">{b.readiness.counts.amber}</span> /{' '}
              <span className="tone-green">{b.readiness.counts.green}</span>
            </>
          ) : (
            '–'
          )}
        </span>
        <span className="stat-note">{t('kpi.readinessNote')}</span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('kpi.complaints')}</span>
        <span className="stat-value">{b.account?.openComplaints.length ?? 0}</span>
        <span className="stat-note">{oldest > 0 ? t('kpi.oldest', { days: oldest }) : t('kpi.noneOpen')}</span>
      </div>
      <div className="stat">
        <span className="stat-label">{t('kpi.outlets')}</span>
        <span className="stat-value">{formatNumber(outlets.subDealers.active + outlets.terminals.active)}</span>
        <span className="stat-note">
          {t('kpi.outletsNote', {
            sub: formatNumber(outlets.subDealers.active),
            term: formatNumber(outlets.terminals.active),
            pipeline: outlets.pipeline.prospect + outlets.pipeline.contacted + outlets.pipeline.negotiating,
          })}
        </span>
      </div>
    </div>
  );
}

export function VolumeSection({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation('brief');
  const { months, peakMonths } = brief.volume;
  return (
    <BriefSection title={t('volume.title')} to="/forecast" linkLabel={t('link.forecast')} className="brief-wide">
      {months.length === 0 ? <p className="muted">{t('volume.none')}</p> : <VolumeChart months={months} peakMonths={peakMonths} />}
      <p className="muted small brief-note">{t('volume.note')}</p>
    </BriefSection>
  );
}

function MixTable({ rows, label, head, limit }: { rows: BriefMixRow[]; label: string; head: string; limit: number }) {
  const { t } = useTranslation('brief');
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit);
  return (
    <BriefTable
      label={label}
      rows={shown}
      rowKey={(r) => r.key}
      columns={[
        { header: head, className: 'ellipsis', cell: (r) => r.label },
        { header: t('mix.cases12'), className: 'num', cell: (r) => formatNumber(r.last12) },
        { header: t('mix.share'), className: 'num', cell: (r) => formatPercent(r.share, 0) },
        { header: t('mix.vsLastYear'), className: 'num', cell: (r) => <Delta now={r.last12} before={r.previous12} /> },
      ]}
      after={
        rest.length > 0 && (
          <tr className="muted">
            <td>{t('mix.others', { count: rest.length })}</td>
            <td className="num">{formatNumber(rest.reduce((s, r) => s + r.last12, 0))}</td>
            <td className="num">
              {formatPercent(
                rest.reduce((s, r) => s + r.share, 0),
                0,
              )}
            </td>
            <td />
          </tr>
        )
      }
    />
  );
}

export function MixSection({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation('brief');
  return (
    <BriefSection title={t('mix.title')} to="/accounts" linkLabel={t('link.accounts')}>
      {brief.brands.length === 0 ? (
        <p className="muted">{t('mix.none')}</p>
      ) : (
        <>
          <MixTable rows={brief.brands} label={t('mix.byBrand')} head={t('mix.brand')} limit={4} />
          <MixTable rows={brief.skus} label={t('mix.bySku')} head={t('mix.sku')} limit={5} />
        </>
      )}
    </BriefSection>
  );
}

export function TargetsSection({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation('brief');
  const tg = brief.targets;
  // the total agreed is the agreed brands' only, and its gap is against their targets: a brand not
  // agreed yet is not a zero
  const agreedRows = tg ? tg.agreed.filter((a) => a.agreed !== null) : [];
  const agreedSum = agreedRows.reduce((s, a) => s + a.agreed!, 0);
  const agreedTarget = agreedRows.reduce((s, a) => s + a.target, 0);
  return (
    <BriefSection title={t('targets.title')} to="/targets" linkLabel={t('link.targets')}>
      {!tg ? (
        <p className="muted">{t('targets.none')}</p>
      ) : (
        <>
          <p className="brief-line">
            <strong>{tg.plan.name}</strong> · {tg.plan.seasonYear} ·{' '}
            <Badge tone={tg.plan.status === 'agreed' ? 'green' : 'grey'}>{t(`targets.status.${tg.plan.status}`)}</Badge>
            {tg.newOutlets !== null && <> · {t('targets.newOutlets', { count: tg.newOutlets })}</>}
          </p>
          <BriefTable
            label={t('targets.byBrand')}
            rows={tg.agreed}
            rowKey={(a) => a.brand}
            columns={[
              { header: t('mix.brand'), cell: (a) => a.brand },
              { header: t('targets.target'), className: 'num', cell: (a) => formatNumber(a.target) },
              {
                header: t('targets.agreed'),
                className: 'num',
                cell: (a) => (a.agreed === null ? <span className="muted">{t('targets.notAgreed')}</span> : formatNumber(a.agreed)),
              },
              { header: t('targets.gap'), className: 'num', cell: (a) => (a.agreed === null ? '' : formatNumber(a.agreed - a.target)) },
            ]}
            foot={
              <tr>
                <td>{t('total')}</td>
                <td className="num">{formatNumber(tg.target)}</td>
                <td className="num">
                  {agreedRows.length === 0 ? (
                    <span className="muted">{t('targets.notAgreed')}</span>
                  ) : (
                    <>
                      {formatNumber(agreedSum)}
                      {agreedRows.length < tg.agreed.length && (
                        <div className="muted">
                          {t('agreed.ofBrands', { ns: 'rules', agreed: agreedRows.length, brands: tg.agreed.length })}
                        </div>
                      )}
                    </>
                  )}
                </td>
                <td className="num">{agreedRows.length === 0 ? '' : formatNumber(agreedSum - agreedTarget)}</td>
              </tr>
            }
          />
          <table className="plain compact brief-months" aria-label={t('targets.byMonth')}>
            <thead>
              <tr>
                <th>{t('targets.month')}</th>
                {tg.months.map((m) => (
                  <th key={m.month} className="num">
                    {m.month}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{t('targets.target')}</td>
                {tg.months.map((m) => (
                  <td key={m.month} className="num">
                    {formatNumber(m.target)}
                  </td>
                ))}
              </tr>
              <tr>
                <td>{t('targets.actual')}</td>
                {tg.months.map((m) => (
                  <td key={m.month} className="num">
                    {m.actual === null ? '–' : formatNumber(m.actual)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </BriefSection>
  );
}

export function AccountSection({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation(['brief', 'accounts', 'network']);
  const a = brief.account;
  const d = brief.distributor;
  return (
    <BriefSection title={t('account.title')} to="/accounts" linkLabel={t('link.accounts')}>
      {!a ? (
        <p className="muted">{t('account.none')}</p>
      ) : (
        <>
          <p className="brief-line">
            <Badge tone={SEGMENT_TONE[a.row.segment]!}>{a.row.segment}</Badge> {t(`accounts:segment.${a.row.segment}`)} ·{' '}
            {t(`accounts:strategyText.${a.row.segment}`)}
          </p>
          <dl className="kv kv-compact">
            <dt>{t('accounts:customerShare')}</dt>
            <dd>{a.customerShare === null ? t('accounts:unknownTotal') : formatPercent(a.customerShare)}</dd>
            <dt>{t('accounts:relationship')}</dt>
            <dd>{t(`network:relationship.${d.relationshipLevel}`)}</dd>
            <dt>{t('accounts:fit')}</dt>
            <dd>{a.fit ? t(`accounts:fitValue.${a.fit}`) : t('accounts:notAssessed')}</dd>
            <dt>{t('account.volumeShare')}</dt>
            <dd>{t('account.rank', { rank: a.row.rank, share: formatPercent(a.row.share) })}</dd>
          </dl>
          <h3 className="brief-h3">{t('account.warnings', { score: a.row.risk })}</h3>
          {a.reasons.length === 0 ? (
            <p className="muted">{t('account.noWarnings')}</p>
          ) : (
            <ul className="brief-list" aria-label={t('account.warningsList')}>
              {a.reasons.map((r) => (
                <li key={r.code}>
                  <strong>{t(`accounts:reason.${r.code}`)}</strong>{' '}
                  <span className="muted">
                    {Object.entries(r.evidence)
                      .map(
                        ([k, v]) => `${t(`accounts:evidenceKey.${k}`, { defaultValue: k })} ${typeof v === 'number' ? formatNumber(v) : v}`,
                      )
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3 className="brief-h3">{t('account.complaints')}</h3>
          {a.openComplaints.length === 0 ? (
            <p className="muted">{t('account.noComplaints', { closed: a.closedComplaints })}</p>
          ) : (
            <ul className="brief-list" aria-label={t('account.complaints')}>
              {a.openComplaints.map((c) => (
                <li key={c.id}>
                  <Badge tone={c.daysOpen > 14 ? 'red' : 'amber'}>{t('account.daysOpen', { days: c.daysOpen })}</Badge>{' '}
                  <strong>{t(`accounts:categories.${c.category}`)}</strong> {c.description}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </BriefSection>
  );
}

export function ReadinessSection({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation(['brief', 'readiness']);
  const r = brief.readiness;
  const s = brief.shipments;
  return (
    <BriefSection title={t('readiness.title')} to="/readiness" linkLabel={t('link.readiness')}>
      {!r ? (
        <p className="muted">{t('readiness.none')}</p>
      ) : (
        <>
          <p className="brief-line">
            {r.peakStart ? t('readiness.peakStart', { date: formatDate(r.peakStart) }) : t('readiness:noPeak')}
            {r.keyAccount && (
              <>
                {' '}
                · <Badge tone="blue">{t('readiness:keyAccount')}</Badge>
              </>
            )}
          </p>
          {r.short.length === 0 ? (
            <p className="muted">{t('readiness.covered')}</p>
          ) : (
            <BriefTable
              label={t('readiness.shortOf')}
              rows={r.short.slice(0, 6)}
              rowKey={(c) => c.productId}
              columns={[
                {
                  header: t('readiness.sku'),
                  cell: (c) => (
                    <>
                      <span className={`dot dot-${c.status}`} aria-label={t(`readiness:status.${c.status}`)} /> {c.sku}
                    </>
                  ),
                },
                { header: t('readiness.short'), className: 'num', cell: (c) => formatNumber(c.shortCases) },
                { header: t('readiness.why'), className: 'wrap brief-why', cell: (c) => reasonWords(t, c, r.requiredCoverDays) },
              ]}
            />
          )}
        </>
      )}
      <h3 className="brief-h3">{t('readiness.shipments', { inTransit: formatNumber(s.inTransit), planned: formatNumber(s.planned) })}</h3>
      {s.lines.length === 0 ? (
        <p className="muted">{t('readiness.noShipments')}</p>
      ) : (
        <BriefTable
          label={t('readiness.shipmentsTable')}
          rows={s.lines.slice(0, 5)}
          rowKey={(l) => l.id}
          columns={[
            { header: t('readiness.sku'), cell: (l) => l.sku },
            { header: t('readiness.cases'), className: 'num', cell: (l) => formatNumber(l.cases) },
            { header: t('readiness.arrives'), cell: (l) => formatDate(l.arrivalDate) },
            {
              header: t('readiness.state'),
              cell: (l) => <Badge tone={l.status === 'in_transit' ? 'blue' : 'grey'}>{t(`readiness.shipmentStatus.${l.status}`)}</Badge>,
            },
          ]}
        />
      )}
    </BriefSection>
  );
}

export function EventsSection({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation(['brief', 'events']);
  return (
    <BriefSection title={t('events.title')} to="/events" linkLabel={t('link.events')} className="brief-events">
      {brief.events.length === 0 ? (
        <p className="muted">{t('events.none')}</p>
      ) : (
        <BriefTable
          label={t('events.table')}
          rows={brief.events.slice(0, 5)}
          rowKey={(e) => e.eventId}
          columns={[
            { header: t('events.event'), className: 'ellipsis', cell: (e) => `${t(`events:kinds.${e.kind}`)}: ${e.title}` },
            { header: t('events.date'), cell: (e) => formatDate(e.startsAt.slice(0, 10)) },
            { header: t('events.answer'), cell: (e) => t(`events:rsvps.${e.rsvp}`) },
            { header: t('events.attended'), cell: (e) => (e.attended === null ? '–' : e.attended ? t('yes') : t('no')) },
            {
              header: t('events.feedback'),
              className: 'ellipsis',
              title: (e) => e.feedbackComment ?? undefined,
              cell: (e) => (e.feedbackScore ? `${'★'.repeat(e.feedbackScore)}${e.feedbackComment ? ` ${e.feedbackComment}` : ''}` : '–'),
            },
          ]}
        />
      )}
      <h3 className="brief-h3">{t('events.followups')}</h3>
      {brief.followups.length === 0 ? (
        <p className="muted">{t('events.noFollowups')}</p>
      ) : (
        <ul className="brief-list" aria-label={t('events.followups')}>
          {brief.followups.slice(0, 4).map((f) => (
            <li key={f.id}>
              <Badge tone={f.status === 'done' ? 'green' : f.status === 'in_progress' ? 'blue' : 'amber'}>
                {t(`events:status.${f.status}`)}
              </Badge>{' '}
              {f.text}
              <span className="muted">
                {' '}
                {[f.eventTitle, f.ownerName, f.dueDate ? formatDate(f.dueDate) : null].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </BriefSection>
  );
}

export function OutletsSection({ brief }: { brief: DistributorBrief }) {
  const { t } = useTranslation(['brief', 'development']);
  const o = brief.outlets;
  const counts = (c: Record<'active' | 'prospect' | 'lost', number>) =>
    t('outlets.counts', { active: formatNumber(c.active), prospect: formatNumber(c.prospect), lost: formatNumber(c.lost) });
  return (
    <BriefSection title={t('outlets.title')} to="/development" linkLabel={t('link.development')} className="brief-wide brief-outlets">
      <div className="brief-columns">
        <div>
          <dl className="kv kv-compact">
            <dt>{t('outlets.subDealers')}</dt>
            <dd>{counts(o.subDealers)}</dd>
            <dt>{t('outlets.terminals')}</dt>
            <dd>{counts(o.terminals)}</dd>
            <dt>{t('outlets.pipeline')}</dt>
            <dd>
              {(['prospect', 'contacted', 'negotiating', 'signed', 'rejected'] as const)
                .map((s) => `${t(`development:stage.${s}`)} ${o.pipeline[s]}`)
                .join(' · ')}
            </dd>
          </dl>
          {o.pipelineItems.length === 0 ? (
            <p className="muted">{t('outlets.noPipeline')}</p>
          ) : (
            <BriefTable
              label={t('outlets.pipelineTable')}
              rows={o.pipelineItems.slice(0, 5)}
              rowKey={(p) => `${p.outletType}:${p.outletId}`}
              columns={[
                {
                  header: t('outlets.outlet'),
                  className: 'ellipsis',
                  cell: (p) => (
                    <>
                      {p.name} <span className="muted">{p.code}</span>
                    </>
                  ),
                },
                { header: t('development:stageLabel'), cell: (p) => t(`development:stage.${p.stage}`) },
                { header: t('outlets.owner'), cell: (p) => p.ownerName ?? '–' },
                { header: t('outlets.next'), cell: (p) => (p.nextDate ? formatDate(p.nextDate) : '–') },
              ]}
            />
          )}
        </div>
        <div>
          <h3 className="brief-h3 first">{t('outlets.lastVisits', { areas: o.areas.join(', ') })}</h3>
          {o.lastVisits.length === 0 ? (
            <p className="muted">{t('outlets.noVisits')}</p>
          ) : (
            <BriefTable
              label={t('outlets.visitsTable')}
              rows={o.lastVisits.slice(0, 6)}
              rowKey={(v) => v.id}
              columns={[
                { header: t('outlets.day'), cell: (v) => formatDate(v.day) },
                { header: t('outlets.outlet'), className: 'ellipsis', cell: (v) => v.outletName },
                { header: t('outlets.by'), cell: (v) => v.salespersonName },
                { header: t('outlets.outcome'), cell: (v) => t(`development:outcome.${v.outcome}`) },
              ]}
            />
          )}
        </div>
      </div>
    </BriefSection>
  );
}
