import type { ColumnMapping, ImportKind, RowError, Table } from './types';

/**
 * POST /api/admin/import/:kind (admins only). The app sends the table it read and the mapping the
 * admin chose; the server checks every row again (with the organisation's data) and, in `commit`
 * mode, writes. `preview` writes nothing and says what a commit would do.
 */
export const IMPORT_API = {
  route: '/api/admin/import/:kind',
  path: (kind: ImportKind) => `/api/admin/import/${kind}`,
} as const;

export type ImportMode = 'preview' | 'commit';

export interface ImportRequest {
  mode: ImportMode;
  table: Table;
  mapping: ColumnMapping;
  /** Import the valid rows and skip the others. Without it, one invalid row stops the whole import. */
  validOnly?: boolean;
}

/** A generated one-time password for a user the import created (shown once, never stored in clear). */
export interface IssuedPassword {
  userName: string;
  password: string;
}

export interface ImportResult {
  kind: ImportKind;
  mode: ImportMode;
  /** Data rows in the table. */
  total: number;
  /** Rows that would be / were applied. */
  valid: number;
  errors: RowError[];
  /** What a commit does (preview) or did (commit) with the valid rows. */
  created: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out (commit with validOnly). */
  skipped: number;
  /** Users import: one-time passwords of created users who had no password in the file. */
  passwords?: IssuedPassword[];
}

/** The answer to a commit refused because rows are invalid (status 422): nothing was written. */
export interface ImportRefusal {
  code: 'bad_request';
  message: string;
  errors: RowError[];
}
