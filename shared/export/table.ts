/**
 * A report or list as exported: exactly the rows and columns on screen (after the filters),
 * headers already in the UI language. CSV and xlsx are written from this one shape.
 */
export type CellValue = string | number | null;

export type ColumnKind = 'text' | 'number' | 'money' | 'percent';

export interface ExportColumn {
  header: string;
  kind?: ColumnKind;
}

export interface ExportTable {
  /** Sheet name and file name stem, e.g. "visits-per-week". */
  name: string;
  columns: ExportColumn[];
  rows: CellValue[][];
  /** The filters the rows were produced with, as label/value pairs in the UI language. */
  filters?: [string, string][];
}

/** A file name: the stem, the day and the extension, with nothing a file system would refuse. */
export function exportFileName(stem: string, day: string, extension: 'csv' | 'xlsx'): string {
  const safe = stem.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'export';
  return `${safe}-${day}.${extension}`;
}
