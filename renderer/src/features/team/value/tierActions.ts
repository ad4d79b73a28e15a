import type { CustomerTier } from '../../../../../shared/schemas';
import { localDay, nowIso } from '../../../../../shared/util/time';
import type { FieldbookDatabase } from '../../../db/database';
import { recordTierChange } from '../../customers/tierHistory';

/**
 * Sets a customer's value tier: an ordinary local edit of the customer (it syncs; the
 * server lets a manager edit the team's customers) plus its tier-change record.
 */
export async function setCustomerTier(db: FieldbookDatabase, customerId: string, tier: CustomerTier, userId: string): Promise<void> {
  const doc = await db.customers.findOne(customerId).exec();
  if (!doc) throw new Error(`Customer ${customerId} is not on this computer`);
  const from = doc.assessment?.tier;
  if (from === tier) return;
  const now = nowIso();
  await doc.incrementalModify((d) => ({ ...d, assessment: { ...d.assessment, tier, reviewedAt: localDay() }, updatedAt: now, updatedBy: userId }));
  await recordTierChange(db, doc, from, tier, userId, now);
}
