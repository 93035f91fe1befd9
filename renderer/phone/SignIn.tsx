import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OfflineError, ServerRefusal, type PhoneSession } from './api.js';
import { refusalWords } from './i18n.js';
import { signIn } from './session.js';

/** Person code and password, once per phone: the server answers with this phone's own sync client. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: PhoneSession) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(code, password));
    } catch (e) {
      setError(
        e instanceof OfflineError
          ? t('signIn.offline')
          : t('signIn.failed', {
              message: e instanceof ServerRefusal ? refusalWords(e.message, e.rule) : e instanceof Error ? e.message : String(e),
            }),
      );
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>{t('appName')}</h1>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title" className="card">
        <h2 id="sign-in-title">{t('signIn.title')}</h2>
        <p className="muted">{t('signIn.intro')}</p>
        <label className="field">
          <span>{t('signIn.personCode')}</span>
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="username" autoCapitalize="characters" required />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
