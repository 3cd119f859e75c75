import type { ReactNode } from 'react';

/** A column's heading: text, or a label with `numeric` for a column of figures (right-aligned, like its `.number` cells). */
export type Column = string | { label: ReactNode; numeric?: boolean };

/** A table's header row, one `th scope="col"` a column. */
export function ColumnHeadings({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          const { label, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column;
          return (
            <th key={index} scope="col" className={numeric ? 'number' : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** A table of rows (`children`, the body's) that scrolls sideways on a narrow screen instead of widening the page. */
export function ScrollingTable({
  columns,
  caption,
  busy,
  children,
}: {
  columns: readonly Column[];
  caption?: ReactNode;
  /** aria-busy while a new page of rows loads. */
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table aria-busy={busy}>
        {caption && <caption>{caption}</caption>}
        <ColumnHeadings columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Columns of figures. */
export const figures = (...labels: string[]): Column[] => labels.map((label) => ({ label, numeric: true }));
