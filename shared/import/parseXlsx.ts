import { readSheet } from 'read-excel-file/universal';
import { ImportFileError, MAX_IMPORT_ROWS, type Table, type TableRow } from './types';

/** A cell as text: numbers as written (no thousands separators), dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value).trim();
}

/** The first sheet of an .xlsx workbook as a Table; the first non-blank row is the header. */
export async function parseXlsx(bytes: Uint8Array): Promise<Table> {
  let data: unknown[][];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    data = (await readSheet(buffer)) as unknown[][];
  } catch (error) {
    throw new ImportFileError('unreadable', `Not a readable Excel (.xlsx) file: ${error instanceof Error ? error.message : String(error)}`);
  }
  let headers: string[] | null = null;
  const rows: TableRow[] = [];
  data.forEach((raw, i) => {
    const cells = raw.map(cellText);
    if (cells.every((c) => c === '')) return;
    if (headers === null) headers = cells;
    else rows.push({ line: i + 1, cells });
  });
  if (headers === null) throw new ImportFileError('noHeader', 'The sheet has no header row');
  if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError('tooManyRows', `The sheet has more than ${MAX_IMPORT_ROWS} rows`);
  return { headers, rows };
}
