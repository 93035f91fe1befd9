import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInMode } from '../../../shared/contract/people.js';
import { SelectField, TextField } from '../../ui/Fields.js';
import { useFormErrors } from '../../ui/form.js';
import { Card } from '../../ui/Page.js';
import { useToast } from '../../ui/Toasts.js';
import { useSetSignInMode } from '../mutations.js';

/** Password or no-password sign-in; passwords need the administrator to have one first. */
export function SignInModeCard({ mode, adminHasPassword }: { mode: SignInMode | null; adminHasPassword: boolean }) {
  const { t } = useTranslation('admin');
  const toast = useToast();
  const errors = useFormErrors();
  const save = useSetSignInMode();
  const [choice, setChoice] = useState<SignInMode>(mode ?? 'none');
  const [adminPassword, setAdminPassword] = useState('');
  const needsAdminPassword = choice === 'password' && !adminHasPassword;
  const submit = async () => {
    errors.clear();
    try {
      await save.mutateAsync({ mode: choice, ...(adminPassword ? { adminPassword } : {}) });
      setAdminPassword('');
      toast({ tone: 'success', text: t('mode.saved') });
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Card title={t('mode.title')}>
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <SelectField
        label={t('mode.label')}
        value={choice}
        onChange={(e) => setChoice(e.target.value as SignInMode)}
        options={[
          { value: 'none', label: t('mode.none') },
          { value: 'password', label: t('mode.password') },
        ]}
        hint={choice === 'none' ? t('mode.noneHint') : t('mode.passwordHint')}
      />
      {needsAdminPassword && (
        <TextField
          label={t('mode.adminPassword')}
          type="password"
          autoComplete="new-password"
          value={adminPassword}
          onChange={(e) => setAdminPassword(e.target.value)}
          error={errors.errorFor('adminPassword')}
        />
      )}
      <button type="button" className="button button-primary" onClick={() => void submit()} disabled={save.isPending || choice === mode}>
        {t('mode.save')}
      </button>
    </Card>
  );
}
