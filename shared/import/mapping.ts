import { fieldsOf } from './fields';
import type { ColumnMapping, ImportKind } from './types';

/** A header as compared: lower case, no spaces, punctuation, brackets or a trailing "*" for required. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s_\-./\\()（）[\]【】:：*＊#]+/g, '');
}

/**
 * Which column holds which field, suggested from the header names: a header equal to one of a
 * field's names (Chinese or English, or the field's key) maps to it. Each column maps to one
 * field at most and each field to one column; earlier aliases win ("客户名称" before "名称").
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  // Pass by alias rank, so a field's best name claims its column before another field's weaker one.
  const fields = fieldsOf(kind);
  const maxRank = Math.max(...fields.map((x) => x.aliases.length + 1));
  for (let rank = 0; rank < maxRank; rank++) {
    for (const field of fields) {
      if (mapping[field.key] !== undefined) continue;
      const names = [normalizeHeader(field.key), ...field.aliases.map(normalizeHeader)];
      const name = names[rank];
      if (name === undefined) continue;
      const column = normalized.findIndex((h, i) => h === name && !taken.has(i));
      if (column >= 0) {
        mapping[field.key] = column;
        taken.add(column);
      }
    }
  }
  return mapping;
}

/** Problems with a mapping itself (not with the rows): unknown fields, columns out of range or used twice, required fields unmapped. */
export function mappingProblems(kind: ImportKind, headers: readonly string[], mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const known = new Set(fieldsOf(kind).map((x) => x.key));
  const used = new Map<number, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (column === undefined) continue;
    if (!known.has(field)) problems.push(`Unknown field "${field}" for ${kind}`);
    else if (!Number.isInteger(column) || column < 0 || column >= headers.length) problems.push(`Field "${field}" is mapped to column ${column}, which does not exist`);
    else if (used.has(column)) problems.push(`Column "${headers[column]}" is mapped to both "${used.get(column)}" and "${field}"`);
    else used.set(column, field);
  }
  for (const field of fieldsOf(kind)) {
    if (field.required && mapping[field.key] === undefined) problems.push(`The required field "${field.key}" is not mapped to a column`);
  }
  return problems;
}
