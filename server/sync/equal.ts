/**
 * Deep equality of JSON documents, ignoring the order of object keys, keys whose value is
 * undefined, and the given top-level keys (server-owned fields, RxDB's local metadata).
 */
const RXDB_LOCAL_FIELDS = ['_meta', '_rev', '_attachments'] as const;

function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equalJson(item, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) {
    if (!equalJson(ao[key], bo[key])) return false;
  }
  return true;
}

export function docsEqual(a: unknown, b: unknown, ignore: readonly string[] = []): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return equalJson(a, b);
  const skip = new Set<string>([...ignore, ...RXDB_LOCAL_FIELDS]);
  const strip = (doc: object) => Object.fromEntries(Object.entries(doc).filter(([key]) => !skip.has(key)));
  return equalJson(strip(a), strip(b));
}
