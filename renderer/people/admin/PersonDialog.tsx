import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonAccount } from '../../../shared/contract/admin.js';
import type { Region } from '../../../shared/contract/network.js';
import { STAFF_ROLES, type StaffRole } from '../../../shared/domain/network.js';
import { Dialog, DialogButtons } from '../../ui/Dialog.js';
import { SelectField, TextField } from '../../ui/Fields.js';
import { useFormErrors } from '../../ui/form.js';
import { useCreatePerson, useSetPassword, useUpdatePerson } from '../mutations.js';

/**
 * Adding a person, or changing one's name, role, regions and administration. The first region ticked
 * is the home region; the password is chosen only when adding (resetting it has its own dialog).
 */
export function PersonDialog({ person, regions, onClose }: { person: PersonAccount | null; regions: Region[]; onClose(): void }) {
  const { t } = useTranslation('admin');
  const errors = useFormErrors();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const [code, setCode] = useState(person?.code ?? '');
  const [name, setName] = useState(person?.name ?? '');
  const [role, setRole] = useState<StaffRole>(person?.role ?? 'salesperson');
  const [regionIds, setRegionIds] = useState<number[]>(person?.regionIds ?? []);
  const [admin, setAdmin] = useState(person?.admin ?? false);
  const [password, setPassword] = useState('');
  const toggleRegion = (id: number, on: boolean) => setRegionIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const submit = async () => {
    errors.clear();
    try {
      if (person) await update.mutateAsync({ personId: person.personId, name, role, regionIds, admin });
      else await create.mutateAsync({ code, name, role, regionIds, admin, password: password === '' ? null : password });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={person ? t('edit.title', { name: person.name }) : t('create.title')}
      onClose={onClose}
      footer={
        <DialogButtons
          onCancel={onClose}
          onSubmit={() => void submit()}
          label={person ? t('edit.save') : t('create.save')}
          busy={create.isPending || update.isPending}
        />
      }
    >
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <div className="form-grid">
        {!person && (
          <TextField
            label={t('field.code')}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.errorFor('code')}
          />
        )}
        <TextField
          label={t('field.name')}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.errorFor('name')}
        />
        <SelectField
          label={t('field.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          error={errors.errorFor('role')}
        />
        <fieldset className="field" aria-describedby="person-regions-hint">
          <legend>{t('field.regions')}</legend>
          {regions.map((r) => (
            <label key={r.id} className="checkbox-row">
              <input type="checkbox" checked={regionIds.includes(r.id)} onChange={(e) => toggleRegion(r.id, e.target.checked)} /> {r.name}
            </label>
          ))}
          <div
            id="person-regions-hint"
            className={errors.errorFor('regionIds') ? 'field-error' : 'field-hint'}
            role={errors.errorFor('regionIds') ? 'alert' : undefined}
          >
            {errors.errorFor('regionIds') ?? t('field.regionsHint')}
          </div>
        </fieldset>
        <label className="checkbox-row">
          <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> {t('field.admin')}
        </label>
        {errors.errorFor('admin') && (
          <div className="field-error" role="alert">
            {errors.errorFor('admin')}
          </div>
        )}
        {!person && (
          <TextField
            label={t('field.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            hint={t('field.passwordHint')}
            error={errors.errorFor('password')}
          />
        )}
      </div>
    </Dialog>
  );
}

/** Sets or resets a password; the current one is never shown (only whether there is one). */
export function PasswordDialog({ person, onClose }: { person: { personId: number; name: string }; onClose(): void }) {
  const { t } = useTranslation('admin');
  const errors = useFormErrors();
  const save = useSetPassword();
  const [password, setPassword] = useState('');
  const submit = async () => {
    errors.clear();
    try {
      await save.mutateAsync({ personId: person.personId, password });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('password.title', { name: person.name })}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={() => void submit()} label={t('password.save')} busy={save.isPending} />}
    >
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <TextField
        label={t('password.new')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint={t('password.hint')}
        error={errors.errorFor('password')}
      />
    </Dialog>
  );
}
