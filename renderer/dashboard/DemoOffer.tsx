import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJob } from '../api/hooks.js';
import { useSeedDemo } from './mutations.js';
import { Card, ProgressBar } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { ImportExportButtons } from '../importing/ImportExportButtons.js';

/** First run with an empty database: offer a realistic demo region, or start from the user's own sheets. */
export function DemoOffer() {
  const { t } = useTranslation('common');
  const toast = useToast();
  const seed = useSeedDemo();
  const [jobId, setJobId] = useState<number | null>(null);
  const [scale, setScale] = useState<'S' | 'M'>('S');
  const job = useJob(jobId, (s) => {
    if (s.state === 'done') toast({ tone: 'success', text: t('demo.done') });
    else if (s.state === 'failed') toast({ tone: 'error', text: s.error ?? t('demo.failed') });
    setJobId(null);
  });
  const running = jobId !== null;
  return (
    <div className="grid-2">
      <Card title={t('demo.title')}>
        <p>{t('demo.text')}</p>
        <fieldset disabled={running}>
          <legend>{t('demo.size')}</legend>
          <label className="checkbox-row">
            <input type="radio" name="demo-scale" checked={scale === 'S'} onChange={() => setScale('S')} />
            {t('demo.small')}
          </label>
          <label className="checkbox-row">
            <input type="radio" name="demo-scale" checked={scale === 'M'} onChange={() => setScale('M')} />
            {t('demo.medium')}
          </label>
        </fieldset>
        <div style={{ display: 'flex', gap: 8, marginTop: 12, alignItems: 'center' }}>
          <button
            type="button"
            className="button button-primary"
            disabled={running || seed.isPending}
            onClick={async () => {
              const started = await seed.run({ scale });
              if (started) setJobId(started.jobId);
            }}
          >
            {t('demo.generate')}
          </button>
          {running && (
            <button type="button" className="button" onClick={() => void job.cancel()}>
              {t('cancel')}
            </button>
          )}
        </div>
        {running && (
          <div style={{ marginTop: 12 }}>
            <ProgressBar value={job.status?.progress ?? 0} label={t('demo.progress')} />
            <div className="stat-note">{job.status?.message || t('demo.starting')}</div>
          </div>
        )}
      </Card>
      <Card title={t('demo.ownDataTitle')}>
        <p>{t('demo.ownDataText')}</p>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <ImportExportButtons entity="regions" importOnly />
          <ImportExportButtons entity="distributors" importOnly />
        </div>
      </Card>
    </div>
  );
}
