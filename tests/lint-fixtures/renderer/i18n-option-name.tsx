// A value named like one of i18next's settings: `lng` is read as the language, not put in the text.
import { useTranslation } from 'react-i18next';

export function Start({ at }: { at: { lat: number; lng: number } }) {
  const { t } = useTranslation('daywork');
  return <span>{t('start.centre', { lat: at.lat.toFixed(4), lng: at.lng.toFixed(4) })}</span>;
}
