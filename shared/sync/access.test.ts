import { describe, expect, it } from 'vitest';
import { hasErrors, validateDocument } from '../validation/validateDocument';
import type { Actor } from './actor';
import { SERVER_OWNED_FIELDS, canRead, checkWrite, readScope, stampServerFields, territoryOf } from './access';
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
    expect(canRead(manager, c, foreign)).toBe(global);
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
