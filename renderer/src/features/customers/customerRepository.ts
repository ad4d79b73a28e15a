import type { Customer } from '../../../../shared/schemas';
import type { FieldbookDatabase } from '../../db/database';
import { recordTierChange } from './tierHistory';

/** Customer codes are unique across the organisation; checked locally before saving. */
export async function isCodeTaken(db: FieldbookDatabase, code: string, exceptId?: string): Promise<boolean> {
  const found = await db.customers.findOne({ selector: { code } }).exec();
  return found !== null && found.id !== exceptId;
}

/** Writes the whole document locally; sync picks it up from there. A changed tier is recorded in the tier history. */
export async function saveCustomer(db: FieldbookDatabase, doc: Customer): Promise<void> {
  const before = await db.customers.findOne(doc.id).exec();
  await db.customers.upsert(doc);
  if (before) await recordTierChange(db, doc, before.assessment?.tier, doc.assessment?.tier, doc.updatedBy, doc.updatedAt);
}
