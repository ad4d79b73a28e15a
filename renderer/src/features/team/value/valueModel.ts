import { CUSTOMER_TIERS, type Customer, type CustomerTier } from '../../../../../shared/schemas';
import { pareto, valueShareOfTop, valueTiers, type ParetoPoint, type RankedCustomer, type TierConfig, type ValueTiers } from '../../../../../shared/reports/valueTiers';
import type { LooseT } from '../../../i18n';
import { drillKey } from '../drill';
import type { ScreenTable } from '../screenTable';

export interface ValueReport {
  tiers: ValueTiers;
  curve: ParetoPoint[];
  /** Share of value of the top 20% of customers. */
  top20: number;
  /** Suggestions not rejected by this manager. */
  suggestions: RankedCustomer[];
  rejectedCount: number;
}

export function computeValue(customers: readonly Customer[], config: TierConfig, rejected: Readonly<Record<string, CustomerTier>>): ValueReport {
  const tiers = valueTiers(customers, config);
  const suggestions = tiers.suggestions.filter((s) => rejected[s.customerId] !== s.suggested);
  return { tiers, curve: pareto(tiers.ranked), top20: valueShareOfTop(tiers.ranked, 0.2), suggestions, rejectedCount: tiers.suggestions.length - suggestions.length };
}

type Lookup = { customer(id: string): Customer | undefined; name(userId: string): string };

/** Ranked customers (or suggestions) as a table; `ids` gives the customer of each row. */
export function rankedTable(rows: readonly RankedCustomer[], l: Lookup, t: LooseT, fileName: string): ScreenTable & { ids: string[] } {
  const ids: string[] = [];
  const cells = rows.map((r) => {
    const c = l.customer(r.customerId);
    ids.push(r.customerId);
    return [r.rank, c?.code ?? r.customerId, c?.name ?? r.customerId, c ? l.name(c.ownerId) : null, r.share, r.cumulativeShare, r.current ?? t('team.noTier'), r.suggested];
  });
  return {
    name: fileName,
    columns: [
      { header: t('team.col.rank'), kind: 'number' }, { header: t('team.col.code') }, { header: t('team.col.customer') }, { header: t('team.col.rep') },
      { header: t('team.col.valueShare'), kind: 'percent' }, { header: t('team.col.cumulativeShare'), kind: 'percent' },
      { header: t('team.col.currentTier') }, { header: t('team.col.suggestedTier') },
    ],
    rows: cells,
    links: rows.map((r) => [null, null, `/customers/${encodeURIComponent(r.customerId)}`, null, null, null, null, null]),
    ids,
  };
}

/** Customers per tier, now and as suggested; each count opens its customers. */
export function tierCountsTable(tiers: ValueTiers, t: LooseT): ScreenTable {
  const rows: (string | number | null)[][] = [];
  const drills: (string | null)[][] = [];
  for (const tier of [...CUSTOMER_TIERS, 'none'] as const) {
    const current = tiers.counts.current[tier];
    const suggested = tier === 'none' ? null : tiers.counts.suggested[tier];
    rows.push([tier === 'none' ? t('team.noTier') : tier, current, suggested]);
    drills.push([null, current ? drillKey({ kind: 'tier', tier, which: 'current' }) : null, suggested ? drillKey({ kind: 'tier', tier, which: 'suggested' }) : null]);
  }
  return {
    name: t('team.file.tiers'),
    columns: [{ header: t('team.col.tier') }, { header: t('team.col.currentCount'), kind: 'number' }, { header: t('team.col.suggestedCount'), kind: 'number' }],
    rows,
    drills,
  };
}

/** Customer ids of a tier-count figure. */
export function tierCustomerIds(customers: readonly Customer[], tiers: ValueTiers, tier: CustomerTier | 'none', which: 'current' | 'suggested'): string[] {
  if (which === 'current') return customers.filter((c) => (c.assessment?.tier ?? 'none') === tier).map((c) => c.id);
  return tiers.ranked.filter((r) => r.suggested === tier).map((r) => r.customerId);
}
