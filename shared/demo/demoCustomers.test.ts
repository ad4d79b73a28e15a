import { describe, expect, it } from 'vitest';
import { validateDocument } from '../validation/validateDocument';
import { demoCustomers } from './demoCustomers';

describe('demoCustomers', () => {
  const customers = demoCustomers({ count: 2000, territoryId: 't-bj', ownerId: 'u-rep1' });

  it('are valid customer documents with unique ids and codes', () => {
    for (const c of customers) expect(validateDocument('customers', c)).toEqual({});
    expect(new Set(customers.map((c) => c.id)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.code)).size).toBe(customers.length);
  });

  it('are the same for the same seed and differ for another', () => {
    expect(demoCustomers({ count: 50, territoryId: 't', ownerId: 'u' })).toEqual(demoCustomers({ count: 50, territoryId: 't', ownerId: 'u' }));
    expect(demoCustomers({ count: 50, seed: 7, territoryId: 't', ownerId: 'u' })[0]?.name).not.toBe(undefined);
    expect(demoCustomers({ count: 50, seed: 7, territoryId: 't', ownerId: 'u' })).not.toEqual(demoCustomers({ count: 50, territoryId: 't', ownerId: 'u' }));
  });

  it('mix types, tiers and both scripts roughly as configured', () => {
    const share = (pred: (c: (typeof customers)[number]) => boolean) => customers.filter(pred).length / customers.length;
    expect(share((c) => c.type === 'hcp')).toBeGreaterThan(0.6);
    expect(share((c) => c.assessment?.tier === 'A')).toBeLessThan(0.15);
    expect(share((c) => /[\u4e00-\u9fff]/.test(c.name))).toBeGreaterThan(0.7);
    expect(share((c) => /^[\x20-\x7e]+$/.test(c.name))).toBeGreaterThan(0.05);
  });
});
