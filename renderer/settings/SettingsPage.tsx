import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/contract/system.js';
import { useAppInfo } from './queries.js';
import { useSavePreferences } from './mutations.js';
import { applyLanguage } from '../i18n/index.js';
import { SelectField } from '../ui/Fields.js';
import { Card, PageHeader } from '../ui/Page.js';
import { SETTINGS_SECTIONS } from './sections.js';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文', es: 'Español', ru: 'Русский' };

export function SettingsPage() {
  const { t, i18n } = useTranslation('common');
  const info = useAppInfo();
  const save = useSavePreferences();
  return (
    <div className="page">
      <PageHeader title={t('settings.title')} />
      <div className="grid-2">
        <Card title={t('settings.language')}>
          <SelectField
            label={t('settings.interfaceLanguage')}
            options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={i18n.language}
            onChange={(e) => {
              applyLanguage(e.target.value as Language);
              save.mutate({ language: e.target.value as Language });
            }}
          />
        </Card>
        <Card title={t('settings.about')}>
          <dl className="kv">
            <dt>{t('settings.version')}</dt>
            <dd>{info.data?.version ?? '–'}</dd>
            <dt>{t('settings.schema')}</dt>
            <dd>{info.data?.schemaVersion ?? '–'}</dd>
            <dt>{t('settings.database')}</dt>
            <dd style={{ wordBreak: 'break-all' }}>{info.data?.databasePath ?? '–'}</dd>
            <dt>{t('settings.mode')}</dt>
            <dd>{info.data ? t(`settings.door.${info.data.door}`) : '–'}</dd>
          </dl>
        </Card>
        {SETTINGS_SECTIONS.map(({ id, component: Section }) => (
          <Section key={id} />
        ))}
      </div>
    </div>
  );
}
