import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scorecard, ScorecardRow, ScoringSettings } from '../../shared/contract/development.js';
import { DECISIONS, INDICATORS, type Decision } from '../../shared/domain/development.js';
import { hasRole, useActor, useMay } from '../people/actor.js';
import { ReopenButton } from '../people/ReopenButton.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { RegionChoice, useRegionDrafts } from '../ui/RegionRules.js';
import { formatDate, formatMonth, formatNumber, formatPercent } from '../ui/format.js';
import { Badge, Card, ErrorNotice, Spinner, type Tone } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { thisMonth, type DevelopmentScope } from './context.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { downloadScorecard, useDecideEvaluation, useSaveEvaluationSettings } from './mutations.js';
import { useScoreHistory, useScorecard } from './queries.js';

const DECISION_TONE: Record<Decision, Tone> = { reward: 'green', none: 'grey', penalty: 'red' };
type Pace = 'on' | 'near' | 'behind';
const PACE_TONE: Record<Pace, Tone> = { on: 'green', near: 'amber', behind: 'red' };

const settingsOf = (c: Scorecard, regionId: number): ScoringSettings => c.rules.find((r) => r.regionId === regionId)!.settings;

/** A month in progress read against the share of it that has passed, with the reward and penalty lines scaled to it. */
function paceBand(total: number, pace: number, settings: ScoringSettings): Pace {
  return total >= settings.thresholds.reward * pace ? 'on' : total < settings.thresholds.penalty * pace ? 'behind' : 'near';
}

