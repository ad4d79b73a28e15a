import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../shared/schemas';
import { checkWrite } from '../../../../shared/sync/access';
import type { Actor } from '../../../../shared/sync/actor';
import { hasErrors, validateDocument } from '../../../../shared/validation/validateDocument';
import { answered, buildQuestion, emptyAskValues, forwarded, inboxOrder, isUnseenAnswer, validateAsk } from './questionModel';

const T0 = '2026-03-02T05:00:00.000Z';
const T1 = '2026-03-03T05:00:00.000Z';
const T2 = '2026-03-04T05:00:00.000Z';
const user = { id: 'u-rep', territoryId: 't-bj' };
const products = [{ id: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' }];
const rep: Actor = { userId: 'u-rep', roles: ['rep'], territoryIds: ['t-bj'], deviceId: null };
const expert: Actor = { userId: 'u-exp', roles: ['expert'], territoryIds: [], deviceId: null };
const sync = (q: Question) => ({ ...q, _deleted: false });

describe('asking', () => {
  it('needs the question text', () => {
    expect(validateAsk(emptyAskValues())).toEqual({ text: 'required' });
    expect(validateAsk(emptyAskValues({ text: '  能和西柚汁同服吗？ ' }))).toEqual({});
  });
  it('a question from a customer goes to the customer territory; a medical one to medical affairs', () => {
    const q = buildQuestion(
      emptyAskValues({ text: ' 能和西柚汁同服吗？ ', customerId: 'c-1', productId: 'prod-cardiolin', medical: true }),
      { id: 'q-1', now: T0, user, customer: { id: 'c-1', territoryId: 't-bj-2' }, products },
    );
    expect(q).toMatchObject({
      id: 'q-1', territoryId: 't-bj-2', askedBy: 'u-rep', customerId: 'c-1', routedTo: 'medical_affairs', status: 'open',
      text: '能和西柚汁同服吗？', product: { productId: 'prod-cardiolin', name: '康脉宁 Cardiolin 5 mg' }, askedAt: T0,
    });
    expect(hasErrors(validateDocument('questions', { ...q }))).toBe(false);
    const plain = buildQuestion(emptyAskValues({ text: 'Market access?', type: 'market' }), { id: 'q-2', now: T0, user, customer: null, products });
    expect(plain).toMatchObject({ territoryId: 't-bj', routedTo: 'expert', type: 'market' });
    expect(plain.customerId).toBeUndefined();
    // What the form builds, the server accepts from this rep.
    expect(checkWrite({ ...rep, territoryIds: ['t-bj', 't-bj-2'] }, 'questions', sync(q), undefined)).toBeNull();
  });
});

describe('answering and seeing the answer', () => {
  const open = buildQuestion(emptyAskValues({ text: 'Renal dosing?' }), { id: 'q-3', now: T0, user, customer: null, products });
  it('an answer by an expert is accepted by the server rules and is unseen until marked', () => {
    const a = answered(open, ' Halve the dose below 30 ml/min. ', 'u-exp', T1);
    expect(a).toMatchObject({ status: 'answered', answer: { text: 'Halve the dose below 30 ml/min.', by: 'u-exp', at: T1 } });
    expect(checkWrite(expert, 'questions', sync(a), sync(open))).toBeNull();
    expect(isUnseenAnswer(open, 'u-rep')).toBe(false);
    expect(isUnseenAnswer(a, 'u-rep')).toBe(true);
    expect(isUnseenAnswer(a, 'u-other')).toBe(false);
    const seen = { ...a, answerSeenAt: T2 };
    expect(isUnseenAnswer(seen, 'u-rep')).toBe(false);
    expect(checkWrite(rep, 'questions', sync(seen), sync(a))).toBeNull();
    // A corrected answer is news again.
    expect(isUnseenAnswer(answered(seen, 'Correction', 'u-exp', '2026-03-05T05:00:00.000Z'), 'u-rep')).toBe(true);
  });
  it('forwarding flips the route', () => {
    expect(forwarded(open, 'u-exp', T1).routedTo).toBe('medical_affairs');
    expect(forwarded(forwarded(open, 'u-exp', T1), 'u-med', T2).routedTo).toBe('expert');
  });
  it('inbox order: open oldest first, then answered newest first', () => {
    const o1 = { ...open, id: 'o1', askedAt: T1 };
    const o2 = { ...open, id: 'o2', askedAt: T0 };
    const a1 = answered({ ...open, id: 'a1' }, 'x', 'u', T1);
    const a2 = answered({ ...open, id: 'a2' }, 'x', 'u', T2);
    expect([a1, o1, a2, o2].sort(inboxOrder).map((q) => q.id)).toEqual(['o2', 'o1', 'a2', 'a1']);
  });
});
