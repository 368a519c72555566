import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './DataTable.module.css';
import { EmptyState } from './EmptyState.tsx';
import { useSectionHeadingId } from './Section.tsx';

export type Column<Row> = {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Keeps short values such as dates and CPR numbers on one line. */
  nowrap?: boolean;
  /** Marks the cell that names the row; it becomes a row header for screen readers. */
  rowHeader?: boolean;
};

export type DataTableProps<Row> = {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  emptyText: string;
  /** Accessible name; defaults to the enclosing Section's heading. */
  label?: string;
  /**
   * Shown above the table, e.g. what it is filtered to. Focusable by script (not by Tab), so a page
   * can move focus to it when it opens or narrows the table.
   */
  caption?: ReactNode;
  footer?: ReactNode;
  /**
   * On a phone (below 48em) each row becomes a card, every cell a line under its column's name,
   * so no column is off screen and the page never scrolls sideways.
   */
  stackOnNarrow?: boolean;
};

export function DataTable<Row>({ columns, rows, rowKey, emptyText, label, caption, footer, stackOnNarrow = false }: DataTableProps<Row>) {
  const headingId = useSectionHeadingId();
  if (rows.length === 0) return <EmptyState text={emptyText} />;
  const naming = label ? { 'aria-label': label } : { 'aria-labelledby': headingId };
  return (
    // A keyboard-focusable scroll region, so narrow screens can scroll wide tables without a mouse.
    <div role="region" tabIndex={0} {...naming} style={{ overflowX: 'auto' }} className={stackOnNarrow ? classes.scroll : undefined}>
      <Table striped={!stackOnNarrow} highlightOnHover withTableBorder verticalSpacing="xs" className={stackOnNarrow ? classes.stacked : undefined} captionSide="top" {...naming}>
        {caption ? (
          <Table.Caption tabIndex={-1} ta="left">
            {caption}
          </Table.Caption>
        ) : null}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" ta={c.numeric ? 'right' : 'left'}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <Table.Th key={c.key} scope="row" fw={500}>
                    {c.render(row)}
                  </Table.Th>
                ) : (
                  <Table.Td
                    key={c.key}
                    ta={c.numeric ? 'right' : 'left'}
                    style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                    data-label={stackOnNarrow && c.header ? c.header : undefined}
                  >
                    {stackOnNarrow ? <div className={classes.value}>{c.render(row)}</div> : c.render(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer ? <Table.Tfoot>{footer}</Table.Tfoot> : null}
      </Table>
    </div>
  );
}
