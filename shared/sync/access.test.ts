import type { DocTypes } from '../schemas';
import { describe, expect, it } from 'vitest';
import { hasErrors, validateDocument } from '../validation/validateDocument';
import type { Actor } from './actor';
import { SERVER_OWNED_FIELDS, canRead, checkWrite, mayWriteCollection, readScope, stampServerFields, territoryOf } from './access';
import { SYNCED_COLLECTIONS, type RefusalReason, type SyncDoc, type SyncedCollection } from './protocol';
import { EDIT, expectedWrite, sample, type MatrixOp } from './testSamples';

const T0 = '2026-03-02T01:30:00.000Z';
const T1 = '2026-03-02T02:00:00.000Z';
const NOW = '2026-03-02T05:00:00.000Z';
const OWN = 'T-SH-03';
const OTHER_TEAM = 'T-SH-07';
const FOREIGN = 'T-BJ-01';

const rep: Actor = { userId: 'u-rep-li', roles: ['rep'], territoryIds: [OWN], deviceId: 'd-1' };
const manager: Actor = { userId: 'u-mgr-wang', roles: ['manager'], territoryIds: [OWN, OTHER_TEAM], deviceId: 'd-2' };
const admin: Actor = { userId: 'u-admin', roles: ['admin'], territoryIds: [], deviceId: null };
const ACTORS = { rep, manager, admin } as const;

const with_ = (d: SyncDoc, patch: Record<string, unknown>): SyncDoc => ({ ...d, ...patch, updatedAt: T1 }) as SyncDoc;
const reason = (r: { reason: RefusalReason } | null): RefusalReason | null => r?.reason ?? null;

describe('sample documents', () => {
  it.each(SYNCED_COLLECTIONS)('%s sample is valid', (c) => {
    const { _deleted: _, ...d } = sample(c, OWN);
    const edited = { ...d, ...EDIT[c] };
    expect(validateDocument(c, d)).toEqual({});
    expect(hasErrors(validateDocument(c, edited))).toBe(false);
  });
});

describe('SERVER_OWNED_FIELDS and territoryOf', () => {
  it('meta fields everywhere, PV fields on adverse events', () => {
    for (const c of SYNCED_COLLECTIONS) {
      expect(SERVER_OWNED_FIELDS[c]).toEqual(expect.arrayContaining(['createdAt', 'createdBy', 'updatedAt', 'updatedBy']));
    }
    expect(SERVER_OWNED_FIELDS.adverseevents).toEqual(expect.arrayContaining(['receivedAt', 'pvStatus', 'pvAcknowledgedBy', 'pvAcknowledgedAt']));
    expect(SERVER_OWNED_FIELDS.customers).toHaveLength(4);
  });
  it('null for the global collections, the territoryId otherwise', () => {
    for (const c of SYNCED_COLLECTIONS) {
      const expected = ['products', 'articles', 'colleagues'].includes(c) ? null : OWN;
      expect(territoryOf(c, sample(c, OWN))).toBe(expected);
    }
    expect(territoryOf('customers', { id: 'x' })).toBeNull();
  });
});

describe('canRead / readScope', () => {
  it.each(SYNCED_COLLECTIONS)('%s', (c) => {
    const own = sample(c, OWN);
    const foreign = sample(c, FOREIGN);
    const global = ['products', 'articles', 'colleagues'].includes(c);
    expect(canRead(admin, c, foreign)).toBe(true);
    expect(canRead(rep, c, own)).toBe(true);
    expect(canRead(manager, c, own)).toBe(true);
    expect(canRead(rep, c, foreign)).toBe(global);
    // Managers answer questions of the whole company (those not routed to medical affairs).
    expect(canRead(manager, c, foreign)).toBe(global || c === 'questions');
    expect(canRead(manager, c, sample(c, OTHER_TEAM))).toBe(true);
    expect(canRead(rep, c, sample(c, OTHER_TEAM))).toBe(global);
  });
  it('draft articles: managers and admins only', () => {
    const draft = { ...sample('articles', OWN), status: 'draft' } as SyncDoc;
    expect(canRead(rep, 'articles', draft)).toBe(false);
    expect(canRead(manager, 'articles', draft)).toBe(true);
    expect(canRead(admin, 'articles', draft)).toBe(true);
  });
  it('readScope', () => {
    expect(readScope(admin)).toEqual({ all: true });
    expect(readScope(rep)).toEqual({ all: false, territoryIds: [OWN] });
    expect(readScope(manager)).toEqual({ all: false, territoryIds: [OWN, OTHER_TEAM] });
  });
});

