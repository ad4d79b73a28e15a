import { CUSTOMER_TIERS, type Comment, type Customer, type CustomerTier } from '../schemas';

/**
 * Tier history: every change of a customer's value tier made in the app is recorded as an
 * append-only `tier_change` comment on the customer, so the history syncs and is readable
 * offline (the server's audit trail is not on the laptop).
 */

export function tierChangeComment(
  customer: Pick<Customer, 'id' | 'territoryId'>,
  from: CustomerTier | undefined,
  to: CustomerTier,
  { id, authorId, at, text }: { id: string; authorId: string; at: string; text: string },
): Comment {
  return {
    id,
    territoryId: customer.territoryId,
    customerId: customer.id,
    targetCollection: 'customers',
    targetId: customer.id,
    kind: 'tier_change',
    authorId,
    text,
    at,
    ...(from ? { tierFrom: from } : {}),
    tierTo: to,
    createdAt: at,
    updatedAt: at,
    createdBy: authorId,
    updatedBy: authorId,
  };
}

/** 1 for an upgrade (towards A), -1 for a downgrade, 0 for none; no tier before counts as below D. */
export function tierDirection(from: CustomerTier | undefined, to: CustomerTier | undefined): -1 | 0 | 1 {
  const rank = (t: CustomerTier | undefined) => (t ? CUSTOMER_TIERS.length - CUSTOMER_TIERS.indexOf(t) : 0);
  const d = rank(to) - rank(from);
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

export function isTierChange(c: Comment): c is Comment & { tierTo: CustomerTier } {
  return c.kind === 'tier_change' && c.targetCollection === 'customers' && c.tierTo !== undefined;
}
