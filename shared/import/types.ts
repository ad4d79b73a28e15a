/**
 * Master-data import: the shapes every side shares (the CLI, the server endpoint, the admin screen).
 * A file is read into a Table (header + rows of text cells, each with its line in the file), the
 * admin maps columns to fields, and every row is checked: errors name the line, the field and why.
 */

export const IMPORT_KINDS = ['customers', 'products', 'articles', 'users', 'territories'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: unknown): value is ImportKind =>
  typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);

export interface TableRow {
  /** Line of the row in the file as a spreadsheet shows it (the header is line 1). */
  line: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

/** Field key → column index in the table. A field missing here is not imported. */
export type ColumnMapping = Partial<Record<string, number>>;

/** Why a row cannot be imported. `code` is stable (the app translates it), `message` is English for the CLI and logs. */
export type RowErrorCode =
  | 'required' | 'tooLong' | 'invalid' | 'oneOf' | 'email' | 'phone' | 'codeFormat' | 'idFormat' | 'userNameFormat'
  | 'number' | 'nonNegative' | 'integer' | 'range' | 'date' | 'currency' | 'duplicate' | 'passwordTooShort'
  | 'unknownTerritory' | 'unknownUser' | 'unknownRole' | 'ambiguous' | 'repNeedsTerritory' | 'managerCycle' | 'publishedToDraft';

export interface RowError {
  line: number;
  /** The import field (e.g. "code", "territory"); "" for the row as a whole. */
  field: string;
  code: RowErrorCode;
  params?: Record<string, string | number>;
  message: string;
}

/** A file-level problem: not a table we can read. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(readonly code: 'empty' | 'noHeader' | 'unreadable' | 'tooManyRows' | 'unsupported', message: string) {
    super(message);
  }
}

/** Largest number of data rows in one import (about a whole country's customer master). */
export const MAX_IMPORT_ROWS = 50_000;
