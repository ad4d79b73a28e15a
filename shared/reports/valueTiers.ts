import { CUSTOMER_TIERS, type Customer, type CustomerTier } from '../schemas';

/**
 * Value-customer mining (价值客户挖掘): a score per customer from chosen numeric fields, tiers
 * A–D from the ranking, and the Pareto curve (share of value against share of customers).
 */

export const VALUE_FIELDS = ['annualSales', 'potentialValue', 'rating', 'creditLimit', 'salesLimit'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

export function valueOf(customer: Customer, field: ValueField): number | undefined {
  switch (field) {
    case 'annualSales':
    case 'potentialValue':
    case 'rating':
      return customer.assessment?.[field];
    case 'creditLimit':
    case 'salesLimit':
      return customer[field];
  }
}

export interface TierConfig {
  /** Fields and their weights; a field's contribution is the customer's share of its total. */
  fields: { field: ValueField; weight: number }[];
  /**
   * 'customers': cutoffs are shares of customers by rank (top 20% → A).
   * 'value': cutoffs are shares of cumulative value (the customers making the first 80% → A).
   */
  basis: 'customers' | 'value';
  /** Upper bounds of A, B and C in percent, ascending; the rest is D. */
  cutoffs: [number, number, number];
}

export const DEFAULT_TIER_CONFIG: TierConfig = {
  fields: [{ field: 'annualSales', weight: 1 }, { field: 'potentialValue', weight: 1 }],
  basis: 'customers',
  cutoffs: [20, 50, 80],
};

export interface RankedCustomer {
  customerId: string;
  score: number;
  /** Share of the total score (0–1). */
  share: number;
  /** Cumulative share of value of this customer and all ranked before it. */
  cumulativeShare: number;
  /** 1-based rank. */
  rank: number;
  current: CustomerTier | undefined;
  suggested: CustomerTier;
}

export interface ValueTiers {
  /** Scored customers, best first (ties: by code). */
  ranked: RankedCustomer[];
  /** Customers with none of the fields filled: no score, no suggestion. */
  unscoredIds: string[];
  /** Ranked customers whose suggested tier differs from the current one. */
  suggestions: RankedCustomer[];
  counts: { current: Record<CustomerTier | 'none', number>; suggested: Record<CustomerTier, number> };
  totalScore: number;
}

function tierFor(position: number, cutoffs: readonly number[]): CustomerTier {
  for (let i = 0; i < 3; i++) if (position < cutoffs[i]! / 100) return CUSTOMER_TIERS[i]!;
  return 'D';
}

export function valueTiers(customers: readonly Customer[], config: TierConfig): ValueTiers {
  const fields = config.fields.filter((f) => f.weight > 0);
  const totals = fields.map(() => 0);
  const scored: { customer: Customer; values: number[] }[] = [];
  const unscoredIds: string[] = [];
  const current = { A: 0, B: 0, C: 0, D: 0, none: 0 } as Record<CustomerTier | 'none', number>;
  for (const customer of customers) {
    current[customer.assessment?.tier ?? 'none'] += 1;
    let any = false;
    const values = fields.map((f, i) => {
      const v = valueOf(customer, f.field);
      if (v === undefined || !Number.isFinite(v)) return 0;
      any = true;
      totals[i]! += v;
      return v;
    });
    if (any) scored.push({ customer, values });
    else unscoredIds.push(customer.id);
  }

  const withScore = scored.map(({ customer, values }) => ({
    customer,
    score: values.reduce((s, v, i) => (totals[i]! > 0 ? s + (fields[i]!.weight * v) / totals[i]! : s), 0),
  }));
  withScore.sort((a, b) => b.score - a.score || a.customer.code.localeCompare(b.customer.code) || a.customer.id.localeCompare(b.customer.id));
  const totalScore = withScore.reduce((s, c) => s + c.score, 0);
  const n = withScore.length;
  const suggestedCounts = { A: 0, B: 0, C: 0, D: 0 } as Record<CustomerTier, number>;
  let before = 0;
  const ranked = withScore.map(({ customer, score }, i): RankedCustomer => {
    const share = totalScore > 0 ? score / totalScore : 0;
    // A customer belongs to the tier in which its rank starts (by customers) or in which the
    // value before it ends (by value): so the one that crosses 80% of value is still an A.
    const position = config.basis === 'customers' ? i / n : totalScore > 0 ? before : 1;
    before += share;
    const suggested = tierFor(position, config.cutoffs);
    suggestedCounts[suggested] += 1;
    return { customerId: customer.id, score, share, cumulativeShare: before, rank: i + 1, current: customer.assessment?.tier, suggested };
  });
  return {
    ranked,
    unscoredIds,
    suggestions: ranked.filter((r) => r.current !== r.suggested),
    counts: { current, suggested: suggestedCounts },
    totalScore,
  };
}

export interface ParetoPoint {
  /** Share of customers (0–1), best first. */
  customerShare: number;
  /** Share of value those customers bring (0–1). */
  valueShare: number;
}

/**
 * The Pareto curve at `steps` evenly spaced shares of customers (plus the origin): enough
 * points for a chart whatever the number of customers.
 */
export function pareto(ranked: readonly RankedCustomer[], steps = 100): ParetoPoint[] {
  const n = ranked.length;
  if (n === 0) return [];
  const points: ParetoPoint[] = [{ customerShare: 0, valueShare: 0 }];
  for (let s = 1; s <= steps; s++) {
    const count = Math.round((s / steps) * n);
    const valueShare = count === 0 ? 0 : ranked[count - 1]!.cumulativeShare;
    const last = points[points.length - 1]!;
    const customerShare = count / n;
    if (customerShare !== last.customerShare) points.push({ customerShare, valueShare });
  }
  return points;
}

/** Share of value the top `customerShare` of customers bring (e.g. 0.2 → "the top 20% bring 74%"). */
export function valueShareOfTop(ranked: readonly RankedCustomer[], customerShare: number): number {
  const count = Math.round(customerShare * ranked.length);
  return count === 0 ? 0 : ranked[count - 1]!.cumulativeShare;
}
