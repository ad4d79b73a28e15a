import type { FEEDBACK_KINDS, FEEDBACK_STATUSES} from '../../../../shared/schemas';
import { type AdverseEvent, type Feedback } from '../../../../shared/schemas';
import { validateDocument, type FieldErrors } from '../../../../shared/validation/validateDocument';

export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * What the capture form edits. Kind `adverse_event` is offered in the form but never saved from
 * it: choosing it opens the adverse-event report instead (which writes its own linked feedback).
 */
export interface FeedbackFormValues {
  customerId: string;
  /** The contact it came up in; '' for none. */
  visitId: string;
  kind: FeedbackKind | '';
  /** Satisfaction 1–5, for kind `rating`. */
  rating: number | null;
  product: string;
  customerWords: string;
  repReading: string;
  status: FeedbackStatus;
  assigneeId: string;
  resolution: string;
}

export function emptyFeedbackForm(prefill: { customerId?: string; visitId?: string } = {}): FeedbackFormValues {
  return {
    customerId: prefill.customerId ?? '',
    visitId: prefill.visitId ?? '',
    kind: '',
    rating: null,
    product: '',
    customerWords: '',
    repReading: '',
    status: 'new',
    assigneeId: '',
    resolution: '',
  };
}

export function isFeedbackFormDirty(values: FeedbackFormValues, initial: FeedbackFormValues): boolean {
  return JSON.stringify(values) !== JSON.stringify(initial);
}

export interface FeedbackEnvelope {
  id: string;
  /** The customer's territory (where the feedback is authorized and synced). */
  territoryId: string;
  repId: string;
}

const text = (value: string): string | undefined => {
  const v = value.trim();
  return v === '' ? undefined : v;
};

/** Kinds about a product: the product is asked for. */
const NEEDS_PRODUCT: ReadonlySet<FeedbackKind> = new Set(['product_comment']);

function statusErrors(status: FeedbackStatus, resolution: string | undefined, errors: FieldErrors): void {
  // "Resolved" says what the company did: the resolution is the record of it.
  if (status === 'resolved' && !resolution) errors.resolution ??= { code: 'required' };
}

/**
 * Builds the feedback document and the errors a person can fix: a kind; the rating for a
 * satisfaction rating; the customer's words for everything else; a product for a product
 * comment; a resolution when it is already resolved. The product may be free text (nothing
 * synced yet, or a competitor's): the catalogue id is added when the name matches.
 */
export function formToFeedback(
  values: FeedbackFormValues,
  envelope: FeedbackEnvelope,
  now: string,
  productId: (name: string) => string | undefined = () => undefined,
): { doc: Feedback; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!values.customerId.trim()) errors.customerId = { code: 'required' };
  const kind = values.kind;
  if (!kind) errors.kind = { code: 'required' };
  const productName = values.product.trim();
  const id = productName ? productId(productName) : undefined;
  const words = text(values.customerWords);
  const resolution = text(values.resolution);
  const rating = kind === 'rating' ? values.rating : null;
  if (kind === 'rating' && rating === null) errors.rating = { code: 'required' };
  if (kind && kind !== 'rating' && !words) errors.customerWords = { code: 'required' };
  if (kind && NEEDS_PRODUCT.has(kind) && !productName) errors['product.name'] = { code: 'required' };
  statusErrors(values.status, resolution, errors);

  const doc = {
    id: envelope.id,
    customerId: values.customerId,
    territoryId: envelope.territoryId,
    repId: envelope.repId,
    ...(text(values.visitId) ? { visitId: values.visitId.trim() } : {}),
    kind: kind || 'product_comment',
    ...(productName ? { product: id ? { productId: id, name: productName } : { name: productName } } : {}),
    ...(rating !== null ? { rating } : {}),
    ...(words ? { customerWords: words } : {}),
    ...(text(values.repReading) ? { repReading: text(values.repReading) } : {}),
    status: values.status,
    ...(resolution ? { resolution } : {}),
    ...(text(values.assigneeId) ? { assigneeId: values.assigneeId.trim() } : {}),
    capturedAt: now,
    createdAt: now,
    updatedAt: now,
    createdBy: envelope.repId,
    updatedBy: envelope.repId,
  } as Feedback;
  for (const [path, error] of Object.entries(validateDocument('feedback', doc))) errors[path] ??= error;
  return { doc, errors };
}

/** What stays editable after capture (the server refuses changes to anything else). */
export interface FeedbackStatusValues {
  status: FeedbackStatus;
  assigneeId: string;
  resolution: string;
}

export function statusValuesOf(f: Pick<Feedback, 'status' | 'assigneeId' | 'resolution'>): FeedbackStatusValues {
  return { status: f.status, assigneeId: f.assigneeId ?? '', resolution: f.resolution ?? '' };
}

/**
 * The feedback with a new status, assignee and resolution, everything captured left exactly as
 * it was. `changed`: whether anything differs (nothing to save otherwise).
 */
export function applyStatusUpdate(
  feedback: Feedback,
  values: FeedbackStatusValues,
  userId: string,
  now: string,
): { doc: Feedback; errors: FieldErrors; changed: boolean } {
  const errors: FieldErrors = {};
  const resolution = text(values.resolution);
  const assigneeId = text(values.assigneeId);
  statusErrors(values.status, resolution, errors);
  const doc: Feedback = { ...feedback, status: values.status, updatedAt: now, updatedBy: userId };
  if (resolution) doc.resolution = resolution;
  else delete doc.resolution;
  if (assigneeId) doc.assigneeId = assigneeId;
  else delete doc.assigneeId;
  for (const [path, error] of Object.entries(validateDocument('feedback', doc))) errors[path] ??= error;
  const changed = doc.status !== feedback.status || doc.resolution !== feedback.resolution || doc.assigneeId !== feedback.assigneeId;
  return { doc, errors, changed };
}

/**
 * The feedback entry that goes with an adverse-event report about a customer, so the report
 * shows in the customer's feedback and in the managers' feedback views. Patient details stay in
 * the report; this holds the event as the customer told it.
 */
export function feedbackForAdverseEvent(report: AdverseEvent, id: string): Feedback | null {
  if (!report.customerId) return null;
  return {
    id,
    customerId: report.customerId,
    territoryId: report.territoryId,
    repId: report.repId,
    ...(report.visitId ? { visitId: report.visitId } : {}),
    kind: 'adverse_event',
    product: report.product,
    customerWords: report.event,
    status: 'new',
    adverseEventId: report.id,
    capturedAt: report.capturedAt,
    createdAt: report.capturedAt,
    updatedAt: report.capturedAt,
    createdBy: report.repId,
    updatedBy: report.repId,
  };
}