describe('checkWrite: authorization matrix', () => {
  type Op = MatrixOp;
  const expected = expectedWrite;

  const cases: [keyof typeof ACTORS, SyncedCollection, 'own' | 'foreign', Op][] = [];
  for (const role of ['rep', 'manager', 'admin'] as const) {
    for (const c of SYNCED_COLLECTIONS) {
      for (const t of ['own', 'foreign'] as const) for (const op of ['create', 'update', 'delete'] as const) cases.push([role, c, t, op]);
    }
  }

  it.each(cases)('%s %s %s %s', (role, c, t, op) => {
    const actor = ACTORS[role];
    const master = sample(c, t === 'own' ? OWN : FOREIGN);
    const row =
      op === 'create' ? checkWrite(actor, c, master, undefined)
        : op === 'update' ? checkWrite(actor, c, with_(master, EDIT[c]), master)
          : checkWrite(actor, c, with_(master, { _deleted: true }), master);
    expect(reason(row)).toBe(expected(role, c, t, op));
    if (row) expect(row.message).toMatch(/^[A-Z].+\.$/);
  });

  it('moving a document out of or into a foreign territory is forbidden (but not for an admin)', () => {
    const mine = sample('customers', OWN);
    const theirs = sample('customers', FOREIGN);
    expect(reason(checkWrite(rep, 'customers', with_(mine, { territoryId: FOREIGN }), mine))).toBe('forbidden');
    expect(reason(checkWrite(rep, 'customers', with_(theirs, { territoryId: OWN }), theirs))).toBe('forbidden');
    expect(reason(checkWrite(manager, 'customers', with_(mine, { territoryId: OTHER_TEAM }), mine))).toBeNull();
    expect(reason(checkWrite(admin, 'customers', with_(mine, { territoryId: FOREIGN }), mine))).toBeNull();
  });

  it('a document without a territory is forbidden to non-admins', () => {
    const { territoryId: _, ...noTerritory } = sample('customers', OWN) as SyncDoc<'customers'>;
    expect(reason(checkWrite(rep, 'customers', noTerritory as SyncDoc, undefined))).toBe('forbidden');
  });
});

