import type { Customer, CustomerTier } from '../schemas';
import { addDays } from './days';
import type { VisitIndex } from './visitIndex';

export interface TierCoverage {
  total: number;
  covered: number;
  /** Share covered, 0–1; null when the rep has no customer of the tier. */
  rate: number | null;
  coveredIds: string[];
  uncoveredIds: string[];
}

export interface CoverageRow {
  /** The customer's owner (responsible rep). */
  repId: string;
  tiers: Record<string, TierCoverage>;
}

export interface Coverage {
  tiers: CustomerTier[];
  /** First day that counts as "visited recently": asOf − withinDays. */
  since: string;
  rows: CoverageRow[];
  team: Record<string, TierCoverage>;
}

export interface CoverageOptions {
  /** Tiers to report, e.g. ['A', 'B']. */
  tiers: readonly CustomerTier[];
  /** A customer is covered when their latest submitted contact is at most this many days before `index.asOf`. */
  withinDays: number;
  repIds?: readonly string[];
}

const emptyTier = (): TierCoverage => ({ total: 0, covered: 0, rate: null, coveredIds: [], uncoveredIds: [] });

function finish(t: TierCoverage): void {
  t.rate = t.total === 0 ? null : t.covered / t.total;
}

/**
 * Coverage of the important customers: of each rep's A and B customers (by owner), how many
 * had a submitted contact (by anyone) within the last N days. Uses the visit index's latest
 * contact per customer, so it is one pass over the customers.
 */
export function coverage(customers: readonly Customer[], index: VisitIndex, { tiers, withinDays, repIds = [] }: CoverageOptions): Coverage {
  const since = addDays(index.asOf, -withinDays);
  const tierList = [...new Set(tiers)];
  const newRow = (repId: string): CoverageRow => ({ repId, tiers: Object.fromEntries(tierList.map((t) => [t, emptyTier()])) });
  const rows = new Map<string, CoverageRow>();
  for (const id of new Set(repIds)) rows.set(id, newRow(id));
  const team: Record<string, TierCoverage> = Object.fromEntries(tierList.map((t) => [t, emptyTier()]));
  const extra: string[] = [];

  for (const customer of customers) {
    const tier = customer.assessment?.tier;
    if (!tier || !tierList.includes(tier)) continue;
    let row = rows.get(customer.ownerId);
    if (!row) {
      row = newRow(customer.ownerId);
      rows.set(customer.ownerId, row);
      extra.push(customer.ownerId);
    }
    const last = index.lastByCustomer.get(customer.id);
    const covered = last !== undefined && last.day >= since;
    for (const t of [row.tiers[tier]!, team[tier]!]) {
      t.total += 1;
      if (covered) {
        t.covered += 1;
        t.coveredIds.push(customer.id);
      } else {
        t.uncoveredIds.push(customer.id);
      }
    }
  }
  extra.sort();
  const ordered = [...new Set([...repIds, ...extra])].map((id) => rows.get(id)!);
  for (const row of ordered) for (const t of Object.values(row.tiers)) finish(t);
  for (const t of Object.values(team)) finish(t);
  return { tiers: tierList, since, rows: ordered, team };
}
