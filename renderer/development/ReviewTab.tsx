import { addDays, format } from 'date-fns';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyNumbers } from '../../shared/contract/development.js';
import { weekStartOf, type IndicatorNumbers } from '../../shared/domain/development.js';
import { TextArea } from '../ui/Fields.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { Badge, Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { hasRole, useActor } from '../people/actor.js';
import { RecordHistory } from '../people/RecordHistory.js';
import { ReopenButton } from '../people/ReopenButton.js';
import { TeamWeekCard } from './TeamWeekCard.js';
import { todayIso, type DevelopmentScope } from './context.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { useCommentWeeklyReview, useSaveWeeklyReview } from './mutations.js';
import { useWeeklyReview, useWeeklyReviews } from './queries.js';

const ROWS: Array<keyof WeeklyNumbers> = [
  'visits',
  'developVisits',
  'outletsVisited',
  'newSubDealers',
  'newTerminals',
  'competitorWins',
  'pipelineMoves',
  'rejected',
];
const PLANNED = new Set<string>(['visits', 'newSubDealers', 'newTerminals', 'competitorWins']);

/**
 * Friday's review: the numbers are already there from the visit log and the pipeline, beside the
 * plan pro rata; the salesperson writes problems and what worked, the manager answers.
 */
export function ReviewTab({ scope }: { scope: DevelopmentScope }) {
  const { t } = useTranslation(['development', 'common']);
  const attempt = useAttempt();
  const [weekStart, setWeekStart] = useState(() => weekStartOf(todayIso()));
  const input = { salespersonId: scope.salespersonId ?? 0, weekStart };
  const review = useWeeklyReview(input, scope.salespersonId !== null);
  const team = useWeeklyReviews({ weekStart, ...(scope.regionId !== null ? { regionId: scope.regionId } : {}) });
  const save = useSaveWeeklyReview();
  const comment = useCommentWeeklyReview();
  const r = review.data;
  const actor = useActor();
  const isManager = hasRole(actor, 'regional_manager');
  // Signed off means frozen: once commented, the review changes only after a manager reopens it.
  const commented = !!r?.managerComment;
  const [text, setText] = useState({ problems: '', successes: '', managerComment: '' });
  // The form follows the stored review whenever a different review (or a newer text of it) loads.
  const loadedFor = r ? `${r.salespersonId}/${r.weekStart}` : null;
  const [problems, successes, managerComment] = [r?.problems ?? '', r?.successes ?? '', r?.managerComment ?? ''];
  useEffect(() => {
    if (loadedFor !== null) setText({ problems, successes, managerComment });
  }, [loadedFor, problems, successes, managerComment]);
  const shift = (weeks: number) => setWeekStart(format(addDays(new Date(`${weekStart}T00:00:00`), weeks * 7), 'yyyy-MM-dd'));
  const run = (fn: () => Promise<unknown>, message: string) => attempt(fn, () => message);
  const plan = (p: IndicatorNumbers | null, k: keyof WeeklyNumbers, digits?: number) =>
    p && PLANNED.has(k) ? formatNumber(p[k as keyof IndicatorNumbers], digits) : '–';
  const columns: Array<{ key: string; header: string; cell: (k: keyof WeeklyNumbers) => ReactNode }> = !r
    ? []
    : [
        { key: 'week', header: t('review.week'), cell: (k) => <strong>{formatNumber(r.week[k])}</strong> },
        // submitted: the actual figures as reported, beside the month's plan as planned (no pro-rata share)
        ...(r.asSubmitted
          ? []
          : [{ key: 'weekPlan', header: t('review.weekPlan'), cell: (k: keyof WeeklyNumbers) => plan(r.weekPlan, k, 1) }]),
        { key: 'monthToDate', header: t('review.monthToDate', { month: r.month }), cell: (k) => formatNumber(r.monthToDate[k]) },
        r.asSubmitted
          ? { key: 'monthPlan', header: t('review.wholeMonthPlan', { month: r.month }), cell: (k) => plan(r.monthPlan, k) }
          : { key: 'monthPlan', header: t('review.monthPlan'), cell: (k) => plan(r.monthToDatePlan, k, 1) },
      ];
  const saveReview = (submit: boolean) =>
    run(
      () => save.mutateAsync({ ...input, problems: text.problems || null, successes: text.successes || null, submit }),
      t(submit ? 'review.submitted' : 'review.saved'),
    );
  return (
    <div className="grid-2">
      <Card
        title={t('review.title', { from: formatDate(weekStart), to: formatDate(r?.weekEnd ?? weekStart) })}
        actions={
          <>
            <input
              type="date"
              aria-label={t('review.weekOf')}
              value={weekStart}
              onChange={(e) => e.target.value && setWeekStart(weekStartOf(e.target.value))}
              style={{ height: 28 }}
            />
            <button type="button" className="button button-small" onClick={() => shift(-1)} aria-label={t('review.previousWeek')}>
              ‹
            </button>
            <button type="button" className="button button-small" onClick={() => setWeekStart(weekStartOf(todayIso()))}>
              {t('review.thisWeek')}
            </button>
            <button type="button" className="button button-small" onClick={() => shift(1)} aria-label={t('review.nextWeek')}>
              ›
            </button>
          </>
        }
      >
        <ErrorNotice error={review.error} />
        {!r ? (
          <Spinner label={t('loading', { ns: 'common' })} />
        ) : (
          <>
            <table className="plain" aria-label={t('review.numbers')}>
              <thead>
                <tr>
                  <th>{t('indicator')}</th>
                  {columns.map((c) => (
                    <th key={c.key} className="num">
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((k) => (
                  <tr key={k}>
                    <td>{t(`weekly.${k}`)}</td>
                    {columns.map((c) => (
                      <td key={c.key} className="num">
                        {c.cell(k)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">
              {r.asSubmitted && r.submittedAt
                ? t('review.asSubmittedNote', { date: formatDate(r.submittedAt) })
                : r.planStatus
                  ? t('review.planNote', { status: t(`status.${r.planStatus}`) })
                  : t('review.noPlan')}
            </p>
            <div className="form-grid" style={{ gridTemplateColumns: '1fr' }}>
              <TextArea
                label={t('review.problems')}
                readOnly={commented}
                value={text.problems}
                onChange={(e) => setText({ ...text, problems: e.target.value })}
              />
              <TextArea
                label={t('review.successes')}
                readOnly={commented}
                value={text.successes}
                onChange={(e) => setText({ ...text, successes: e.target.value })}
              />
            </div>
            <div style={{ display: 'flex', gap: 8, marginTop: 8, alignItems: 'center' }}>
              <button type="button" className="button" disabled={commented} onClick={() => saveReview(false)}>
                {t('review.save')}
              </button>
              <button type="button" className="button button-primary" disabled={commented} onClick={() => saveReview(true)}>
                {t('review.submit')}
              </button>
              {r.submittedAt && <Badge tone="green">{t('review.submittedOn', { date: formatDate(r.submittedAt) })}</Badge>}
            </div>
            <hr style={{ border: 0, borderTop: '1px solid var(--border)', margin: '14px 0' }} />
            <TextArea
              label={t('review.managerComment')}
              readOnly={!isManager || commented}
              value={text.managerComment}
              onChange={(e) => setText({ ...text, managerComment: e.target.value })}
            />
            <div style={{ display: 'flex', gap: 8, marginTop: 8, alignItems: 'center' }}>
              {isManager && !commented && (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    run(() => comment.mutateAsync({ ...input, managerComment: text.managerComment || null }), t('review.commented'))
                  }
                >
                  {t('review.saveComment')}
                </button>
              )}
              {isManager && commented && (
                <ReopenButton
                  method="weeklyReview.reopen"
                  input={input}
                  what={t('review.title', { from: formatDate(weekStart), to: formatDate(r.weekEnd) })}
                />
              )}
              <RecordHistory entity="weekly_review" entityId={`${input.salespersonId}:${weekStart}`} />
            </div>
          </>
        )}
      </Card>
      <Card title={t('review.team')}>
        <ErrorNotice error={team.error} />
        {!team.data ? (
          <Spinner label={t('loading', { ns: 'common' })} />
        ) : (
          <table className="plain" aria-label={t('review.team')}>
            <thead>
              <tr>
                <th>{t('salesperson')}</th>
                <th className="num">{t('indicators.visits')}</th>
                <th className="num">{t('review.newOutlets')}</th>
                <th className="num">{t('review.monthVsPlan')}</th>
                <th>{t('review.state')}</th>
              </tr>
            </thead>
            <tbody>
              {team.data.map((x) => {
                const done = x.week.newSubDealers + x.week.newTerminals;
                // actual figures against the month's plan as planned: no fractional pro-rata share
                const month = x.monthToDate.newSubDealers + x.monthToDate.newTerminals;
                const planned = x.monthPlan ? x.monthPlan.newSubDealers + x.monthPlan.newTerminals : null;
                return (
                  <tr key={x.salespersonId} className={x.salespersonId === scope.salespersonId ? 'selected-row' : undefined}>
                    <td>{x.salespersonName}</td>
                    <td className="num">{formatNumber(x.week.visits)}</td>
                    <td className="num">{formatNumber(done)}</td>
                    <td className="num">{planned === null ? formatNumber(month) : `${formatNumber(month)} / ${formatNumber(planned)}`}</td>
                    <td>
                      {x.submittedAt ? (
                        <Badge tone="green">{t('review.submittedShort')}</Badge>
                      ) : x.problems || x.successes ? (
                        <Badge tone="grey">{t('review.draft')}</Badge>
                      ) : (
                        <span className="muted">{t('review.missing')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      {team.data && <TeamWeekCard reviews={team.data} />}
    </div>
  );
}
