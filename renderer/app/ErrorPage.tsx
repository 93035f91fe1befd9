import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../ui/Page.js';

/** A screen that failed to draw says so plainly and offers a way on; the data is untouched. */
export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <div className="page">
      <EmptyState
        title={t('errorPage.title')}
        action={
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('errorPage.reload')}
          </button>
        }
      >
        {t('errorPage.text')}
      </EmptyState>
    </div>
  );
}
