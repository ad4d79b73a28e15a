import { describe, expect, it } from 'vitest';
import type { Conflict, Customer, Visit } from '../../../../shared/schemas';
import type { Actor } from '../../../../shared/sync/actor';
import { conflictRecords, mergeForPush } from '../../../../shared/sync/merge';
import { SERVER_OWNED_FIELDS } from '../../../../shared/sync/access';
import {
  changedSinceKept, parseStoredValue, planApply, resolutionPatch, splitConflicts, targetIds, withoutInternalFields, withPathValue,
} from './conflictActions';

const NOW = '2026-11-23T08:00:00.000Z';
const rep: Actor = { userId: 'u-li', roles: ['rep'], territoryIds: ['T-SH'], deviceId: null };

const customer: Customer = {
  id: 'c-1', code: 'HCP-1', name: '张伟', type: 'hcp', territoryId: 'T-SH', ownerId: 'u-li',
  address: { city: '北京', province: '北京' },
  assessment: { tier: 'A' },
  createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z', createdBy: 'u-li', updatedBy: 'u-wang',
};

const visit: Visit = {
  id: 'v-1', customerId: 'c-1', territoryId: 'T-SH', repId: 'u-li', kind: 'visit', status: 'draft',
  startAt: '2026-11-20T02:00:00.000Z', summary: '介绍新药',
  createdAt: '2026-11-20T03:00:00.000Z', updatedAt: '2026-11-20T03:00:00.000Z', createdBy: 'u-li', updatedBy: 'u-li',
};

function conflict(patch: Partial<Conflict> = {}): Conflict {
  return {
    id: 'k-1', territoryId: 'T-SH', targetCollection: 'customers', documentId: 'c-1', field: 'address.city',
    keptValue: '"北京"', otherValue: '"上海"', otherBy: 'u-wang', otherAt: '2026-11-21T00:00:00.000Z', status: 'open',
    createdAt: '2026-11-21T00:00:00.000Z', updatedAt: '2026-11-21T00:00:00.000Z', createdBy: 'u-wang', updatedBy: 'u-wang',
    ...patch,
  };
}

