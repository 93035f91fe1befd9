import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitInput } from '../../shared/contract/development.js';
import { call, type PhoneSession } from './api.js';
import { localDay, monthOf } from './dates.js';
import { useCachedLoad, useOnline, useOutbox } from './hooks.js';
import { enqueue } from './outbox.js';
import { OutboxBar } from './OutboxBar.js';
import { PaceScreen } from './PaceScreen.js';
import { RouteScreen, type Stop, type TodayData } from './RouteScreen.js';
import { readSession, signOut } from './session.js';
import { SignIn } from './SignIn.js';
import { VisitForm } from './VisitForm.js';

type Tab = 'today' | 'pace';

export function App() {
  const [session, setSession] = useState<PhoneSession | null | undefined>(undefined);
  useEffect(() => {
    void readSession().then((s) => setSession(s ?? null));
  }, []);
  if (session === undefined) return null;
  if (session === null) return <SignIn onSignedIn={setSession} />;
  return <Field session={session} onSignedOut={() => setSession(null)} />;
}

function Field({ session, onSignedOut }: { session: PhoneSession; onSignedOut: () => void }) {
  const { t } = useTranslation();
  // The phone's own calendar day, fixed for the life of the screen.
  const day = useMemo(() => localDay(new Date()), []);
  const month = monthOf(day);
  const personId = session.person.personId;
  const [tab, setTab] = useState<Tab>('today');
  const [logging, setLogging] = useState<Stop | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const online = useOnline();

  const today = useCachedLoad<TodayData>(`today:${personId}:${day}`, async () => {
    const route = await call(session, 'dayRoute.get', { salespersonId: personId, day });
    const due = route.stops.length > 0 ? null : await call(session, 'dayRoute.due', { salespersonId: personId, day, weeks: 4 });
    return { route, due };
  });
  const pace = useCachedLoad(`pace:${personId}:${month}`, async () => {
    const card = await call(session, 'evaluation.scorecard', { month, regionId: session.person.regionIds?.[0] });
    return card.rows.find((r) => r.salespersonId === personId) ?? null;
  });
  const reloadAll = useCallback(() => {
    today.reload();
    pace.reload();
  }, [today, pace]);
  const outbox = useOutbox(session, reloadAll);

  async function saveVisit(stop: Stop, input: VisitInput) {
    await enqueue('visit.log', input, stop.name, new Date().toISOString());
    await outbox.refresh();
    setLogging(null);
    const outcome = await outbox.send();
    setNotice(outcome.kind === 'sent' && outcome.refused === 0 ? t('visit.savedSent') : t('visit.saved'));
  }

  async function leave() {
    if ((outbox.outbox?.pending.length ?? 0) > 0) {
      setNotice(t('header.signOutBlocked'));
      return;
    }
    if (!window.confirm(t('header.confirmSignOut'))) return;
    await signOut();
    onSignedOut();
  }

  /** The session ended while changes wait: sign in again (the outbox is kept). */
  async function signInAgain() {
    await signOut();
    onSignedOut();
  }

  return (
    <div className="field-app">
      <header className="top">
        <div>
          <h1>{t('appName')}</h1>
          <p className="small">{t('header.signedInAs', { name: session.person.name })}</p>
        </div>
        <button type="button" className="ghost on-dark" onClick={() => void leave()}>
          {t('header.signOut')}
        </button>
      </header>
      <OutboxBar view={outbox} online={online} onSignInAgain={() => void signInAgain()} />
      {notice && (
        <p className="notice" role="status" onAnimationEnd={() => setNotice(null)}>
          {notice}
        </p>
      )}
      {logging ? (
        <VisitForm
          stop={logging}
          salespersonId={personId}
          day={day}
          onSave={(input) => saveVisit(logging, input)}
          onCancel={() => setLogging(null)}
        />
      ) : (
        <>
          <nav className="tabs" role="tablist" aria-label={t('tabs.label')}>
            {(['today', 'pace'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`panel-${name}`}
                onClick={() => setTab(name)}
              >
                {t(`tabs.${name}`)}
              </button>
            ))}
          </nav>
          <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'today' ? (
              <RouteScreen
                day={day}
                data={today.data}
                pending={outbox.outbox?.pending ?? []}
                onReload={today.reload}
                onLogVisit={setLogging}
              />
            ) : (
              <PaceScreen day={day} month={month} data={pace.data} onReload={pace.reload} />
            )}
          </main>
        </>
      )}
    </div>
  );
}
