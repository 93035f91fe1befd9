import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../shared/domain/importing.js';
import { ImportExportButtons } from '../importing/ImportExportButtons.js';
import { DataTable, type Column } from '../ui/DataTable.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { ErrorNotice, PageHeader } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { EntityFormDialog, type FormFieldSpec, type FormValues } from './EntityFormDialog.js';

interface Props<T extends { id: number }> {
  title: string;
  subtitle: string;
  entity: ImportEntity;
  rows: T[] | undefined;
  error: { message: string } | null;
  columns: Column<T>[];
  toolbar?: ReactNode;
  newLabel: string;
  fields: FormFieldSpec[];
  initial(row?: T): FormValues;
  nameOf(row: T): string;
  save(values: FormValues, row?: T): Promise<unknown>;
  remove(row: T): Promise<unknown>;
  /** The consequence of deleting, in words, shown before the user confirms. */
  deleteText(row: T): string;
  /** Said inside the confirmation, e.g. that a record with history is archived instead. */
  deleteNotice?(row: T): ReactNode;
  children?: ReactNode;
}

/** The screen shape shared by short lists (products, staff, regions): table, form, confirmed delete. */
export function RecordsPage<T extends { id: number }>(p: Props<T>) {
  const { t } = useTranslation(['network', 'common']);
  const toast = useToast();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const rows = p.rows ?? [];
  return (
    <div className="page page-fill">
      <PageHeader
        title={p.title}
        subtitle={p.subtitle}
        actions={
          <>
            <ImportExportButtons entity={p.entity} />
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              {p.newLabel}
            </button>
          </>
        }
      >
        {p.toolbar && <div className="toolbar">{p.toolbar}</div>}
      </PageHeader>
      <ErrorNotice error={p.error} />
      {p.children}
      <div className="table-fill">
        <DataTable
          label={p.title}
          columns={p.columns}
          rowCount={rows.length}
          getRow={(i) => rows[i]}
          rowKey={(r) => r.id}
          onRowActivate={(row) => setEditing(row)}
          empty={p.rows ? t('noMatches') : t('loading', { ns: 'common' })}
        />
      </div>
      {editing && (
        <EntityFormDialog
          title={editing === 'new' ? p.newLabel : t('editRecord', { name: p.nameOf(editing) })}
          fields={p.fields}
          initial={p.initial(editing === 'new' ? undefined : editing)}
          submitLabel={t('save', { ns: 'common' })}
          onClose={() => setEditing(null)}
          dangerAction={
            editing === 'new'
              ? undefined
              : {
                  label: t('delete', { ns: 'common' }),
                  run: () => {
                    setDeleting(editing);
                    setEditing(null);
                  },
                }
          }
          onSubmit={async (values) => {
            await p.save(values, editing === 'new' ? undefined : editing);
            toast({ tone: 'success', text: t('saved', { name: String(values.name ?? values.sku ?? '') }) });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('deleteRecord', { name: p.nameOf(deleting) })}
          message={p.deleteText(deleting)}
          confirmLabel={t('delete', { ns: 'common' })}
          danger
          onCancel={() => {
            setDeleting(null);
            setDeleteError(null);
          }}
          onConfirm={async () => {
            try {
              const result = (await p.remove(deleting)) as { archived?: true } | undefined;
              toast({
                tone: 'success',
                text: result?.archived ? t('rules:archive.done', { name: p.nameOf(deleting) }) : t('deleted', { name: p.nameOf(deleting) }),
              });
              setDeleting(null);
              setDeleteError(null);
            } catch (e) {
              setDeleteError(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          {p.deleteNotice?.(deleting)}
          {deleteError && (
            <div className="notice notice-error" role="alert">
              {deleteError}
            </div>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
