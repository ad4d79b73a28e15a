import type { Customer } from '../../../../shared/schemas';
import type { FieldbookDatabase } from '../../db/database';

/** Customer codes are unique across the organisation; checked locally before saving. */
export async function isCodeTaken(db: FieldbookDatabase, code: string, exceptId?: string): Promise<boolean> {
  const found = await db.customers.findOne({ selector: { code } }).exec();
  return found !== null && found.id !== exceptId;
}

/** Writes the whole document locally; sync picks it up from there. */
export async function saveCustomer(db: FieldbookDatabase, doc: Customer): Promise<void> {
  await db.customers.upsert(doc);
}
