import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../shared/domain/importing.js';
import type { ApiCallError } from '../api/client.js';
import { ImportExportButtons } from '../importing/ImportExportButtons.js';
import { DataTable, type Column, type SortState } from '../ui/DataTable.js';
import { FilterSelect } from '../ui/Fields.js';
import { ErrorNotice, PageHeader } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { SearchBox } from './SearchBox.js';
import { useMay } from '../people/actor.js';

/** One filter of the toolbar: a select whose empty value means "all". */
export interface ListFilter {
  label: string;
  value: string;
  onChange(value: string): void;
  options: Array<{ value: string | number; label: string }>;
}

interface Props<T extends { id: number }> {
  title: string;
  subtitle: string;
  /** The import/export buttons' entity. */
  entity: ImportEntity;
  addLabel: string;
  /** The contract method "add" calls: the button shows only to people whose roles allow it. */
  addMethod: 'distributor.create' | 'subDealer.create' | 'terminal.create';
  onAdd(): void;
  searchLabel: string;
  search: string;
  onSearch(value: string): void;
  filters: ListFilter[];
  /** The long list, fetched page by page as it scrolls (renderer/ui/usePagedList.ts). */
  list: {
    total: number;
    getRow(index: number): T | undefined;
    onVisibleRangeChange(start: number, end: number): void;
    isLoading: boolean;
    error: ApiCallError | null;
  };
  columns: Column<T>[];
  sort: SortState;
  onSortChange(sort: SortState): void;
  onRowActivate(row: T): void;
  emptyText: string;
  /** The screen's dialogs (form, delete, contacts). */
  children?: ReactNode;
}

/**
 * The shape the network's long lists share (distributors, sub-dealers, terminals): header with
 * import/export and "add", a toolbar of search and filters with the count, a virtualised table
 * that loads the pages on screen, and the screen's own dialogs.
 */
export function EntityListPage<T extends { id: number }>(p: Props<T>) {
  const { t } = useTranslation(['network', 'common']);
  const mayAdd = useMay(p.addMethod);
  return (
    <div className="page page-fill">
      <PageHeader
        title={p.title}
        subtitle={p.subtitle}
        actions={
          <>
            <ImportExportButtons entity={p.entity} />
            {mayAdd && (
              <button type="button" className="button button-primary" onClick={p.onAdd}>
                {p.addLabel}
              </button>
            )}
          </>
        }
      >
        <div className="toolbar">
          <SearchBox label={p.searchLabel} value={p.search} onChange={p.onSearch} />
          {p.filters.map((f) => (
            <FilterSelect
              key={f.label}
              label={f.label}
              value={f.value}
              onChange={f.onChange}
              options={f.options}
              allLabel={t('all', { ns: 'common' })}
            />
          ))}
          <span className="count">{t('countOf', { count: p.list.total, n: formatNumber(p.list.total), ns: 'common' })}</span>
        </div>
      </PageHeader>
      <ErrorNotice error={p.list.error} />
      <div className="table-fill">
        <DataTable
          label={p.title}
          columns={p.columns}
          rowCount={p.list.total}
          getRow={p.list.getRow}
          rowKey={(row) => row.id}
          onVisibleRangeChange={p.list.onVisibleRangeChange}
          onRowActivate={p.onRowActivate}
          sort={p.sort}
          onSortChange={p.onSortChange}
          empty={p.list.isLoading ? t('loading', { ns: 'common' }) : p.emptyText}
        />
      </div>
      {p.children}
    </div>
  );
}
