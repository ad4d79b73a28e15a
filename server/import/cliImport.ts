import { readFileSync } from 'node:fs';
import type { ImportResult } from '../../shared/import/api';
import { fieldsOf } from '../../shared/import/fields';
import { mappingProblems, normalizeHeader, suggestMapping } from '../../shared/import/mapping';
import { formatRowError } from '../../shared/import/messages';
import { readTable } from '../../shared/import/readTable';
import { ImportFileError, type ColumnMapping, type ImportKind, type Table } from '../../shared/import/types';

/**
 * The CLI side of `import`: read the file and settle the column mapping before the store is
 * opened (any problem here is a usage error that touches nothing), and print the outcome.
 */
export class ImportArgumentError extends Error {
  override name = 'ImportArgumentError';
}

export async function readImportFile(path: string): Promise<{ table: Table; description: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new ImportArgumentError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const { table, format, encoding } = await readTable(bytes, path);
    return { table, description: `${format.toUpperCase()}${encoding ? ` (${encoding})` : ''}, ${table.rows.length} data rows` };
  } catch (error) {
    if (error instanceof ImportFileError) throw new ImportArgumentError(`${path}: ${error.message}`);
    throw error;
  }
}

/**
 * The suggested mapping, changed by `--map field=Header,field=#3,field=` (a header name, a
 * 1-based column number, or nothing to leave the field out).
 */
export function mappingFor(kind: ImportKind, headers: readonly string[], option: string | undefined): ColumnMapping {
  const mapping = suggestMapping(kind, headers);
  const known = fieldsOf(kind).map((x) => x.key);
  for (const part of (option ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new ImportArgumentError(`--map expects field=column, got "${part}"`);
    const field = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (!known.includes(field)) throw new ImportArgumentError(`Unknown field "${field}" for ${kind} (fields: ${known.join(', ')})`);
    if (column === '') {
      delete mapping[field];
      continue;
    }
    const index = /^#\d+$/.test(column) ? Number(column.slice(1)) - 1 : headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(column));
    if (index < 0 || index >= headers.length) throw new ImportArgumentError(`No column "${column}" in the file (columns: ${headers.join(', ')})`);
    for (const [f, c] of Object.entries(mapping)) if (c === index && f !== field) delete mapping[f];
    mapping[field] = index;
  }
  const problems = mappingProblems(kind, headers, mapping);
  if (problems.length > 0) throw new ImportArgumentError(problems.join('; '));
  return mapping;
}

export function describeMapping(headers: readonly string[], mapping: ColumnMapping): string {
  return Object.entries(mapping).sort((a, b) => a[1]! - b[1]!).map(([field, column]) => `${field}←"${headers[column!]}"`).join(', ');
}

/** `refused`: a commit stopped by invalid rows (nothing was written). */
export function printImportResult(result: ImportResult, out: (line: string) => void, refused = false): void {
  for (const error of result.errors) out(formatRowError(error));
  const invalid = result.total - result.valid;
  out(`${result.total} rows: ${result.valid} valid, ${invalid} with errors`);
  const counts = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
  if (refused) out(`Nothing imported. With the valid rows only (--valid-only) it would give: ${counts}`);
  else if (result.mode === 'preview') out(`Dry run, nothing written. Importing would give: ${counts}`);
  else out(`Imported: ${counts}${result.skipped ? `; ${result.skipped} invalid rows skipped` : ''}`);
  if (result.passwords && result.passwords.length > 0) {
    out('One-time passwords of the new users (shown only now; hand them over privately):');
    for (const p of result.passwords) out(`  ${p.userName}  ${p.password}`);
  }
}
