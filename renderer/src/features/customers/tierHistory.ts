import type { Customer, CustomerTier } from '../../../../shared/schemas';
import { tierChangeComment } from '../../../../shared/reports/tierChange';
import { newId } from '../../../../shared/util/ids';
import type { FieldbookDatabase } from '../../db/database';

/**
 * Records a change of an existing customer's value tier as an append-only `tier_change`
 * comment (it syncs like any record): the tier history that marketing activity evaluation
 * and the customer's team read offline.
 */
export async function recordTierChange(
  db: FieldbookDatabase,
  customer: Pick<Customer, 'id' | 'territoryId'>,
  from: CustomerTier | undefined,
  to: CustomerTier | undefined,
  authorId: string,
  at: string,
): Promise<void> {
  if (!to || from === to) return;
  await db.comments.insert(tierChangeComment(customer, from, to, { id: newId(), authorId, at, text: `${from ?? '—'} → ${to}` }));
}
