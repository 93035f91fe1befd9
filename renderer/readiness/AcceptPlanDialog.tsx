import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../shared/contract/system.js';
import { useJob } from '../api/hooks.js';
import { useSyncStatus } from '../sync/queries.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { ProgressBar } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { useToast } from '../ui/Toasts.js';
import { useAcceptPlan, useAcceptPlanStart } from './mutations.js';

/**
 * Accepting the pre-build plan: asked first, then written. On a solo desktop the writing is a
 * background job with progress and Cancel (a national plan is a million lines, seconds of writing);
 * a desktop connected to a team server accepts in one call the server replays.
 */
export function AcceptPlanDialog({
  shipments,
  cases,
  beyondView,
  onClose,
}: {
  shipments: number;
  cases: number;
  /** The board shows part of the network (a filter, the person's regions), and the plan accepted is the whole network's. */
  beyondView: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation(['readiness', 'common', 'rules']);
  const toast = useToast();
  const sync = useSyncStatus();
  const solo = sync.data?.state === 'solo';
  const inOneCall = useAcceptPlan();
  const start = useAcceptPlanStart();
  const [jobId, setJobId] = useState<number | null>(null);
  // the lines the job writes: the whole network's plan, which may be more than the board's filter shows
  const [lines, setLines] = useState(0);
  const finished = (s: JobStatus) => {
    setJobId(null);
    if (s.state === 'done') {
      toast({ tone: 'success', text: t('accepted', { count: (s.result as { shipments: number }).shipments }) });
      onClose();
    } else if (s.state === 'cancelled') {
      toast({ tone: 'info', text: t('acceptCancelled') });
      onClose();
    } else
      toast({
        tone: 'error',
        text: s.errorRule
          ? t(`rules:refusal.${s.errorRule.code}`, { ...s.errorRule.params, defaultValue: s.error ?? t('acceptFailed') })
          : (s.error ?? t('acceptFailed')),
      });
  };
  const job = useJob(jobId, finished);
  const accept = async () => {
    if (!solo) {
      const done = await inOneCall.run({}, (r) => t('accepted', { count: r.shipments }));
      if (done) onClose();
      return;
    }
    const started = await start.run({});
    if (started) {
      setLines(started.shipments);
      setJobId(started.jobId);
    }
  };
  const writing = jobId !== null;
  return (
    <Dialog
      title={t('acceptTitle')}
      onClose={writing ? () => void job.cancel() : onClose}
      footer={
        <DialogButtons
          onCancel={writing ? () => void job.cancel() : onClose}
          onSubmit={() => void accept()}
          label={t('acceptConfirm')}
          busy={writing || inOneCall.isPending || start.isPending || sync.isLoading}
          busyLabel={writing ? t('accepting') : undefined}
        />
      }
    >
      <div className="confirm-message">{t('acceptText', { shipments: formatNumber(shipments), cases: formatNumber(cases) })}</div>
      {beyondView && (
        <div className="stat-note" style={{ marginTop: 6 }}>
          {t('acceptWholeNetwork')}
        </div>
      )}
      {writing && (
        <div style={{ marginTop: 12 }}>
          <ProgressBar value={job.status?.progress ?? 0} label={t('accepting')} />
          <div className="stat-note">
            {job.status && job.status.progress > 0
              ? t('acceptProgress', { done: formatNumber(Math.round(job.status.progress * lines)), count: formatNumber(lines) })
              : t('acceptStarting')}
          </div>
        </div>
      )}
    </Dialog>
  );
}
