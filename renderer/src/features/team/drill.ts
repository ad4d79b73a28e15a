import { CUSTOMER_TIERS, FEEDBACK_KINDS, type CustomerTier } from '../../../../shared/schemas';
import type { FeedbackKind } from '../../../../shared/reports/feedback';

/**
 * A drill-down: the records behind one figure. Kept in the URL as a short key so that Back
 * from a customer file returns to the same list.
 */
export type Drill =
  | { kind: 'visits'; repId: string | null; week: string | null }
  | { kind: 'coverage'; repId: string | null; tier: CustomerTier; which: 'all' | 'covered' | 'uncovered' }
  | { kind: 'overdue' | 'questions' | 'complaints' | 'unsent'; repId: string | null }
  | { kind: 'feedback'; productKey: string | null; feedbackKind: FeedbackKind | null }
  | { kind: 'feedbackWeek'; week: string; feedbackKind: FeedbackKind }
  | { kind: 'activity'; activityId: string; part: ActivityPart }
  | { kind: 'tier'; tier: CustomerTier | 'none'; which: 'current' | 'suggested' };

export const ACTIVITY_PARTS = ['visits', 'customers', 'feedback', 'followUps', 'tierChanges'] as const;
export type ActivityPart = (typeof ACTIVITY_PARTS)[number];

const ALL = '*';
const enc = (v: string | null) => (v === null ? ALL : encodeURIComponent(v));
const dec = (v: string | undefined): string | null => (v === undefined || v === ALL ? null : decodeURIComponent(v));
const oneOf = <T extends string>(v: string | null, allowed: readonly T[]): v is T => v !== null && (allowed as readonly string[]).includes(v);

export function drillKey(d: Drill): string {
  switch (d.kind) {
    case 'visits':
      return ['visits', enc(d.repId), enc(d.week)].join('~');
    case 'coverage':
      return ['coverage', enc(d.repId), d.tier, d.which].join('~');
    case 'overdue':
    case 'questions':
    case 'complaints':
    case 'unsent':
      return [d.kind, enc(d.repId)].join('~');
    case 'feedback':
      return ['feedback', enc(d.productKey), enc(d.feedbackKind)].join('~');
    case 'feedbackWeek':
      return ['feedbackWeek', d.week, d.feedbackKind].join('~');
    case 'activity':
      return ['activity', enc(d.activityId), d.part].join('~');
    case 'tier':
      return ['tier', d.tier, d.which].join('~');
  }
}

export function parseDrill(key: string | null): Drill | null {
  if (!key) return null;
  const [kind, a, b, c] = key.split('~');
  try {
    switch (kind) {
      case 'visits':
        return { kind, repId: dec(a), week: dec(b) };
      case 'coverage': {
        const which = c ?? '';
        if (!oneOf(b ?? null, CUSTOMER_TIERS) || !oneOf(which, ['all', 'covered', 'uncovered'] as const)) return null;
        return { kind, repId: dec(a), tier: b as CustomerTier, which };
      }
      case 'overdue':
      case 'questions':
      case 'complaints':
      case 'unsent':
        return { kind, repId: dec(a) };
      case 'feedback': {
        const fk = dec(b);
        if (fk !== null && !oneOf(fk, FEEDBACK_KINDS)) return null;
        return { kind, productKey: dec(a), feedbackKind: fk };
      }
      case 'feedbackWeek':
        if (!a || !oneOf(b ?? null, FEEDBACK_KINDS)) return null;
        return { kind, week: a, feedbackKind: b as FeedbackKind };
      case 'activity': {
        const id = dec(a);
        if (id === null || !oneOf(b ?? null, ACTIVITY_PARTS)) return null;
        return { kind, activityId: id, part: b as ActivityPart };
      }
      case 'tier':
        if (!oneOf(a ?? null, [...CUSTOMER_TIERS, 'none'] as const) || !oneOf(b ?? null, ['current', 'suggested'] as const)) return null;
        return { kind, tier: a as CustomerTier | 'none', which: b as 'current' | 'suggested' };
      default:
        return null;
    }
  } catch {
    return null; // a hand-edited URL with broken escapes
  }
}
