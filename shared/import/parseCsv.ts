import Papa from 'papaparse';
import { ImportFileError, MAX_IMPORT_ROWS, type Table, type TableRow } from './types';

/**
 * A CSV text as a Table. The delimiter is detected (comma, semicolon, tab); quoted cells may hold
 * line breaks, so each row's line is counted from where its record starts, not by row index.
 * Blank rows are skipped but counted, so the lines match what a text editor or Excel shows.
 */
export function parseCsv(text: string): Table {
  const rows: string[][] = [];
  const starts: number[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      starts.push(cursor);
      cursor = result.meta.cursor;
      rows.push(result.data);
    },
  });
  // Line number of each record start: count the line breaks before it, once, left to right.
  let line = 1;
  let scanned = 0;
  const table: TableRow[] = [];
  let headers: string[] | null = null;
  rows.forEach((cells, i) => {
    const start = starts[i] ?? 0;
    for (; scanned < start; scanned++) {
      const ch = text.charCodeAt(scanned);
      if (ch === 10 || (ch === 13 && text.charCodeAt(scanned + 1) !== 10)) line++;
    }
    if (cells.every((c) => c.trim() === '')) return;
    if (headers === null) {
      headers = cells.map((c) => c.trim());
      return;
    }
    table.push({ line, cells: cells.map((c) => c.trim()) });
  });
  if (headers === null) throw new ImportFileError('noHeader', 'The file has no header row');
  if (table.length > MAX_IMPORT_ROWS) throw new ImportFileError('tooManyRows', `The file has more than ${MAX_IMPORT_ROWS} rows`);
  return { headers, rows: table };
}
