import { decodeText, type TextEncodingName } from './decodeText';
import { parseCsv } from './parseCsv';
import { parseXlsx } from './parseXlsx';
import { ImportFileError, type Table } from './types';

export interface ReadTableResult {
  table: Table;
  format: 'csv' | 'xlsx';
  /** The text encoding found (CSV only). */
  encoding?: TextEncodingName;
}

/** A zip container (.xlsx) starts with "PK\x03\x04"; an old binary .xls with the OLE signature. */
const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Reads a CSV or .xlsx file by its content (the name only decides what to say about an .xls). */
export async function readTable(bytes: Uint8Array, fileName = ''): Promise<ReadTableResult> {
  if (bytes.length === 0) throw new ImportFileError('empty', 'The file is empty');
  if (isZip(bytes)) return { table: await parseXlsx(bytes), format: 'xlsx' };
  if (isOle(bytes) || /\.xls$/i.test(fileName)) {
    throw new ImportFileError('unsupported', 'Old Excel (.xls) files are not supported: save the sheet as .xlsx or CSV');
  }
  const { text, encoding } = decodeText(bytes);
  return { table: parseCsv(text), format: 'csv', encoding };
}
