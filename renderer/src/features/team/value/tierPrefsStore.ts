import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { CustomerTier } from '../../../../../shared/schemas';
import { DEFAULT_TIER_CONFIG, VALUE_FIELDS, type TierConfig } from '../../../../../shared/reports/valueTiers';

/**
 * How a manager computes tier suggestions (value fields, weights, cutoffs) and which
 * suggestions they rejected: a manager's analysis settings, kept on this computer per user
 * (UI preferences, like language). What syncs is the outcome: an accepted tier is an
 * ordinary edit of the customer, with its tier-change record.
 */
interface TierPrefsState {
  configs: Record<string, TierConfig>;
  /** Per user: customer id → the suggested tier that was rejected (a different suggestion shows again). */
  rejected: Record<string, Record<string, CustomerTier>>;
  setConfig(userId: string, config: TierConfig): void;
  reject(userId: string, customerId: string, tier: CustomerTier): void;
  restoreRejected(userId: string): void;
}

export const useTierPrefs = create<TierPrefsState>()(
  persist(
    (set) => ({
      configs: {},
      rejected: {},
      setConfig: (userId, config) => set((s) => ({ configs: { ...s.configs, [userId]: config } })),
      reject: (userId, customerId, tier) => set((s) => ({ rejected: { ...s.rejected, [userId]: { ...s.rejected[userId], [customerId]: tier } } })),
      restoreRejected: (userId) => set((s) => ({ rejected: { ...s.rejected, [userId]: {} } })),
    }),
    { name: 'fieldbook.team.tiers', version: 1 },
  ),
);

/** A stored config that is complete and sane, else the default. */
export function usableConfig(config: TierConfig | undefined): TierConfig {
  if (!config) return DEFAULT_TIER_CONFIG;
  const fields = config.fields.filter((f) => (VALUE_FIELDS as readonly string[]).includes(f.field) && Number.isFinite(f.weight) && f.weight >= 0);
  const [a, b, c] = config.cutoffs;
  const cutoffsOk = [a, b, c].every((n) => Number.isFinite(n) && n! >= 0 && n! <= 100) && a! <= b! && b! <= c!;
  if (fields.length === 0 || !cutoffsOk || !['customers', 'value'].includes(config.basis)) return DEFAULT_TIER_CONFIG;
  return { fields, basis: config.basis, cutoffs: [a!, b!, c!] };
}
