import { FEEDBACK_KINDS, type Feedback } from '../schemas';
import type { DayOf } from './days';
import { weekStart, weeksBetween } from './days';

export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export interface ProductFeedbackRow {
  /** Catalogue id, `name:<name>` for a product typed freely, '' for feedback on no product. */
  productKey: string;
  productName: string;
  counts: Record<FeedbackKind, number>;
  total: number;
}

export interface FeedbackByProductAndKind {
  kinds: readonly FeedbackKind[];
  /** Most feedback first. */
  products: ProductFeedbackRow[];
  /** Mondays of the weeks in the period. */
  weeks: string[];
  /** Per kind, count per week (aligned with `weeks`). */
  overTime: Record<FeedbackKind, number[]>;
  totals: Record<FeedbackKind, number>;
  total: number;
  /** Feedback ids behind each figure: `${productKey}|${kind}`, `${productKey}|*`, `*|${kind}`, `*|*`, `week:${week}|${kind}`. */
  feedbackIds: Map<string, string[]>;
}

const zeroCounts = (): Record<FeedbackKind, number> => Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, 0])) as Record<FeedbackKind, number>;

export function productKeyOf(f: Pick<Feedback, 'product'>): string {
  if (!f.product) return '';
  return f.product.productId ?? `name:${f.product.name}`;
}

/** Feedback captured in [from, to] by product and kind, and by kind per week. */
export function feedbackByProductAndKind(feedback: readonly Feedback[], { from, to, dayOf }: { from: string; to: string; dayOf: DayOf }): FeedbackByProductAndKind {
  const weeks = weeksBetween(from, to);
  const weekPos = new Map(weeks.map((w, i) => [w, i]));
  const products = new Map<string, ProductFeedbackRow>();
  const overTime = Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, weeks.map(() => 0)])) as Record<FeedbackKind, number[]>;
  const totals = zeroCounts();
  const feedbackIds = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const list = feedbackIds.get(key);
    if (list) list.push(id);
    else feedbackIds.set(key, [id]);
  };
  let total = 0;
  for (const f of feedback) {
    const day = dayOf(f.capturedAt);
    if (day < from || day > to) continue;
    const key = productKeyOf(f);
    let row = products.get(key);
    if (!row) {
      row = { productKey: key, productName: f.product?.name ?? '', counts: zeroCounts(), total: 0 };
      products.set(key, row);
    }
    const kind = f.kind as FeedbackKind;
    row.counts[kind] += 1;
    row.total += 1;
    totals[kind] += 1;
    total += 1;
    const week = weekStart(day);
    overTime[kind][weekPos.get(week)!]! += 1;
    for (const k of [`${key}|${kind}`, `${key}|*`, `*|${kind}`, '*|*', `week:${week}|${kind}`]) add(k, f.id);
  }
  const rows = [...products.values()].sort((a, b) => b.total - a.total || a.productName.localeCompare(b.productName));
  return { kinds: FEEDBACK_KINDS, products: rows, weeks, overTime, totals, total, feedbackIds };
}