/** Month end: fulfilment per indicator, weighted total, rank in the team, and the manager's decision. */
export function ScorecardTab({ scope }: { scope: DevelopmentScope }) {
  const { t } = useTranslation(['development', 'common']);
  const attempt = useAttempt();
  const isManager = hasRole(useActor(), 'regional_manager');
  const region = scope.regionId !== null ? { regionId: scope.regionId } : {};
  const card = useScorecard({ month: scope.month, ...region });
  const history = useScoreHistory(region);
  const [deciding, setDeciding] = useState<ScorecardRow | null>(null);
  const [weights, setWeights] = useState(false);
  const [exporting, setExporting] = useState(false);
  const exportFile = async () => {
    setExporting(true);
    await attempt(() => downloadScorecard({ month: scope.month, ...region }));
    setExporting(false);
  };
  const c = card.data;
  const maySetWeights = useMay('evaluation.saveSettings');
  const legendOf = (settings: ScoringSettings) =>
    t('scorecard.legend', {
      reward: formatPercent(settings.thresholds.reward, 0),
      penalty: formatPercent(settings.thresholds.penalty, 0),
      cap: formatPercent(settings.cap, 0),
    });
  // the weights in the column heads when every region shown scores alike; otherwise each region's under the table
  const common =
    c?.rules[0] && c.rules.every((r) => JSON.stringify(r.settings) === JSON.stringify(c.rules[0]!.settings))
      ? c.rules[0].settings
      : undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
      <Card
        title={t('scorecard.title', { month: scope.month })}
        actions={
          <>
            {maySetWeights && (
              <button type="button" className="button button-small" onClick={() => setWeights(true)} disabled={!c || c.rules.length === 0}>
                {t('scorecard.weights')}
              </button>
            )}
            <button type="button" className="button button-small" onClick={exportFile} disabled={!c || exporting}>
              {t('scorecard.export')}
            </button>
          </>
        }
      >
        <ErrorNotice error={card.error} />
        {(c?.provisional ?? scope.month >= thisMonth()) && (
          <div className="notice notice-info" role="note">
            {c?.pace != null ? t('scorecard.provisionalPace', { share: formatPercent(c.pace, 0) }) : t('scorecard.provisional')}
          </div>
        )}
        {!c ? (
          <Spinner label={t('loading', { ns: 'common' })} />
        ) : c.rows.length === 0 ? (
          <p className="muted">{t('scorecard.none')}</p>
        ) : (
          <>
            <table className="plain" aria-label={t('scorecard.table')}>
              <thead>
                <tr>
                  <th className="num">{t('scorecard.rank')}</th>
                  <th>{t('salesperson')}</th>
                  {INDICATORS.map((k) => (
                    <th key={k} className="num">
                      {t(`indicators.${k}`)}
                      {common && <div className="muted small">× {formatNumber(common.weights[k], 1)}</div>}
                    </th>
                  ))}
                  <th className="num">{t('scorecard.total')}</th>
                  <th>{t(c.pace !== null ? 'scorecard.suggestionPace' : 'scorecard.suggestion')}</th>
                  <th>{t('scorecard.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {c.rows.map((r) => (
                  <tr key={r.salespersonId}>
                    <td className="num">{r.rank === null ? '–' : `${r.rank} / ${r.teamSize}`}</td>
                    <td>
                      {r.salespersonName}
                      {!r.plan && <div className="muted small">{t('scorecard.noPlan')}</div>}
                    </td>
                    {INDICATORS.map((k) => (
                      <td key={k} className="num" title={r.plan ? `${r.actual[k]} / ${r.plan[k]}` : undefined}>
                        {formatPercent(r.fulfilment[k], 0)}
                        <div className="muted small">
                          {r.plan ? `${formatNumber(r.actual[k])} / ${formatNumber(r.plan[k])}` : formatNumber(r.actual[k])}
                        </div>
                      </td>
                    ))}
                    <td className="num">
                      <strong>{formatPercent(r.total, 1)}</strong>
                    </td>
                    <td>
                      {r.total === null || (c.provisional && c.pace === null) ? (
                        <span className="muted">–</span>
                      ) : c.pace !== null ? (
                        <Badge tone={PACE_TONE[paceBand(r.total, c.pace, settingsOf(c, r.regionId))]}>
                          {t(`scorecard.pace.${paceBand(r.total, c.pace, settingsOf(c, r.regionId))}`)}
                        </Badge>
                      ) : (
                        <Badge tone={DECISION_TONE[r.suggestion]}>{t(`decision.${r.suggestion}`)}</Badge>
                      )}
                    </td>
                    <td>
                      {r.decision ? (
                        <>
                          <Badge tone={DECISION_TONE[r.decision]}>{t(`decision.${r.decision}`)}</Badge>
                          {/* Decided means frozen: a change starts with a reopen, with a reason. */}
                          {isManager && (
                            <ReopenButton
                              method="evaluation.reopen"
                              input={{ salespersonId: r.salespersonId, month: scope.month }}
                              what={`${r.salespersonName}, ${scope.month}`}
                            />
                          )}
                        </>
                      ) : isManager ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setDeciding(r)}
                          // Decided only once the month has ended: until then the numbers are provisional.
                          disabled={r.total === null || c.provisional}
                          aria-label={t('scorecard.decideFor', { name: r.salespersonName })}
                        >
                          {t('scorecard.decide')}
                        </button>
                      ) : (
                        <span className="muted">–</span>
                      )}
                      {r.note && (
                        <div className="muted small" style={{ whiteSpace: 'normal', maxWidth: 240 }}>
                          {r.note}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">
              {common
                ? legendOf(common)
                : c.rules.map((r) => (
                    <span key={r.regionId} style={{ display: 'block' }}>
                      {`${r.regionName}: ${INDICATORS.map((k) => `${t(`indicators.${k}`)} × ${formatNumber(r.settings.weights[k], 1)}`).join(', ')}. ${legendOf(r.settings)}`}
                    </span>
                  ))}
            </p>
          </>
        )}
      </Card>
      <Card title={t('scorecard.history')}>
        {!history.data ? (
          <Spinner label={t('loading', { ns: 'common' })} />
        ) : history.data.length === 0 ? (
          <p className="muted">{t('scorecard.noHistory')}</p>
        ) : (
          <div style={{ maxHeight: 300, overflow: 'auto' }}>
            <table className="plain" aria-label={t('scorecard.history')}>
              <thead>
                <tr>
                  <th>{t('month')}</th>
                  <th>{t('salesperson')}</th>
                  <th className="num">{t('scorecard.total')}</th>
                  <th className="num">{t('scorecard.rank')}</th>
                  <th>{t('scorecard.decision')}</th>
                  <th>{t('scorecard.note')}</th>
                  <th>{t('scorecard.decidedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {history.data.map((h) => (
                  <tr key={`${h.salespersonId}:${h.month}`}>
                    <td>{formatMonth(h.month)}</td>
                    <td>{h.salespersonName}</td>
                    <td className="num">{formatPercent(h.total, 1)}</td>
                    <td className="num">{h.rank === null ? '–' : `${h.rank} / ${h.teamSize}`}</td>
                    <td>
                      <Badge tone={DECISION_TONE[h.decision]}>{t(`decision.${h.decision}`)}</Badge>
                    </td>
                    <td style={{ whiteSpace: 'normal' }}>{h.note ?? '–'}</td>
                    <td>{formatDate(h.decidedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {deciding && <DecisionDialog row={deciding} month={scope.month} onClose={() => setDeciding(null)} />}
      {weights && c && c.rules.length > 0 && <WeightsDialog rules={c.rules} onClose={() => setWeights(false)} />}
    </div>
  );
}

function DecisionDialog({ row, month, onClose }: { row: ScorecardRow; month: string; onClose(): void }) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const decide = useDecideEvaluation();
  const [decision, setDecision] = useState<Decision>(row.decision ?? row.suggestion);
  const [note, setNote] = useState(row.note ?? '');
  const submit = async () => {
    errors.clear();
    try {
      await decide.mutateAsync({ salespersonId: row.salespersonId, month, decision, note: note || null });
      toast({ tone: 'success', text: t('scorecard.decided', { name: row.salespersonName }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('scorecard.decisionTitle', { name: row.salespersonName, month })}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('scorecard.saveDecision')} busy={decide.isPending} />}
    >
      <p>
        {t('scorecard.summary', { total: formatPercent(row.total, 1), rank: row.rank, team: row.teamSize })}{' '}
        <Badge tone={DECISION_TONE[row.suggestion]}>{t(`decision.${row.suggestion}`)}</Badge>
      </p>
      <div className="form-grid" style={{ gridTemplateColumns: '1fr' }}>
        <SelectField
          label={t('scorecard.decision')}
          value={decision}
          onChange={(e) => setDecision(e.target.value as Decision)}
          options={DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
        />
        <TextArea
          label={t('scorecard.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.errorFor('note')}
          required={decision !== row.suggestion && decision !== 'none'}
        />
      </div>
    </Dialog>
  );
}

type Rules = Scorecard['rules'];

const draftOf = (settings: ScoringSettings) => ({
  weights: Object.fromEntries(INDICATORS.map((k) => [k, String(settings.weights[k])])) as Record<(typeof INDICATORS)[number], string>,
  reward: String(Math.round(settings.thresholds.reward * 100)),
  penalty: String(Math.round(settings.thresholds.penalty * 100)),
  cap: String(Math.round(settings.cap * 100)),
});

/** A region's weights and lines: each region's manager sets their own; a manager of several chooses the region first. */
function WeightsDialog({ rules, onClose }: { rules: Rules; onClose(): void }) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors({ under: 'settings' });
  const save = useSaveEvaluationSettings();
  const { region, draft: v, choose, setDraft: setV } = useRegionDrafts(rules, (r) => draftOf(r.settings));
  if (!region || !v) return null;
  const submit = async () => {
    errors.clear();
    try {
      await save.mutateAsync({
        regionId: region.regionId,
        settings: {
          weights: Object.fromEntries(INDICATORS.map((k) => [k, Number(v.weights[k])])) as ScoringSettings['weights'],
          thresholds: { reward: Number(v.reward) / 100, penalty: Number(v.penalty) / 100 },
          cap: Number(v.cap) / 100,
        },
      });
      toast({ tone: 'success', text: t('scorecard.weightsSaved', { region: region.regionName }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('scorecard.weightsTitle')}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('save', { ns: 'common' })} busy={save.isPending} />}
    >
      <RegionChoice
        regions={rules}
        value={region.regionId}
        onChange={(id) => {
          errors.clear();
          choose(id);
        }}
        label={t('scorecard.region')}
        hint={t('scorecard.regionHint')}
        only={t('scorecard.regionOnly', { region: region.regionName })}
      />
      {errors.errorFor('weights') && (
        <div className="notice notice-error" role="alert">
          {errors.errorFor('weights')}
        </div>
      )}
      <div className="form-grid">
        {INDICATORS.map((k) => (
          <TextField
            key={k}
            label={t('scorecard.weightOf', { indicator: t(`indicators.${k}`) })}
            type="number"
            min={0}
            max={10}
            step={0.5}
            value={v.weights[k]}
            onChange={(e) => setV({ ...v, weights: { ...v.weights, [k]: e.target.value } })}
          />
        ))}
        <TextField
          label={t('scorecard.rewardAt')}
          type="number"
          min={0}
          max={200}
          value={v.reward}
          onChange={(e) => setV({ ...v, reward: e.target.value })}
          error={errors.errorFor('thresholds')}
          hint="%"
        />
        <TextField
          label={t('scorecard.penaltyBelow')}
          type="number"
          min={0}
          max={200}
          value={v.penalty}
          onChange={(e) => setV({ ...v, penalty: e.target.value })}
          hint="%"
        />
        <TextField
          label={t('scorecard.cap')}
          type="number"
          min={100}
          max={300}
          value={v.cap}
          onChange={(e) => setV({ ...v, cap: e.target.value })}
          error={errors.errorFor('cap')}
          hint="%"
        />
      </div>
    </Dialog>
  );
}
