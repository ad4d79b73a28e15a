import type { CellValue, ExportTable } from './table';

/**
 * CSV per RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled. Prefixed with a UTF-8 byte order mark so that Excel opens Chinese
 * text correctly. Text that starts like a formula (= + - @, tab, CR) gets a leading apostrophe
 * so that a spreadsheet shows it instead of running it (CSV injection).
 */

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CellValue): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Pick<ExportTable, 'columns' | 'rows'>): string {
  const lines = [table.columns.map((c) => csvCell(c.header)), ...table.rows.map((row) => row.map(csvCell))];
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** Reads RFC 4180 CSV back into rows of strings (a leading BOM is skipped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith(BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
