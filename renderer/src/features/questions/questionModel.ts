import { QUESTION_TYPES, type Customer, type Product, type Question } from '../../../../shared/schemas';

/** What the "ask an expert" form edits. */
export interface AskValues {
  text: string;
  type: Question['type'];
  /** '' when the question did not come from a customer. */
  customerId: string;
  /** Catalogue product id, '' for none. */
  productId: string;
  /** Beyond approved product information: goes to medical affairs instead of the experts. */
  medical: boolean;
}

export const QUESTION_TEXT_MAX = 20_000;
export const ANSWER_TEXT_MAX = 20_000;

export function emptyAskValues(prefill: Partial<AskValues> = {}): AskValues {
  return { text: '', type: 'product_service', customerId: '', productId: '', medical: false, ...prefill };
}

export function validateAsk(v: AskValues): Partial<Record<'text' | 'type', 'required' | 'tooLong'>> {
  const errors: Partial<Record<'text' | 'type', 'required' | 'tooLong'>> = {};
  if (!v.text.trim()) errors.text = 'required';
  else if (v.text.length > QUESTION_TEXT_MAX) errors.text = 'tooLong';
  if (!QUESTION_TYPES.includes(v.type)) errors.type = 'required';
  return errors;
}

export interface AskContext {
  id: string;
  now: string;
  user: { id: string; territoryId: string };
  customer: Pick<Customer, 'id' | 'territoryId'> | null;
  products: readonly Pick<Product, 'id' | 'name'>[];
}

/**
 * The question document: in the customer's territory when it came from a customer (so it
 * lands on that customer's file), else in the asker's home territory.
 */
export function buildQuestion(v: AskValues, ctx: AskContext): Question {
  const product = ctx.products.find((p) => p.id === v.productId);
  return {
    id: ctx.id,
    territoryId: ctx.customer?.territoryId ?? ctx.user.territoryId,
    askedBy: ctx.user.id,
    ...(ctx.customer ? { customerId: ctx.customer.id } : {}),
    ...(product ? { product: { productId: product.id, name: product.name } } : {}),
    type: v.type,
    routedTo: v.medical ? 'medical_affairs' : 'expert',
    text: v.text.trim(),
    status: 'open',
    askedAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    createdBy: ctx.user.id,
    updatedBy: ctx.user.id,
  };
}

/** The question with this answer, by this expert. */
export function answered(q: Question, text: string, by: string, now: string): Question {
  const { answerSeenAt: _seen, ...rest } = q;
  return { ...rest, answer: { text: text.trim(), by, at: now }, status: 'answered', updatedAt: now, updatedBy: by };
}

/** Forwarded to the other route (a product question that turns out to be medical, or back). */
export function forwarded(q: Question, by: string, now: string): Question {
  return { ...q, routedTo: q.routedTo === 'expert' ? 'medical_affairs' : 'expert', updatedAt: now, updatedBy: by };
}

/** An answer the asker has not seen yet (a new answer, or a changed one after they looked). */
export function isUnseenAnswer(q: Question, userId: string): boolean {
  return q.askedBy === userId && q.answer !== undefined && (!q.answerSeenAt || q.answerSeenAt < q.answer.at);
}

/** Open questions first (oldest first: they have waited longest), then answered ones newest first. */
export function inboxOrder(a: Question, b: Question): number {
  const openA = a.status === 'open' ? 0 : 1;
  const openB = b.status === 'open' ? 0 : 1;
  if (openA !== openB) return openA - openB;
  if (openA === 0) return a.askedAt < b.askedAt ? -1 : a.askedAt > b.askedAt ? 1 : 0;
  const ka = a.answer?.at ?? a.updatedAt;
  const kb = b.answer?.at ?? b.updatedAt;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}
