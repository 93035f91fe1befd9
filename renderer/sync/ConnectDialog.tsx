import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../api/client.js';
import { useJob } from '../api/hooks.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { TextField } from '../ui/Fields.js';
import { ProgressBar, Spinner } from '../ui/Page.js';
import { connectProblem, type ConnectProblem } from './errors.js';
import { probeServer } from './queries.js';
import { connectToServer } from './mutations.js';

type Failure = { problem: ConnectProblem; message: string };

function fingerprintLines(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) lines.push(bytes.slice(i, i + 16).join(':'));
  return lines;
}

function failureOf(e: unknown): Failure {
  if (e instanceof ApiCallError) {
    // The contract's own input checks (an address that is not https://…) are told as they are.
    if (e.code === 'validation' && e.issues.some((i) => i.path === 'serverUrl')) {
      return { problem: 'other', message: e.issues.find((i) => i.path === 'serverUrl')!.message };
    }
    return { problem: connectProblem({ code: e.code, message: e.message, issues: e.issues }), message: e.message };
  }
  return { problem: 'other', message: (e as Error).message };
}

/**
 * Connecting a desktop, in the order a person does it: the server's address, "Check" (the
 * certificate's fingerprint is shown to compare with the one the administrator gave; the first
 * connection pins it), their code and password, then the first sync with its progress.
 */
export function ConnectDialog({ onClose, onConnected }: { onClose(): void; onConnected(): void }) {
  const { t } = useTranslation('sync');
  const client = useQueryClient();
  const [serverUrl, setServerUrl] = useState('');
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [matches, setMatches] = useState(false);
  const [personCode, setPersonCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'check' | 'connect' | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const job = useJob(jobId, (s) => {
    if (s.state === 'done') setDone(true);
    else setFailure({ problem: 'other', message: s.error ?? s.message });
    void client.invalidateQueries();
  });

  const check = async () => {
    setBusy('check');
    setFailure(null);
    setFingerprint(null);
    setMatches(false);
    try {
      const probe = await probeServer(serverUrl.trim());
      setFingerprint(probe.fingerprint);
    } catch (e) {
      setFailure(failureOf(e));
    }
    setBusy(null);
  };

  const connect = async () => {
    if (!fingerprint) return;
    setBusy('connect');
    setFailure(null);
    try {
      const status = await connectToServer({ serverUrl: serverUrl.trim(), fingerprint, personCode: personCode.trim(), password });
      await client.invalidateQueries();
      if (status.jobId !== null) setJobId(status.jobId);
      else setDone(true);
    } catch (e) {
      setFailure(failureOf(e));
    }
    setBusy(null);
  };

  const syncing = jobId !== null && !done && !failure;
  const problemText = failure ? (failure.problem === 'other' ? failure.message : t(`connect.problem.${failure.problem}`)) : null;
  const fieldError = (field: 'address' | 'fingerprint' | 'credentials') =>
    problemText &&
    ((field === 'address' && failure!.problem === 'unreachable') ||
      (field === 'fingerprint' && failure!.problem === 'certificate') ||
      (field === 'credentials' && (failure!.problem === 'credentials' || failure!.problem === 'locked')))
      ? problemText
      : undefined;

  if (done) {
    return (
      <Dialog
        title={t('connect.title')}
        onClose={onConnected}
        footer={
          <button type="button" className="button button-primary" onClick={onConnected}>
            {t('connect.close')}
          </button>
        }
      >
        <p role="status">{t('connect.done')}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('connect.title')}
      onClose={syncing ? () => {} : onClose}
      footer={
        <>
          <DialogButtons
            onCancel={onClose}
            cancelLabel={t('connect.cancel')}
            cancelDisabled={syncing || busy === 'connect'}
            onSubmit={() => void connect()}
            label={t('connect.connect')}
            disabled={!fingerprint || !matches || !personCode.trim() || !password || busy !== null || syncing}
          />
        </>
      }
    >
      <form
        className="sync-connect"
        onSubmit={(e) => {
          e.preventDefault();
          if (!fingerprint) void check();
          else if (matches) void connect();
        }}
      >
        <p className="muted sync-connect-intro">{t('connect.intro')}</p>
        <div className="sync-address-row">
          <TextField
            label={t('connect.address')}
            hint={t('connect.addressHint')}
            value={serverUrl}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            required
            error={fieldError('address') ?? (failure?.problem === 'other' && !fingerprint ? problemText! : undefined)}
            onChange={(e) => {
              setServerUrl(e.target.value);
              setFingerprint(null);
              setMatches(false);
            }}
          />
          <button type="button" className="button" disabled={!serverUrl.trim() || busy !== null || syncing} onClick={() => void check()}>
            {busy === 'check' ? t('connect.checking') : t('connect.check')}
          </button>
        </div>
        {fingerprint && (
          <div className="sync-fingerprint" role="group" aria-label={t('connect.fingerprintLabel')}>
            <div className="sync-fingerprint-title">{t('connect.fingerprintLabel')}</div>
            <code className="sync-fingerprint-value">
              {/* Two lines of 16 bytes, broken only between bytes: easier to compare by eye. */}
              {fingerprintLines(fingerprint).map((line) => (
                <span key={line}>{line}</span>
              ))}
            </code>
            <p className="muted">{t('connect.fingerprintHint')}</p>
            <label className="sync-check">
              <input type="checkbox" checked={matches} onChange={(e) => setMatches(e.target.checked)} disabled={syncing} />
              {t('connect.fingerprintMatches')}
            </label>
            {fieldError('fingerprint') && (
              <div className="field-error" role="alert">
                {fieldError('fingerprint')}
              </div>
            )}
          </div>
        )}
        {fingerprint && matches && (
          <div className="sync-credentials">
            <TextField
              label={t('connect.personCode')}
              value={personCode}
              autoComplete="username"
              spellCheck={false}
              required
              disabled={syncing}
              onChange={(e) => setPersonCode(e.target.value)}
            />
            <TextField
              label={t('connect.password')}
              type="password"
              value={password}
              autoComplete="current-password"
              required
              disabled={syncing}
              error={fieldError('credentials')}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
        )}
        {failure?.problem === 'other' && fingerprint && (
          <div className="field-error" role="alert">
            {problemText}
          </div>
        )}
        {busy === 'connect' && <Spinner label={t('connect.signingIn')} />}
        {syncing && (
          <div className="sync-progress">
            <div>{t('connect.firstSync')}</div>
            <ProgressBar value={job.status?.progress ?? 0} label={t('connect.firstSyncProgress')} />
            {job.status?.message && <div className="muted">{job.status.message}</div>}
          </div>
        )}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </form>
    </Dialog>
  );
}
