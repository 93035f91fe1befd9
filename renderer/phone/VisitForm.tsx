import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitInput } from '../../shared/contract/development.js';
import { VISIT_OUTCOMES, VISIT_PURPOSES, type VisitOutcome, type VisitPurpose } from '../../shared/domain/development.js';
import type { Stop } from './RouteScreen.js';
import { PhotoError, scalePhoto, type ScaledPhoto } from './photo.js';

interface Props {
  stop: Stop;
  salespersonId: number;
  day: string;
  onSave: (input: VisitInput) => Promise<void>;
  onCancel: () => void;
}

/**
 * Logging a visit: the same fields as the desktop's visit log, checked here for what the phone can
 * know (the server checks everything again when the entry arrives). The optional photo is taken
 * or chosen here and scaled down at once (photo.ts), so what waits in the outbox is small.
 */
export function VisitForm({ stop, salespersonId, day, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<VisitPurpose | ''>(stop.stage ? 'develop' : '');
  const [outcome, setOutcome] = useState<VisitOutcome | ''>('');
  const [nextStep, setNextStep] = useState('');
  const [nextDate, setNextDate] = useState('');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<ScaledPhoto | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const photoInput = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, the first field to fix gets the focus (and the screen reader reads its message).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!purpose) found.purpose = t('visit.required');
    if (!outcome) found.outcome = t('visit.required');
    if (outcome === 'rejected' && !note.trim()) found.note = t('visit.noteRequired');
    if (nextDate && nextDate < day) found.nextDate = t('visit.nextDateBefore');
    if (errors.photo) found.photo = errors.photo;
    setErrors(found);
    if (Object.keys(found).length > 0 || !purpose || !outcome) return;
    setBusy(true);
    await onSave({
      salespersonId,
      day,
      outletType: stop.outletType,
      outletId: stop.outletId,
      purpose,
      outcome,
      nextStep: nextStep.trim() || null,
      nextDate: nextDate || null,
      note: note.trim() || null,
      ...(photo ? { photo: { mimeType: photo.mimeType, dataBase64: photo.dataBase64 } } : {}),
    });
  }

  async function pickPhoto(file: File | undefined) {
    const { photo: _old, ...rest } = errors;
    setErrors(rest);
    if (!file) return;
    setPhotoBusy(true);
    try {
      setPhoto(await scalePhoto(file));
    } catch (error) {
      setPhoto(null);
      setErrors({ ...rest, photo: t(error instanceof PhotoError && error.reason === 'tooLarge' ? 'photo.tooLarge' : 'photo.notImage') });
    } finally {
      setPhotoBusy(false);
    }
  }

  const describedBy = (field: string) => (errors[field] ? `visit-${field}-error` : undefined);
  const fieldError = (field: string) =>
    errors[field] ? (
      <span id={`visit-${field}-error`} className="error small">
        {errors[field]}
      </span>
    ) : null;

  return (
    <main className="visit-form">
      <form ref={formRef} onSubmit={(e) => void submit(e)} aria-labelledby="visit-title" className="card" noValidate>
        <h2 id="visit-title">{t('visit.title', { name: stop.name })}</h2>
        {stop.address && <p className="muted small">{stop.address}</p>}
        <label className="field">
          <span>{t('visit.purpose')}</span>
          <select
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as VisitPurpose)}
            aria-invalid={!!errors.purpose}
            aria-describedby={describedBy('purpose')}
          >
            <option value="">{t('visit.choose')}</option>
            {VISIT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`purpose.${p}`)}
              </option>
            ))}
          </select>
          {fieldError('purpose')}
        </label>
        <label className="field">
          <span>{t('visit.outcome')}</span>
          <select
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as VisitOutcome)}
            aria-invalid={!!errors.outcome}
            aria-describedby={describedBy('outcome')}
          >
            <option value="">{t('visit.choose')}</option>
            {VISIT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
          {fieldError('outcome')}
        </label>
        <label className="field">
          <span>{t('visit.nextStep')}</span>
          <input value={nextStep} maxLength={300} onChange={(e) => setNextStep(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('visit.nextDate')}</span>
          <input
            type="date"
            value={nextDate}
            min={day}
            onChange={(e) => setNextDate(e.target.value)}
            aria-invalid={!!errors.nextDate}
            aria-describedby={describedBy('nextDate')}
          />
          {fieldError('nextDate')}
        </label>
        <label className="field">
          <span>{t('visit.note')}</span>
          <textarea
            value={note}
            maxLength={1000}
            rows={3}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={!!errors.note}
            aria-describedby={describedBy('note')}
          />
          {fieldError('note')}
        </label>
        <div className="field">
          <label htmlFor="visit-photo">{t('photo.label')}</label>
          <input
            id="visit-photo"
            ref={photoInput}
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => void pickPhoto(e.target.files?.[0])}
            aria-invalid={!!errors.photo}
            aria-describedby={describedBy('photo')}
          />
          {photoBusy && <span className="muted small">{t('photo.preparing')}</span>}
          {fieldError('photo')}
          {(photo || errors.photo) && (
            <div className="photo-preview">
              {photo && (
                <>
                  <img src={`data:${photo.mimeType};base64,${photo.dataBase64}`} alt={t('photo.preview')} />
                  <span className="muted small">
                    {t('photo.size', { width: photo.width, height: photo.height, kb: Math.ceil(photo.bytes / 1024) })}
                  </span>
                </>
              )}
              {/* Also after a file that could not be used: the visit can then be saved without a photo. */}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setPhoto(null);
                  const { photo: _refused, ...rest } = errors;
                  setErrors(rest);
                  if (photoInput.current) photoInput.current.value = '';
                }}
              >
                {t('photo.remove')}
              </button>
            </div>
          )}
        </div>
        <div className="actions">
          <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
            {t('visit.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || photoBusy}>
            {t('visit.save')}
          </button>
        </div>
      </form>
    </main>
  );
}
