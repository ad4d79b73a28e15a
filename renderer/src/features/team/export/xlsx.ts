import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/universal';
import type { ColumnKind, ExportTable } from '../../../../../shared/export/table';

/** Number formats per column kind (Excel codes; shown in the reader's own locale). */
const FORMATS: Partial<Record<ColumnKind, string>> = { money: '#,##0.00', percent: '0.0%' };

/** Excel refuses these in sheet names and allows at most 31 characters. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

function widthOf(values: readonly unknown[]): number {
  // Wide (CJK) characters take about two columns.
  const len = (v: unknown) => [...String(v ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return Math.min(60, Math.max(8, ...values.map(len)) + 2);
}

/**
 * The table as an .xlsx workbook: one sheet with a bold, frozen header row and typed cells
 * (numbers stay numbers), and a second sheet with the filters when there are any.
 */
export async function toXlsx(table: ExportTable, filtersSheetName: string): Promise<Blob> {
  const header: Cell[] = table.columns.map((c) => ({ value: c.header, fontWeight: 'bold' }));
  const body: Cell[][] = table.rows.map((row) =>
    row.map((value, i) => {
      if (value === null) return null;
      const format = FORMATS[table.columns[i]?.kind ?? 'text'];
      if (typeof value === 'number') return format ? { value, type: Number, format } : { value, type: Number };
      return { value, type: String };
    }),
  );
  const sheets: Sheet<Blob>[] = [{
    data: [header, ...body],
    sheet: sheetName(table.name),
    stickyRowsCount: 1,
    columns: table.columns.map((c, i) => ({ width: widthOf([c.header, ...table.rows.slice(0, 200).map((r) => r[i])]) })),
  }];
  if (table.filters?.length) {
    sheets.push({
      data: table.filters.map(([label, value]) => [{ value: label, fontWeight: 'bold' }, { value, type: String }]),
      sheet: sheetName(filtersSheetName),
      columns: [{ width: widthOf(table.filters.map((f) => f[0])) }, { width: widthOf(table.filters.map((f) => f[1])) }],
    });
  }
  return writeXlsxFile(sheets).toBlob();
}