describe('checkWrite: append-only rules', () => {
  it('adverse events: never deleted, not even on create; no change once sent; resend and server fields are fine', () => {
    const ae = sample('adverseevents', OWN);
    expect(reason(checkWrite(rep, 'adverseevents', { ...ae, _deleted: true }, undefined))).toBe('not_deletable');
    expect(reason(checkWrite(admin, 'adverseevents', with_(ae, { _deleted: true }), ae))).toBe('not_deletable');
    expect(reason(checkWrite(admin, 'adverseevents', with_(ae, { event: '皮疹加重' }), ae))).toBe('append_only');
    expect(reason(checkWrite(rep, 'adverseevents', with_(ae, { patient: { initials: 'ZW', sex: 'male', ageYears: 40 } }), ae))).toBe('append_only');
    const stored = { ...ae, receivedAt: T1, pvStatus: 'acknowledged', pvAcknowledgedBy: 'u-pv', pvAcknowledgedAt: T1, updatedBy: 'u-server' } as SyncDoc;
    expect(checkWrite(rep, 'adverseevents', { ...ae, updatedAt: NOW }, stored)).toBeNull();
    expect(checkWrite(rep, 'adverseevents', { ...ae, pvStatus: 'received' } as SyncDoc, stored)).toBeNull();
  });

  it('visits: free while draft, frozen once submitted (for everyone)', () => {
    const draft = sample('visits', OWN);
    const submitted = with_(draft, { status: 'submitted', submittedAt: T1 });
    expect(checkWrite(rep, 'visits', submitted, draft)).toBeNull();
    expect(checkWrite(rep, 'visits', with_(draft, { _deleted: true }), draft)).toBeNull();
    for (const actor of [rep, manager, admin]) {
      expect(reason(checkWrite(actor, 'visits', with_(submitted, { summary: 'changed' }), submitted))).toBe('append_only');
      expect(reason(checkWrite(actor, 'visits', with_(submitted, { status: 'draft' }), submitted))).toBe('append_only');
      expect(reason(checkWrite(actor, 'visits', with_(submitted, { _deleted: true }), submitted))).toBe('append_only');
    }
    expect(checkWrite(rep, 'visits', { ...submitted, updatedAt: NOW, updatedBy: 'u-x' }, submitted)).toBeNull();
  });

  it('feedback: captured fields are immutable, status/resolution/assignee may change, no delete', () => {
    const fb = sample('feedback', OWN);
    const immutable: Record<string, unknown> = {
      kind: 'suggestion', customerWords: '还行', repReading: 'fine', product: { name: '其他' }, customerId: 'c-2', capturedAt: T1, visitId: 'v-2',
    };
    for (const [field, value] of Object.entries(immutable)) {
      const r = checkWrite(manager, 'feedback', with_(fb, { [field]: value }), fb);
      expect(reason(r), field).toBe('append_only');
      expect(r?.message).toContain(field);
    }
    // removing an immutable field is a change too
    const { customerWords: _, ...withoutWords } = fb as SyncDoc<'feedback'>;
    expect(reason(checkWrite(rep, 'feedback', withoutWords as SyncDoc, fb))).toBe('append_only');
    expect(checkWrite(manager, 'feedback', with_(fb, { status: 'resolved', resolution: 'price explained', assigneeId: 'u-mgr-wang' }), fb)).toBeNull();
    expect(reason(checkWrite(admin, 'feedback', with_(fb, { _deleted: true }), fb))).toBe('append_only');
  });

  it('comments: immutable and not deletable; a resend is fine', () => {
    const cm = sample('comments', OWN);
    expect(checkWrite(manager, 'comments', cm, undefined)).toBeNull();
    expect(checkWrite(manager, 'comments', { ...cm, updatedAt: NOW }, cm)).toBeNull();
    expect(reason(checkWrite(manager, 'comments', with_(cm, { text: 'x' }), cm))).toBe('append_only');
    expect(reason(checkWrite(admin, 'comments', with_(cm, { _deleted: true }), cm))).toBe('append_only');
  });

  it('comments: coaching only by managers, every comment in the name of who writes it', () => {
    const coaching = sample('comments', OWN);
    const followUp = { ...coaching, kind: 'follow_up', authorId: rep.userId } as SyncDoc;
    expect(checkWrite(rep, 'comments', followUp, undefined)).toBeNull();
    expect(reason(checkWrite(rep, 'comments', { ...followUp, kind: 'coaching' } as SyncDoc, undefined))).toBe('forbidden');
    expect(reason(checkWrite(rep, 'comments', { ...followUp, authorId: manager.userId } as SyncDoc, undefined))).toBe('forbidden');
    expect(reason(checkWrite(manager, 'comments', { ...coaching, authorId: rep.userId } as SyncDoc, undefined))).toBe('forbidden');
    expect(checkWrite(admin, 'comments', coaching, undefined)).toBeNull(); // imports and corrections
  });

  it('conflicts: only status and resolvedAt change', () => {
    const cf = sample('conflicts', OWN);
    expect(checkWrite(rep, 'conflicts', with_(cf, { status: 'applied', resolvedAt: T1 }), cf)).toBeNull();
    expect(reason(checkWrite(rep, 'conflicts', with_(cf, { otherValue: '"C"' }), cf))).toBe('append_only');
    expect(reason(checkWrite(rep, 'conflicts', with_(cf, { _deleted: true }), cf))).toBe('append_only');
  });
});

