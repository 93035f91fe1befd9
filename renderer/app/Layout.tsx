import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/contract/system.js';
import { Suspense, useEffect } from 'react';
import { usePreferences } from '../settings/queries.js';
import { useSavePreferences } from '../settings/mutations.js';
import { applyLanguage, hasStoredLanguage } from '../i18n/index.js';
import { ROUTES } from './routes.js';
import { RestoreNotice } from '../backup/RestoreNotice.js';
import { CurrentPerson } from '../people/CurrentPerson.js';
import { hasRole, useActor } from '../people/actor.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { Spinner } from '../ui/Page.js';

const SECTIONS = ['plan', 'network', 'system'] as const;
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文', es: 'Español', ru: 'Русский' };

export function Layout() {
  const { t, i18n } = useTranslation();
  const savePreferences = useSavePreferences();
  const preferences = usePreferences();
  // A language chosen in another door (the desktop app, another browser) follows the database.
  const savedLanguage = preferences.data?.language;
  useEffect(() => {
    if (savedLanguage && !hasStoredLanguage() && savedLanguage !== i18n.language) applyLanguage(savedLanguage);
  }, [savedLanguage, i18n.language]);
  const changeLanguage = (language: Language) => {
    applyLanguage(language);
    savePreferences.mutate({ language });
  };
  const actor = useActor();
  const nav = ROUTES.filter((r) => r.nav && (!r.nav.roles || hasRole(actor, ...r.nav.roles))).sort((a, b) => a.nav!.order - b.nav!.order);
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('appName')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          {SECTIONS.map((section) => {
            const items = nav.filter((r) => r.nav!.section === section);
            if (!items.length) return null;
            return (
              <div key={section} className="nav-section">
                <div className="nav-section-title">{t(`nav.section.${section}`)}</div>
                {items.map((r) => (
                  <NavLink
                    key={r.path}
                    to={r.path}
                    end={r.path === '/'}
                    className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}
                  >
                    {t(r.nav!.labelKey)}
                  </NavLink>
                ))}
              </div>
            );
          })}
        </nav>
        <div className="sidebar-footer">
          <SyncIndicator />
          <CurrentPerson />
          <label htmlFor="language-select">{t('language')}</label>
          <select id="language-select" value={i18n.language} onChange={(e) => changeLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
      </aside>
      <main className="content">
        <RestoreNotice />
        <Suspense fallback={<Spinner label={t('loading')} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
