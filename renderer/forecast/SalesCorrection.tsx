import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetSales } from './mutations.js';
import { TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { Card } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';

/** Enter or correct one month's shipments for this distributor x SKU. */
export function SalesCorrection({ distributorId, productId }: { distributorId: number; productId: number }) {
  const { t } = useTranslation(['forecast', 'common']);
  const toast = useToast();
  const save = useSetSales();
  const errors = useFormErrors();
  const [month, setMonth] = useState('');
  const [cases, setCases] = useState('');
  return (
    <Card title={t('correctHistory')}>
      <form
        className="form-grid"
        onSubmit={async (e) => {
          e.preventDefault();
          errors.clear();
          try {
            await save.mutateAsync({ distributorId, productId, month, cases: cases.trim() === '' ? Number.NaN : Number(cases) });
            toast({ tone: 'success', text: t('historySaved') });
            setCases('');
          } catch (error) {
            errors.fromError(error);
          }
        }}
      >
        <TextField
          label={t('month')}
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          error={errors.errorFor('month')}
          required
        />
        <TextField
          label={t('casesShipped')}
          type="number"
          min={0}
          value={cases}
          onChange={(e) => setCases(e.target.value)}
          error={errors.errorFor('cases')}
          required
        />
        <div className="span-2">
          <button type="submit" className="button">
            {t('saveHistory')}
          </button>
          {errors.formError && <span className="field-error"> {errors.formError}</span>}
        </div>
      </form>
    </Card>
  );
}
