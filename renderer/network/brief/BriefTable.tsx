import type { ReactNode } from 'react';

export interface BriefColumn<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Figures are right-aligned (class `num`); other cells may ask for `wrap`, `nowrap` or `ellipsis`. */
  className?: string;
  /** The cell's tooltip: the whole text of a cell that may be cut short. */
  title?: (row: T) => string | undefined;
}

/**
 * The brief's compact tables: a header row, a row an item, and optional closing rows (an "others"
 * row, a total). Each section says only its columns; the markup, the accessible name and the print
 * styles (brief.css) are the same everywhere.
 */
export function BriefTable<T>({
  label,
  columns,
  rows,
  rowKey,
  className,
  after,
  foot,
}: {
  label: string;
  columns: Array<BriefColumn<T>>;
  rows: T[];
  rowKey: (row: T) => string | number;
  className?: string;
  /** Rows after the items, inside the body (e.g. the rest summed up). */
  after?: ReactNode;
  /** The footer's rows (e.g. a total). */
  foot?: ReactNode;
}) {
  return (
    <table className={`plain compact${className ? ` ${className}` : ''}`} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} className={c.className?.includes('num') ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c, i) => (
              <td key={i} className={c.className} title={c.title?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
        {after}
      </tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
}
