import { useTranslation } from 'react-i18next';
import { useActor, useSignOut } from './actor.js';

/** Who is signed in, in the shell, with the way out. */
export function CurrentPerson() {
  const { t } = useTranslation('people');
  const actor = useActor();
  const signOut = useSignOut();
  if (!actor) return null;
  return (
    <section className="current-person" aria-label={t('signedIn.label')}>
      <div className="current-person-name">{actor.name}</div>
      <div className="current-person-roles">{actor.roles.map((r) => t(`role.${r}`)).join(', ')}</div>
      <button type="button" className="button button-small" onClick={signOut}>
        {t('signedIn.signOut')}
      </button>
    </section>
  );
}
