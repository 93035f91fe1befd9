import { useTranslation } from 'react-i18next';
import type { OutboxView } from './hooks.js';
import { dismissRefusal } from './outbox.js';
import { refusalWords } from './i18n.js';

/**
 * What waits on this phone, always in view: the count, why it is not sent yet, a way to send now,
 * and every change the server refused, in the server's words, until the person dismisses it.
 */
export function OutboxBar({ view, online, onSignInAgain }: { view: OutboxView; online: boolean; onSignInAgain: () => void }) {
  const { t } = useTranslation();
  const waiting = view.outbox?.pending.length ?? 0;
  const refused = view.outbox?.refused ?? [];
  const last = view.last;
  const sending = last?.kind === 'sending';

  let reason: string | null = null;
  if (waiting > 0 && last?.kind === 'session_ended') reason = t('outbox.sessionEnded');
  else if (waiting > 0 && last?.kind === 'failed') reason = t('outbox.failed', { message: last.message });
  else if (!online || (waiting > 0 && last?.kind === 'offline'))
    reason = t(waiting > 0 && view.sendsInBackground ? 'outbox.offlineBackground' : 'outbox.offline');

  return (
    <>
      {/* Only the count and the button stay in view while scrolling; the explanations scroll away. */}
      <section className="outbox-row" aria-label={t('outbox.region')}>
        <p role="status" className={waiting > 0 ? 'badge waiting' : 'badge sent'}>
          {waiting > 0 ? t('outbox.waiting', { count: waiting }) : t('outbox.allSent')}
        </p>
        {waiting > 0 &&
          (last?.kind === 'session_ended' ? (
            <button type="button" className="secondary" onClick={onSignInAgain}>
              {t('signIn.submit')}
            </button>
          ) : (
            <button type="button" className="secondary" onClick={() => void view.send()} disabled={sending}>
              {sending ? t('outbox.sending') : t('outbox.sendNow')}
            </button>
          ))}
      </section>
      {(reason || refused.length > 0) && (
        <div className="outbox-details">
          {reason && <p className="muted small">{reason}</p>}
          {refused.length > 0 && (
            <div className="refused" role="alert">
              <h2>{t('outbox.refusedTitle')}</h2>
              <p className="small">{t('outbox.refusedHint')}</p>
              <ul>
                {refused.map((r) => (
                  <li key={`${r.clientId}:${r.seq}`}>
                    <div>
                      <strong>{r.label}</strong>
                      <p>{refusalWords(r.message, r.rule)}</p>
                    </div>
                    <button
                      type="button"
                      className="ghost"
                      aria-label={t('outbox.dismiss', { label: r.label })}
                      onClick={() => void dismissRefusal(r.seq, r.clientId).then(view.refresh)}
                    >
                      ✕
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </>
  );
}
