/** Read and write nested values by dotted path ("address.city"). Plain objects only. */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function getPath(source: unknown, path: string): unknown {
  let node: unknown = source;
  for (const key of path.split('.')) {
    if (!isObj(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets a value, creating intermediate objects. Mutates `target`. */
export function setPath(target: Obj, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    if (!isObj(next)) node[key] = {};
    node = node[key] as Obj;
  }
  node[last] = value;
}

/** Removes a value and any parent objects left empty by it. Mutates `target`. */
export function deletePath(target: Obj, path: string): void {
  const keys = path.split('.');
  const chain: Obj[] = [target];
  for (const key of keys.slice(0, -1)) {
    const next = chain[chain.length - 1]?.[key];
    if (!isObj(next)) return;
    chain.push(next);
  }
  delete chain[chain.length - 1]?.[keys[keys.length - 1] as string];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i] as Obj).length > 0) break;
    delete chain[i - 1]?.[keys[i - 1] as string];
  }
}