describe('withPathValue', () => {
  it('sets a nested field on a copy, creating parent objects, and leaves the original alone', () => {
    const before = structuredClone(customer);
    const next = withPathValue(customer, 'bankAccount.bankName', '招商银行');
    expect(next.bankAccount).toEqual({ bankName: '招商银行' });
    expect(withPathValue(customer, 'address.city', '上海').address).toEqual({ city: '上海', province: '北京' });
    expect(customer).toEqual(before);
  });

  it('removes the field for null, and a parent object left empty', () => {
    expect(withPathValue(customer, 'address.city', null).address).toEqual({ province: '北京' });
    expect(withPathValue(customer, 'assessment.tier', null)).not.toHaveProperty('assessment');
    expect(withPathValue(customer, 'phone', null)).toEqual(customer);
  });

  it('replaces arrays and objects whole, without sharing them with the caller', () => {
    const samples = [{ product: { name: '瑞舒伐他汀' }, quantity: 2 }];
    const next = withPathValue(visit, 'samples', samples);
    expect(next.samples).toEqual(samples);
    samples[0]!.quantity = 99;
    expect(next.samples?.[0]?.quantity).toBe(2);
  });

  it('refuses paths that would reach the prototype, or are malformed', () => {
    for (const path of ['__proto__.polluted', 'address.constructor', 'prototype', 'address..city', '']) {
      expect(() => withPathValue(customer, path, 'x')).toThrow(/path/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('withoutInternalFields', () => {
  it('drops what RxDB adds to a document in a modify function, so the schema accepts it', () => {
    const raw = { ...customer, _deleted: false, _meta: undefined, _rev: undefined, _attachments: {} };
    expect(withoutInternalFields(raw)).toEqual(customer);
    expect(planApply(conflict(), withoutInternalFields(raw), rep, NOW).ok).toBe(true);
    expect(planApply(conflict(), raw, rep, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('parseStoredValue', () => {
  it('reads JSON text, null included, and reports unreadable text', () => {
    expect(parseStoredValue('"上海"')).toEqual({ value: '上海' });
    expect(parseStoredValue('null')).toEqual({ value: null });
    expect(parseStoredValue('{"amount":5,"currency":"CNY"}')).toEqual({ value: { amount: 5, currency: 'CNY' } });
    expect(parseStoredValue('上海')).toBeUndefined();
  });
});

describe('planApply', () => {
  it('writes the other value into the field and stamps the edit', () => {
    const plan = planApply(conflict(), customer, rep, NOW);
    expect(plan).toEqual({
      ok: true, remove: false,
      doc: { ...customer, address: { city: '上海', province: '北京' }, updatedAt: NOW, updatedBy: 'u-li' },
    });
  });

  it('removes the field when the other side had no value', () => {
    const plan = planApply(conflict({ field: 'assessment.tier', keptValue: '"A"', otherValue: 'null' }), customer, rep, NOW);
    expect(plan.ok && !plan.remove && plan.doc).not.toHaveProperty('assessment');
  });

  it('offers only dismissal when the document is gone or unknown', () => {
    expect(planApply(conflict(), null, rep, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(planApply(conflict({ targetCollection: 'nonsense' }), customer, rep, NOW)).toEqual({ ok: false, reason: 'missing' });
  });

  it('reports a value it cannot read, or a path it cannot use', () => {
    expect(planApply(conflict({ otherValue: '上海' }), customer, rep, NOW)).toEqual({ ok: false, reason: 'unreadable' });
    expect(planApply(conflict({ field: '__proto__.x' }), customer, rep, NOW)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('does not offer what the schema refuses', () => {
    expect(planApply(conflict({ field: 'assessment.tier', otherValue: '"Z"' }), customer, rep, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(planApply(conflict({ field: 'email', otherValue: '"not an email"' }), customer, rep, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('follows the server rules: a submitted visit is append-only, a draft is not', () => {
    const c = conflict({ targetCollection: 'visits', documentId: 'v-1', field: 'summary', keptValue: '"介绍新药"', otherValue: '"介绍新药和样品"' });
    const draftPlan = planApply(c, visit, rep, NOW);
    expect(draftPlan.ok && !draftPlan.remove && draftPlan.doc.summary).toBe('介绍新药和样品');
    const submitted: Visit = { ...visit, status: 'submitted', submittedAt: '2026-11-20T04:00:00.000Z' };
    expect(planApply(c, submitted, rep, NOW)).toEqual({ ok: false, reason: 'refused', refusal: 'append_only' });
  });

  it('follows the server rules: another territory is refused to a rep, allowed to an admin', () => {
    const elsewhere = { ...customer, territoryId: 'T-BJ' };
    expect(planApply(conflict(), elsewhere, rep, NOW)).toEqual({ ok: false, reason: 'refused', refusal: 'forbidden' });
    const admin: Actor = { ...rep, userId: 'u-admin', roles: ['admin'], territoryIds: [] };
    expect(planApply(conflict(), elsewhere, admin, NOW).ok).toBe(true);
  });

  it('turns a lost delete into a removal, unless the record may not be deleted', () => {
    const del = conflict({ field: '_deleted', keptValue: 'false', otherValue: 'true' });
    expect(planApply(del, customer, rep, NOW)).toEqual({ ok: true, remove: true });
    const submitted: Visit = { ...visit, status: 'submitted', submittedAt: '2026-11-20T04:00:00.000Z' };
    expect(planApply({ ...del, targetCollection: 'visits' }, submitted, rep, NOW)).toEqual({ ok: false, reason: 'refused', refusal: 'append_only' });
    expect(planApply({ ...del, otherValue: '"yes"' }, customer, rep, NOW)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('restores exactly the value that lost in the server merge (shared/sync/merge.ts)', () => {
    // Two reps change the same fields of one customer offline; the server keeps the first push.
    const base = customer;
    const master: Customer = { ...base, address: { city: '杭州', province: '浙江' }, assessment: { tier: 'B' } };
    const incoming: Customer = { ...base, address: { city: '上海', province: '北京' }, assessment: { tier: 'C', attitude: '积极' } };
    const serverOwned = SERVER_OWNED_FIELDS.customers;
    const { merged, lost } = mergeForPush(base, incoming, master, serverOwned);
    const records = conflictRecords({
      collection: 'customers', documentId: base.id, territoryId: 'T-SH', lost, actor: rep, now: NOW, newId: () => 'k',
    });
    expect(records.map((r) => r.field).sort()).toEqual(['address.city', 'assessment.tier']);
    let doc = merged;
    for (const r of records) {
      const plan = planApply(r, doc, rep, NOW);
      if (!plan.ok || plan.remove) throw new Error(`not applicable: ${JSON.stringify(plan)}`);
      doc = plan.doc;
    }
    expect(doc.address).toEqual({ city: '上海', province: '浙江' });
    expect(doc.assessment).toEqual({ tier: 'C', attitude: '积极' });
  });
});

describe('changedSinceKept', () => {
  it('is undefined while the document still holds the kept value', () => {
    expect(changedSinceKept(customer, conflict())).toBeUndefined();
    expect(changedSinceKept(customer, conflict({ field: 'phone', keptValue: 'null' }))).toBeUndefined();
  });

  it('gives the value now in the document when it was changed since', () => {
    expect(changedSinceKept({ ...customer, address: { city: '南京' } }, conflict())).toEqual({ value: '南京' });
    expect(changedSinceKept({ ...customer, address: {} }, conflict())).toEqual({ value: null });
  });

  it('has nothing to say about a missing document or a delete', () => {
    expect(changedSinceKept(null, conflict())).toBeUndefined();
    expect(changedSinceKept(customer, conflict({ field: '_deleted', keptValue: 'false' }))).toBeUndefined();
  });
});

describe('resolutionPatch', () => {
  it('changes only the status and when it was resolved (and the local meta fields)', () => {
    expect(resolutionPatch('dismissed', 'u-li', NOW)).toEqual({ status: 'dismissed', resolvedAt: NOW, updatedAt: NOW, updatedBy: 'u-li' });
  });
});

describe('splitConflicts', () => {
  it('lists open conflicts newest first and resolved ones most recently resolved first', () => {
    const all = [
      conflict({ id: 'a', otherAt: '2026-11-20T00:00:00.000Z' }),
      conflict({ id: 'b', otherAt: '2026-11-22T00:00:00.000Z' }),
      conflict({ id: 'c', status: 'applied', resolvedAt: '2026-11-21T00:00:00.000Z' }),
      conflict({ id: 'd', status: 'dismissed', resolvedAt: '2026-11-22T09:00:00.000Z' }),
      conflict({ id: 'e', otherAt: '2026-11-22T00:00:00.000Z' }),
    ];
    const { open, resolved } = splitConflicts(all);
    expect(open.map((c) => c.id)).toEqual(['e', 'b', 'a']);
    expect(resolved.map((c) => c.id)).toEqual(['d', 'c']);
  });

  it('falls back to the creation time when the other side has no time', () => {
    const { otherAt: _, ...noTime } = conflict({ id: 'x', createdAt: '2026-11-23T00:00:00.000Z' });
    expect(splitConflicts([conflict({ id: 'y' }), noTime]).open.map((c) => c.id)).toEqual(['x', 'y']);
  });
});

describe('targetIds', () => {
  it('groups the target documents by collection, once each, sorted, skipping unknown collections', () => {
    expect(targetIds([
      conflict({ documentId: 'c-2' }),
      conflict({ documentId: 'c-1' }),
      conflict({ documentId: 'c-2', field: 'phone' }),
      conflict({ targetCollection: 'visits', documentId: 'v-1' }),
      conflict({ targetCollection: 'nonsense', documentId: 'z' }),
    ])).toEqual({ customers: ['c-1', 'c-2'], visits: ['v-1'] });
  });
});
