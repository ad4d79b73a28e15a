import type { Role } from '../schemas';
import { isAdmin, isManager, type Actor } from './actor';
import { equalIgnoring } from './merge';
import type { RefusalReason, SyncDoc } from './protocol';

/**
 * Who may answer questions of the problem research centre (问题研究中心). A rep's question must
 * reach experts wherever they sit, so answerers read questions beyond their territories; medical
 * questions (beyond approved product information) go to medical affairs only, never to sales.
 */

type Fields = Record<string, unknown>;
const fieldsOf = (doc: unknown): Fields => (doc !== null && typeof doc === 'object' ? (doc as Fields) : {});
const has = (actor: Pick<Actor, 'roles'>, role: Role): boolean => actor.roles.includes(role);

/** Whether the actor answers questions sent on `route` ('expert' or 'medical_affairs'). */
export function answersQuestions(actor: Pick<Actor, 'roles'>, route: unknown): boolean {
  if (isAdmin(actor)) return true;
  if (route === 'medical_affairs') return has(actor, 'medical_affairs');
  return has(actor, 'expert') || isManager(actor);
}

/** Whether the actor answers any questions: has the inbox and pulls questions company-wide. */
export function isAnswerer(actor: Pick<Actor, 'roles'>): boolean {
  return isAdmin(actor) || isManager(actor) || has(actor, 'expert') || has(actor, 'medical_affairs');
}

/** What answering changes. */
const ANSWER_FIELDS = new Set(['answer', 'assigneeId']);
/** What the question is: fixed once it has an answer, so the answer never loses its context. */
const QUESTION_FIELDS = new Set(['text', 'type', 'customerId', 'visitId', 'product', 'askedBy', 'askedAt', 'territoryId']);

export interface QuestionRefusal {
  reason: RefusalReason;
  message: string;
}
const refuse = (reason: RefusalReason, message: string): QuestionRefusal => ({ reason, message });

/**
 * Whether `actor` may write a question. `inTerritory`: the question (and the stored one) is in
 * the actor's territories, i.e. the actor is the asker's side (the rep, their manager).
 * The asker's side asks, edits an open question, marks the answer seen and closes; an answerer
 * on the question's route answers, assigns, forwards to the other route and links an article.
 */
export function checkQuestionWrite(
  actor: Actor,
  incoming: SyncDoc<'questions'>,
  master: SyncDoc<'questions'> | undefined,
  inTerritory: boolean,
  serverOwned: readonly string[],
): QuestionRefusal | null {
  const admin = isAdmin(actor);
  const inc = fieldsOf(incoming);
  if (!master) {
    if (!inTerritory) return refuse('forbidden', 'The document is not in your territory.');
    if (!admin && inc.askedBy !== actor.userId) return refuse('forbidden', 'A question is asked in your own name.');
    if ((inc.answer !== undefined || inc.status === 'answered') && !answersQuestions(actor, inc.routedTo)) {
      return refuse('forbidden', 'Only an expert on the question\'s route may answer it.');
    }
    return null;
  }

  const mas = fieldsOf(master);
  const answerer = answersQuestions(actor, mas.routedTo);
  if (!inTerritory && !answerer && !isManager(actor)) return refuse('forbidden', 'The document is not in your territory.');
  const answered = mas.answer !== undefined;

  if (incoming._deleted && !master._deleted) {
    if (answered) return refuse('append_only', 'An answered question cannot be deleted: it is part of the customer file.');
    return inTerritory ? null : refuse('forbidden', 'Only the asker may withdraw a question.');
  }

  const ignored = new Set([...serverOwned, '_deleted']);
  const keys = new Set([...Object.keys(inc), ...Object.keys(mas)]);
  for (const key of keys) {
    if (ignored.has(key) || equalIgnoring(inc[key], mas[key], [])) continue;
    if (ANSWER_FIELDS.has(key)) {
      if (!answerer) return refuse('forbidden', 'Only an expert on the question\'s route may answer or assign it.');
      if (key === 'answer' && !admin && fieldsOf(inc.answer).by !== actor.userId) {
        return refuse('forbidden', 'An answer is given in your own name.');
      }
    } else if (key === 'articleId') {
      // Linking the article an answer was promoted to: whoever publishes knowledge (managers, admins).
      if (!answerer && !isManager(actor)) return refuse('forbidden', 'Only a manager or an admin may link a question to an article.');
    } else if (key === 'routedTo') {
      // Forwarding (expert ↔ medical affairs) is the answerer's; the asker may re-route until answered.
      if (!answerer && (!inTerritory || answered)) return refuse('forbidden', 'Only an expert may forward an answered question.');
    } else if (key === 'status') {
      if (!answerer && (!inTerritory || inc.status === 'answered')) return refuse('forbidden', 'Only an expert on the question\'s route may answer it.');
    } else {
      if (!inTerritory) return refuse('forbidden', 'An expert may answer, assign or forward a question, not change it.');
      if (answered && QUESTION_FIELDS.has(key)) return refuse('append_only', 'A question cannot be changed once it is answered; ask a new one.');
    }
  }
  return null;
}
