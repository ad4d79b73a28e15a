/** Client-generated document ids: random UUIDs, so offline devices never collide. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
