/**
 * Canonical JSON text: object keys sorted, keys whose value is undefined left out, no spaces.
 * Equal JSON values give equal text whatever their key order, so the text can be hashed (the
 * audit chain hashes it; a document read back from SQLite text or PostgreSQL jsonb gives the
 * same text as the value that was written).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
