import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInMode, SignInPerson } from '../../shared/contract/people.js';
import { setSession, type ApiCallError } from '../api/client.js';
import { TextField } from '../ui/Fields.js';
import { ActorContext } from './actor.js';
import { useAuthStatus } from './queries.js';
import { endSession, setUpSignIn, signInPerson } from './mutations.js';

/**
 * The app opens on "who are you": nothing else renders until a person is signed in. On a new
 * database the first start chooses how people sign in (no password on a single-user desktop, or
 * passwords), once.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('people');
  const client = useQueryClient();
  const status = useAuthStatus();
  const refresh = async () => {
    // Everything cached was read as someone else (or no one).
    client.removeQueries();
    await status.refetch();
  };
  if (status.isPending)
    return (
      <div className="auth-screen" role="status">
        {t('loading')}
      </div>
    );
  if (status.isError)
    return (
      <div className="auth-screen" role="alert">
        {status.error.message}
      </div>
    );
  const { mode, actor, people } = status.data;
  if (mode === null) return <FirstStart onDone={refresh} />;
  if (!actor) return <SignIn mode={mode} people={people} onSignedIn={refresh} />;
  const signOut = () => {
    void endSession().finally(() => {
      setSession(null);
      void refresh();
    });
  };
  return <ActorContext.Provider value={{ actor, signOut }}>{children}</ActorContext.Provider>;
}

function FirstStart({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation('people');
  const [mode, setMode] = useState<SignInMode>('none');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await setUpSignIn(mode === 'password' ? { mode, adminPassword: password } : { mode });
      await onDone();
    } catch (err) {
      setError((err as ApiCallError).issues[0]?.message ?? (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="auth-screen">
      <form className="auth-card" onSubmit={submit} aria-labelledby="first-start-title">
        <h1 id="first-start-title">{t('firstStart.title')}</h1>
        <p>{t('firstStart.intro')}</p>
        <fieldset>
          <legend>{t('firstStart.mode')}</legend>
          <label className="auth-choice">
            <input type="radio" name="mode" checked={mode === 'none'} onChange={() => setMode('none')} />
            <span>
              <strong>{t('firstStart.none')}</strong> — {t('firstStart.noneHint')}
            </span>
          </label>
          <label className="auth-choice">
            <input type="radio" name="mode" checked={mode === 'password'} onChange={() => setMode('password')} />
            <span>
              <strong>{t('firstStart.password')}</strong> — {t('firstStart.passwordHint')}
            </span>
          </label>
        </fieldset>
        {mode === 'password' && (
          <TextField
            label={t('firstStart.adminPassword')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error ?? undefined}
            required
          />
        )}
        {mode === 'none' && error && <div role="alert">{error}</div>}
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('firstStart.start')}
        </button>
      </form>
    </main>
  );
}

function SignIn({ mode, people, onSignedIn }: { mode: SignInMode; people: SignInPerson[]; onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation('people');
  const [chosen, setChosen] = useState<SignInPerson | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signIn = async (person: SignInPerson, secret?: string) => {
    setBusy(true);
    setError(null);
    try {
      const signed = await signInPerson(secret === undefined ? { code: person.code } : { code: person.code, password: secret });
      setSession(signed.session);
      await onSignedIn();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (person: SignInPerson) => {
    if (mode === 'none') void signIn(person);
    else {
      setChosen(person);
      setPassword('');
      setError(null);
    }
  };
  const roles = (p: SignInPerson) => p.roles.map((r) => t(`role.${r}`)).join(', ');
  return (
    <main className="auth-screen">
      <section className="auth-card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p>{mode === 'none' ? t('signIn.introNone') : t('signIn.introPassword')}</p>
        <ul className="auth-people" aria-label={t('signIn.people')}>
          {people.map((p) => (
            <li key={p.personId}>
              <button
                type="button"
                className="button"
                onClick={() => choose(p)}
                disabled={busy}
                aria-pressed={chosen?.personId === p.personId}
              >
                {p.name}
              </button>
              <span className="auth-person-meta">
                {roles(p)}
                {p.regionName ? ` · ${p.regionName}` : ''}
              </span>
            </li>
          ))}
        </ul>
        {mode === 'password' && chosen && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void signIn(chosen, password);
            }}
          >
            <TextField
              label={t('signIn.passwordFor', { name: chosen.name })}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={error ?? undefined}
              autoFocus
            />
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('signIn.submit')}
            </button>
          </form>
        )}
        {mode === 'none' && error && <div role="alert">{error}</div>}
      </section>
    </main>
  );
}