describe('stampServerFields', () => {
  const forged = { createdAt: T1, createdBy: 'u-forged', updatedAt: T1, updatedBy: 'u-forged' };

  it('create: now and the actor, whatever the client sent', () => {
    const doc = { ...sample('customers', OWN), ...forged } as SyncDoc<'customers'>;
    const out = stampServerFields('customers', doc, undefined, rep, NOW);
    expect(out).toMatchObject({ createdAt: NOW, createdBy: 'u-rep-li', updatedAt: NOW, updatedBy: 'u-rep-li', name: '陈静' });
    expect(doc.createdBy).toBe('u-forged'); // input not mutated
  });

  it('update: creation from master, update from now/actor', () => {
    const master = sample('customers', OWN) as SyncDoc<'customers'>;
    const doc = { ...master, ...forged, name: 'x' };
    const out = stampServerFields('customers', doc, master, manager, NOW);
    expect(out).toMatchObject({ createdAt: T0, createdBy: 'u-rep-li', updatedAt: NOW, updatedBy: 'u-mgr-wang', name: 'x' });
  });

  it('adverse events: receipt and PV status only from master or the server', () => {
    const ae = sample('adverseevents', OWN) as SyncDoc<'adverseevents'>;
    const forgedAe = { ...ae, ...forged, receivedAt: T0, pvStatus: 'acknowledged' as const, pvAcknowledgedBy: 'u-forged', pvAcknowledgedAt: T0 };
    const created = stampServerFields('adverseevents', forgedAe, undefined, rep, NOW);
    expect(created).toMatchObject({ receivedAt: NOW, pvStatus: 'received', createdBy: 'u-rep-li', createdAt: NOW });
    expect(created).not.toHaveProperty('pvAcknowledgedBy');
    expect(created).not.toHaveProperty('pvAcknowledgedAt');
    expect(validateDocument('adverseevents', (({ _deleted: _, ...d }) => d)(created))).toEqual({});

    const master = { ...ae, receivedAt: T1, pvStatus: 'acknowledged' as const, pvAcknowledgedBy: 'u-pv', pvAcknowledgedAt: T1 };
    const again = stampServerFields('adverseevents', { ...forgedAe, pvAcknowledgedBy: 'u-forged' }, master, rep, NOW);
    expect(again).toMatchObject({ receivedAt: T1, pvStatus: 'acknowledged', pvAcknowledgedBy: 'u-pv', pvAcknowledgedAt: T1, createdAt: T0 });

    const unacked = stampServerFields('adverseevents', forgedAe, { ...ae, receivedAt: T1, pvStatus: 'received' as const }, rep, NOW);
    expect(unacked).toMatchObject({ receivedAt: T1, pvStatus: 'received' });
    expect(unacked).not.toHaveProperty('pvAcknowledgedBy');
  });

  it('other collections do not get PV fields', () => {
    const out = stampServerFields('visits', sample('visits', OWN) as SyncDoc<'visits'>, undefined, rep, NOW);
    expect(out).not.toHaveProperty('receivedAt');
    expect(out).not.toHaveProperty('pvStatus');
  });
});

