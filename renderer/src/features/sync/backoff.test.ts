import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from one second up to thirty, within [half, full]', () => {
    expect(backoffDelay(0, { random: () => 1 })).toBe(1_000);
    expect(backoffDelay(0, { random: () => 0 })).toBe(500);
    expect(backoffDelay(3, { random: () => 1 })).toBe(8_000);
    expect(backoffDelay(10, { random: () => 1 })).toBe(30_000);
    expect(backoffDelay(1000, { random: () => 0 })).toBe(15_000);
  });
});
