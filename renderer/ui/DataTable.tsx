import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  id: string;
  header: string;
  /** CSS grid track, e.g. '120px' or '2fr'. */
  width: string;
  align?: 'left' | 'right' | 'center';
  render(row: T): ReactNode;
  /** When set, the header sorts by this key. */
  sortKey?: string;
}

export interface SortState {
  sort: string;
  direction: 'asc' | 'desc';
}

interface DataTableProps<T> {
  label: string;
  columns: Column<T>[];
  rowCount: number;
  /** Undefined while the row's page is loading. */
  getRow(index: number): T | undefined;
  rowKey(row: T, index: number): string | number;
  onVisibleRangeChange?(start: number, end: number): void;
  onRowActivate?(row: T): void;
  sort?: SortState;
  onSortChange?(sort: SortState): void;
  rowHeight?: number;
  height?: number | string;
  empty?: ReactNode;
}

/**
 * A virtualised table: only the rows on screen exist in the DOM, so 120,000 terminals scroll as
 * smoothly as 20. ARIA table roles keep it readable and drivable by role and name.
 */
export function DataTable<T>({
  label,
  columns,
  rowCount,
  getRow,
  rowKey,
  onVisibleRangeChange,
  onRowActivate,
  sort,
  onSortChange,
  rowHeight = 34,
  height = '100%',
  empty,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const lastRange = useRef('');
  const range = `${first}:${last}`;
  if (onVisibleRangeChange && range !== lastRange.current) {
    lastRange.current = range;
    queueMicrotask(() => onVisibleRangeChange(first, last));
  }
  const template: CSSProperties = { gridTemplateColumns: columns.map((c) => c.width).join(' ') };

  const headerCell = (c: Column<T>) => {
    const active = sort && c.sortKey && sort.sort === c.sortKey;
    const ariaSort = active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : c.sortKey ? 'none' : undefined;
    return (
      <div key={c.id} role="columnheader" aria-sort={ariaSort} className={`cell align-${c.align ?? 'left'}`} title={c.header}>
        {c.sortKey && onSortChange ? (
          <button
            type="button"
            className="sort-button"
            onClick={() => onSortChange({ sort: c.sortKey!, direction: active && sort!.direction === 'asc' ? 'desc' : 'asc' })}
          >
            {c.header}
            <span className="sort-indicator" aria-hidden="true">
              {active ? (sort!.direction === 'asc' ? '▲' : '▼') : ''}
            </span>
          </button>
        ) : (
          c.header
        )}
      </div>
    );
  };

  return (
    <div className="data-table" role="table" aria-label={label} aria-rowcount={rowCount + 1} style={{ height }}>
      <div role="rowgroup" className="data-table-head">
        <div role="row" className="data-row header-row" style={template} aria-rowindex={1}>
          {columns.map(headerCell)}
        </div>
      </div>
      <div ref={scrollRef} className="data-table-body" role="rowgroup" tabIndex={-1}>
        {rowCount === 0 ? (
          <div className="table-empty">{empty ?? t('noRows')}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = getRow(item.index);
              const style: CSSProperties = {
                ...template,
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
              };
              if (!row) {
                return (
                  <div
                    key={`loading-${item.index}`}
                    role="row"
                    className="data-row loading-row"
                    style={style}
                    aria-rowindex={item.index + 2}
                  >
                    <div role="cell" className="cell skeleton" style={{ gridColumn: `1 / span ${columns.length}` }} />
                  </div>
                );
              }
              return (
                <div
                  key={rowKey(row, item.index)}
                  role="row"
                  className={`data-row${onRowActivate ? ' clickable' : ''}`}
                  style={style}
                  aria-rowindex={item.index + 2}
                  tabIndex={onRowActivate ? 0 : undefined}
                  onClick={onRowActivate ? () => onRowActivate(row) : undefined}
                  onKeyDown={onRowActivate ? (e) => e.key === 'Enter' && onRowActivate(row) : undefined}
                >
                  {columns.map((c) => (
                    <div key={c.id} role="cell" className={`cell align-${c.align ?? 'left'}`}>
                      {c.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