describe('questions: the problem research centre', () => {
  const expert: Actor = { userId: 'u-expert', roles: ['expert'], territoryIds: [], deviceId: 'd-e' };
  const medical: Actor = { userId: 'u-med', roles: ['medical_affairs'], territoryIds: [], deviceId: 'd-m' };
  const question = (patch: Partial<DocTypes['questions']> = {}, t = OWN): SyncDoc<'questions'> =>
    ({ ...sample('questions', t), ...patch }) as SyncDoc<'questions'>;
  const answer = (by: string) => ({ text: '可以，按说明书用药。', by, at: T1 });
  const answeredBy = (by: string, q = question()) => with_(q, { answer: answer(by), status: 'answered' }) as SyncDoc<'questions'>;

  it('answerers read questions on their route beyond their territories; reps only their territory', () => {
    const toExperts = question({}, FOREIGN);
    const medicalQ = question({ routedTo: 'medical_affairs' }, FOREIGN);
    expect(canRead(expert, 'questions', toExperts)).toBe(true);
    expect(canRead(expert, 'questions', medicalQ)).toBe(false);
    expect(canRead(medical, 'questions', medicalQ)).toBe(true);
    expect(canRead(medical, 'questions', toExperts)).toBe(false);
    expect(canRead(manager, 'questions', toExperts)).toBe(true);
    expect(canRead(manager, 'questions', medicalQ)).toBe(false);
    expect(canRead(manager, 'questions', question({ routedTo: 'medical_affairs' }))).toBe(true); // own team
    expect(canRead(rep, 'questions', answeredBy('u-expert'))).toBe(true);
    expect(canRead(rep, 'questions', toExperts)).toBe(false);
    // Experts see no customer records for it.
    expect(canRead(expert, 'customers', sample('customers', FOREIGN))).toBe(false);
  });

  it('readScope: answerers pull questions company-wide, everything else by territory', () => {
    for (const a of [expert, medical, manager]) expect(readScope(a, 'questions')).toEqual({ all: true });
    expect(readScope(expert, 'customers')).toEqual({ all: false, territoryIds: [] });
    expect(readScope(rep, 'questions')).toEqual({ all: false, territoryIds: [OWN] });
  });

  it('a rep asks in their own name and cannot answer', () => {
    expect(checkWrite(rep, 'questions', question(), undefined)).toBeNull();
    expect(reason(checkWrite(rep, 'questions', question({ askedBy: 'u-someone' }), undefined))).toBe('forbidden');
    expect(reason(checkWrite(rep, 'questions', question({ answer: answer('u-rep-li'), status: 'answered' }), undefined))).toBe('forbidden');
    const open = question();
    expect(reason(checkWrite(rep, 'questions', answeredBy('u-rep-li', open), open))).toBe('forbidden');
    expect(reason(checkWrite(rep, 'questions', with_(open, { status: 'answered' }), open))).toBe('forbidden');
    expect(reason(checkWrite(rep, 'questions', with_(open, { assigneeId: 'u-rep-li' }), open))).toBe('forbidden');
    // While open, the rep may edit, re-route (medical) and withdraw it.
    expect(checkWrite(rep, 'questions', with_(open, { text: '更清楚的问题', routedTo: 'medical_affairs' }), open)).toBeNull();
    expect(checkWrite(rep, 'questions', with_(open, { _deleted: true }), open)).toBeNull();
  });

  it('an expert outside the territory answers, assigns and forwards, but does not change the question', () => {
    const open = question({}, FOREIGN);
    expect(checkWrite(expert, 'questions', answeredBy('u-expert', open), open)).toBeNull();
    expect(reason(checkWrite(expert, 'questions', answeredBy('u-someone-else', open), open))).toBe('forbidden');
    expect(checkWrite(expert, 'questions', with_(open, { assigneeId: 'u-expert' }), open)).toBeNull();
    expect(checkWrite(expert, 'questions', with_(open, { routedTo: 'medical_affairs' }), open)).toBeNull();
    expect(reason(checkWrite(expert, 'questions', with_(open, { text: 'rewritten' }), open))).toBe('forbidden');
    expect(reason(checkWrite(expert, 'questions', with_(open, { _deleted: true }), open))).toBe('forbidden');
    expect(reason(checkWrite(expert, 'questions', question({ askedBy: 'u-expert' }, FOREIGN), undefined))).toBe('forbidden');
  });

  it('medical questions are answered by medical affairs, not by sales', () => {
    const medQ = question({ routedTo: 'medical_affairs' }, FOREIGN);
    expect(checkWrite(medical, 'questions', answeredBy('u-med', medQ), medQ)).toBeNull();
    expect(reason(checkWrite(expert, 'questions', answeredBy('u-expert', medQ), medQ))).toBe('forbidden');
    const ownMedQ = question({ routedTo: 'medical_affairs' });
    expect(reason(checkWrite(manager, 'questions', answeredBy('u-mgr-wang', ownMedQ), ownMedQ))).toBe('forbidden');
    expect(checkWrite(admin, 'questions', answeredBy('u-admin', medQ), medQ)).toBeNull();
  });

  it('once answered: the rep marks it seen and closes it; the question stays as asked and is never deleted', () => {
    const done = { ...answeredBy('u-expert'), updatedAt: T0 } as SyncDoc<'questions'>;
    expect(checkWrite(rep, 'questions', with_(done, { answerSeenAt: NOW }), done)).toBeNull();
    expect(checkWrite(rep, 'questions', with_(done, { status: 'closed' }), done)).toBeNull();
    expect(reason(checkWrite(rep, 'questions', with_(done, { text: 'changed' }), done))).toBe('append_only');
    expect(reason(checkWrite(rep, 'questions', with_(done, { routedTo: 'medical_affairs' }), done))).toBe('forbidden');
    expect(reason(checkWrite(rep, 'questions', with_(done, { _deleted: true }), done))).toBe('append_only');
    // A manager promoting the answer links the new article.
    expect(checkWrite(manager, 'questions', with_(done, { articleId: 'kb-new' }), done)).toBeNull();
  });
});

