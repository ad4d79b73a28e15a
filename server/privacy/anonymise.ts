import type { SyncedCollection } from '../../shared/sync/protocol';

/**
 * What erasing a customer's personal data does to each record, field by field (PIPL art. 47,
 * GDPR art. 17). Structured personal fields (phone, e-mail, addresses, contact persons, key
 * dates, bank account) are removed; free text that may name or describe a person is replaced by
 * the marker; business facts stay (code, type, territory, owner, institution, specialty, tier and
 * figures; contacts' dates, kinds, products, samples, costs; feedback kinds and ratings).
 * The lists are the documentation too: SECURITY.md quotes them.
 */
export const ERASED = '[已删除 erased]';

/** Removed outright from the customer. */
export const CUSTOMER_REMOVED = [
  'address', 'phone', 'email', 'contacts', 'keyDates', 'bankAccount', 'deliveryAddress', 'invoiceAddress', 'title', 'department',
] as const;
/** Replaced by the marker when present (free text). */
export const CUSTOMER_MARKED = ['notes', 'paymentHistory'] as const;
export const ASSESSMENT_MARKED = ['attitude', 'contractFulfilment', 'friction', 'competitorBusiness', 'needs', 'potential'] as const;
export const VISIT_MARKED = ['location', 'summary', 'nextStep', 'jointActions'] as const;
export const FEEDBACK_MARKED = ['customerWords', 'repReading', 'resolution'] as const;
export const QUESTION_MARKED = ['text'] as const;
export const REMINDER_MARKED = ['title', 'notes'] as const;
export const COMMENT_MARKED = ['text'] as const;
export const CONFLICT_MARKED = ['keptValue', 'otherValue'] as const;

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

function mark(doc: Doc, fields: readonly string[], marker: string = ERASED): void {
  for (const f of fields) if (typeof doc[f] === 'string' && doc[f] !== '') doc[f] = marker;
}

function customer(doc: Doc, at: string): Doc {
  const out: Doc = { ...doc };
  for (const f of CUSTOMER_REMOVED) delete out[f];
  mark(out, CUSTOMER_MARKED);
  out.name = `${ERASED} ${typeof doc.code === 'string' ? doc.code : ''}`.trim().slice(0, 200);
  if (Array.isArray(out.quotations)) out.quotations = out.quotations.map((q) => (isObject(q) ? (({ note: _n, ...rest }) => rest)(q) : q));
  if (isObject(out.assessment)) {
    const assessment = { ...out.assessment };
    mark(assessment, ASSESSMENT_MARKED);
    out.assessment = assessment;
  }
  out.erasedAt = typeof doc.erasedAt === 'string' ? doc.erasedAt : at;
  return out;
}

function visit(doc: Doc): Doc {
  const out: Doc = { ...doc };
  mark(out, VISIT_MARKED);
  if (Array.isArray(out.concessions)) out.concessions = out.concessions.map((c) => (isObject(c) ? { ...c, description: ERASED } : c));
  return out;
}

/**
 * Adverse events are regulatory records (GVP module VI; 药品不良反应报告和监测管理办法): the
 * report stays. Once pharmacovigilance has acknowledged it (the case is in the safety database),
 * the reporter is pseudonymised here: name → marker, contact removed, role kept. The patient
 * block (initials, age, sex) is the patient's minimum data, not the customer's, and stays.
 */
function adverseEvent(doc: Doc): Doc {
  const out: Doc = { ...doc };
  if (isObject(out.reporter)) {
    const { contact: _c, ...reporter } = out.reporter;
    out.reporter = { ...reporter, name: ERASED };
  }
  return out;
}

function conflict(doc: Doc): Doc {
  const out: Doc = { ...doc };
  mark(out, CONFLICT_MARKED, JSON.stringify(ERASED));
  return out;
}

/** The anonymised copy of one document of `collection` (the input is not changed). */
export function anonymise(collection: SyncedCollection, value: unknown, at: string): unknown {
  if (!isObject(value)) return value;
  switch (collection) {
    case 'customers': return customer(value, at);
    case 'visits': return visit(value);
    case 'feedback': return (() => { const out = { ...value }; mark(out, FEEDBACK_MARKED); return out; })();
    case 'questions': return (() => { const out = { ...value }; mark(out, QUESTION_MARKED); return out; })();
    case 'reminders': return (() => { const out = { ...value }; mark(out, REMINDER_MARKED); return out; })();
    case 'comments': return (() => { const out = { ...value }; mark(out, COMMENT_MARKED); return out; })();
    case 'conflicts': return conflict(value);
    case 'adverseevents': return adverseEvent(value);
    default: return value;
  }
}
