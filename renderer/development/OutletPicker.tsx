import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutletCandidate } from '../../shared/contract/development.js';
import { useOutletCandidates } from './queries.js';

/** Finds a sub-dealer or terminal by name, code or address; Enter or a click picks it. */
export function OutletPicker({
  label,
  exclude,
  onPick,
  includeActive = true,
  notInPipeline = false,
}: {
  label: string;
  exclude?: Set<string>;
  onPick(o: OutletCandidate): void;
  includeActive?: boolean;
  notInPipeline?: boolean;
}) {
  const { t } = useTranslation('development');
  const inputId = useId();
  const [text, setText] = useState('');
  const term = text.trim();
  const found = useOutletCandidates(term, includeActive);
  const options = (found.data ?? []).filter((o) => !exclude?.has(`${o.outletType}:${o.outletId}`) && !(notInPipeline && o.inPipeline));
  const pick = (o: OutletCandidate) => {
    onPick(o);
    setText('');
  };
  return (
    <div className="outlet-picker">
      <div className="search">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="search"
          value={text}
          placeholder={t('picker.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && options[0]) {
              e.preventDefault();
              pick(options[0]);
            }
          }}
        />
      </div>
      {term.length >= 2 && found.data && (
        <ul className="picker-results" role="listbox" aria-label={t('picker.results')}>
          {options.length === 0 && <li className="muted">{t('picker.none')}</li>}
          {options.slice(0, 8).map((o) => (
            <li key={`${o.outletType}:${o.outletId}`} role="option" aria-selected={false}>
              <button type="button" className="link-button" onClick={() => pick(o)}>
                {o.name}
              </button>{' '}
              <span className="muted small">
                {t(`type.${o.outletType}`)} · {o.code} · {o.areaName}
                {o.stage ? ` · ${t(`stage.${o.stage}`)}` : ''}
                {o.hasCoordinates ? '' : ` · ${t('picker.noCoordinates')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