describe('articles: drafts and publishing', () => {
  const draft = { ...sample('articles', OWN), status: 'draft' } as SyncDoc<'articles'>;
  const published = sample('articles', OWN) as SyncDoc<'articles'>;
  it('publish, publish a new version, withdraw', () => {
    expect(checkWrite(manager, 'articles', with_(draft, { status: 'published', publishedAt: T1 }), draft)).toBeNull();
    expect(checkWrite(manager, 'articles', with_(published, { version: 2, body: 'new' }), published)).toBeNull();
    expect(checkWrite(manager, 'articles', with_(published, { _deleted: true }), published)).toBeNull();
    expect(canRead(rep, 'articles', with_(published, { _deleted: true }))).toBe(true);
  });
  it('a published article never goes back to draft (readers would keep a stale copy)', () => {
    expect(reason(checkWrite(manager, 'articles', with_(published, { status: 'draft' }), published))).toBe('append_only');
    expect(reason(checkWrite(admin, 'articles', with_(published, { status: 'draft' }), published))).toBe('append_only');
  });
  it('reps never write articles, drafts or published', () => {
    expect(reason(checkWrite(rep, 'articles', draft, undefined))).toBe('forbidden');
    expect(reason(checkWrite(rep, 'articles', published, undefined))).toBe('forbidden');
  });
});

describe('questions: promotion of any answer by whoever publishes knowledge', () => {
  it('a manager links a medical answer of another team to the article it became; a rep cannot', () => {
    const medQ = { ...sample('questions', FOREIGN), routedTo: 'medical_affairs', status: 'answered', answer: { text: 'x', by: 'u-med', at: T0 } } as SyncDoc<'questions'>;
    expect(checkWrite(manager, 'questions', with_(medQ, { articleId: 'kb-1' }), medQ)).toBeNull();
    expect(reason(checkWrite(manager, 'questions', with_(medQ, { assigneeId: 'u-mgr-wang' }), medQ))).toBe('forbidden');
    const own = { ...medQ, territoryId: OWN } as SyncDoc<'questions'>;
    expect(reason(checkWrite(rep, 'questions', with_(own, { articleId: 'kb-1' }), own))).toBe('forbidden');
  });
});

describe('questions: a manager outside the route and the territory', () => {
  it('may only link the article, nothing else', () => {
    const medQ = { ...sample('questions', FOREIGN), routedTo: 'medical_affairs' } as SyncDoc<'questions'>;
    expect(reason(checkWrite(manager, 'questions', with_(medQ, { status: 'closed' }), medQ))).toBe('forbidden');
    expect(reason(checkWrite(manager, 'questions', with_(medQ, { text: 'x' }), medQ))).toBe('forbidden');
    expect(reason(checkWrite(manager, 'questions', with_(medQ, { routedTo: 'expert' }), medQ))).toBe('forbidden');
    expect(reason(checkWrite(manager, 'questions', with_(medQ, { _deleted: true }), medQ))).toBe('forbidden');
  });
});

describe('mayWriteCollection (which collections replicate pull-only)', () => {
  const expert: Actor = { userId: 'u-exp', roles: ['medical_affairs'], territoryIds: [OWN], deviceId: 'd-3' };
  it.each([rep, manager, admin, expert].flatMap((a) => SYNCED_COLLECTIONS.map((c) => [a.roles.join('+'), c, a] as const)))(
    '%s, %s: agrees with checkWrite', (_role, c, actor) => {
      const doc = sample(c, OWN);
      if (mayWriteCollection(actor.roles, c)) return; // the write rules then depend on the document (tested above)
      expect(reason(checkWrite(actor, c, doc, undefined))).toBe('forbidden');
      expect(reason(checkWrite(actor, c, with_(doc, EDIT[c]), doc))).toBe('forbidden');
    },
  );
  it('a rep writes neither the catalogue, the knowledge base nor the directory; a manager writes the first two', () => {
    expect(SYNCED_COLLECTIONS.filter((c) => !mayWriteCollection(rep.roles, c))).toEqual(expect.arrayContaining(['products', 'articles', 'colleagues']));
    expect(SYNCED_COLLECTIONS.filter((c) => !mayWriteCollection(rep.roles, c))).toHaveLength(3);
    expect(SYNCED_COLLECTIONS.filter((c) => !mayWriteCollection(manager.roles, c))).toEqual(['colleagues']);
    expect(SYNCED_COLLECTIONS.filter((c) => !mayWriteCollection(admin.roles, c))).toEqual(['colleagues']);
  });
});
