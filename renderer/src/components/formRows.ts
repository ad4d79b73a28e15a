import type { FieldErrors } from '../../../shared/validation/validateDocument';

/**
 * Editable lists (samples, concessions, key dates, contacts) leave out the rows a person left
 * blank. The document's list is then shorter than the one on screen, so an error found at
 * `samples.0.product.name` may belong to the third row shown. These helpers keep the link.
 */
export interface KeptRow<R> {
  row: R;
  /** Position of the row on screen. */
  index: number;
}

export function keepFilledRows<R>(rows: readonly R[], isBlank: (row: R) => boolean): KeptRow<R>[] {
  return rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
}

/**
 * Moves errors under `list.<kept position>.<field>...` to `list.<screen position>.<field>`,
 * the key the row editor shows next to the field (the first segment after the index).
 */
export function errorsToScreenRows(errors: FieldErrors, list: string, kept: readonly KeptRow<unknown>[]): FieldErrors {
  const out: FieldErrors = {};
  const prefix = `${list}.`;
  for (const [path, error] of Object.entries(errors)) {
    const m = path.startsWith(prefix) ? /^(\d+)\.([^.]+)/.exec(path.slice(prefix.length)) : null;
    const screen = m ? kept[Number(m[1])]?.index : undefined;
    if (m && screen !== undefined) out[`${list}.${screen}.${m[2]}`] ??= error;
    else out[path] ??= error;
  }
  return out;
}
