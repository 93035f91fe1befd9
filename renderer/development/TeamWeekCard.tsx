import { useTranslation } from 'react-i18next';
import type { WeeklyReview } from '../../shared/contract/development.js';
import { Card } from '../ui/Page.js';
import { useCreateFollowup } from '../events/mutations.js';

/**
 * The manager's one page for the week: every salesperson's problems and what worked, side by side;
 * a problem becomes a follow-up item owned by that salesperson with one click, once (the row then
 * names the item instead of offering it again).
 */
export function TeamWeekCard({ reviews }: { reviews: WeeklyReview[] }) {
  const { t } = useTranslation(['rules', 'development']);
  const followup = useCreateFollowup();
  const written = reviews.filter((r) => r.problems || r.successes);
  return (
    <Card title={t('teamWeek.title')} className="span-2">
      {written.length === 0 ? (
        <p className="muted">{t('teamWeek.none')}</p>
      ) : (
        <table className="plain" aria-label={t('teamWeek.title')}>
          <thead>
            <tr>
              <th>{t('salesperson', { ns: 'development' })}</th>
              <th>{t('teamWeek.problems')}</th>
              <th>{t('teamWeek.successes')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {written.map((r) => (
              <tr key={r.salespersonId}>
                <td>{r.salespersonName}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{r.problems ?? '–'}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{r.successes ?? '–'}</td>
                <td>
                  {r.followupId !== null ? (
                    <span className="muted">{t('review.followupMade', { ns: 'development', id: r.followupId })}</span>
                  ) : (
                    r.problems && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('teamWeek.makeItemFor', { name: r.salespersonName })}
                        onClick={() =>
                          void followup.run(
                            {
                              kind: 'opinion',
                              text: `${r.salespersonName} (${r.weekStart}): ${r.problems}`.slice(0, 2000),
                              category: 'other',
                              ownerId: r.salespersonId,
                              review: { salespersonId: r.salespersonId, weekStart: r.weekStart },
                            },
                            () => t('teamWeek.made', { name: r.salespersonName }),
                          )
                        }
                      >
                        {t('teamWeek.makeItem')}
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
