import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../shared/contract/development.js';
import { useVisitPhoto } from './queries.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorNotice } from '../ui/Page.js';
import { formatDate } from '../ui/format.js';

/**
 * A visit's photo (taken on the phone): a button in the visits list, and the picture in a dialog.
 * The photo is read only when opened, so the list itself stays light.
 */
export function VisitPhotoButton({ visit }: { visit: Visit }) {
  const { t } = useTranslation('visitPhotos');
  const [open, setOpen] = useState(false);
  if (!visit.hasPhoto) return <span className="muted">–</span>;
  const names = { name: visit.outletName, day: formatDate(visit.day) };
  return (
    <>
      <button type="button" className="button button-small" aria-label={t('show', names)} onClick={() => setOpen(true)}>
        {t('column')}
      </button>
      {open && <VisitPhotoDialog visitId={visit.id} names={names} onClose={() => setOpen(false)} />}
    </>
  );
}

function VisitPhotoDialog({ visitId, names, onClose }: { visitId: number; names: { name: string; day: string }; onClose(): void }) {
  const { t } = useTranslation('visitPhotos');
  const photo = useVisitPhoto({ visitId });
  return (
    <Dialog
      title={t('title', names)}
      onClose={onClose}
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('close')}
        </button>
      }
    >
      <ErrorNotice error={photo.error} />
      {photo.isPending ? (
        <p className="muted">{t('loading')}</p>
      ) : photo.data ? (
        <img
          src={`data:${photo.data.mimeType};base64,${photo.data.dataBase64}`}
          alt={t('alt', names)}
          style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }}
        />
      ) : (
        !photo.error && <p className="muted">{t('none')}</p>
      )}
    </Dialog>
  );
}
