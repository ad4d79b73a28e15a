import { describe, expect, it } from 'vitest';
import { errorsToScreenRows, keepFilledRows } from './formRows';

describe('form rows', () => {
  const rows = [{ v: '' }, { v: 'a' }, { v: '' }, { v: 'b' }];
  const kept = keepFilledRows(rows, (r) => r.v === '');

  it('keeps filled rows with their position on screen', () => {
    expect(kept).toEqual([{ row: { v: 'a' }, index: 1 }, { row: { v: 'b' }, index: 3 }]);
  });

  it('moves errors from the kept position to the screen row and the field shown', () => {
    const errors = errorsToScreenRows(
      { 'samples.1.product.name': { code: 'required' }, 'samples.0.quantity': { code: 'range' }, summary: { code: 'tooLong' } },
      'samples',
      kept,
    );
    expect(errors).toEqual({ 'samples.3.product': { code: 'required' }, 'samples.1.quantity': { code: 'range' }, summary: { code: 'tooLong' } });
  });

  it('leaves errors of other lists alone', () => {
    expect(errorsToScreenRows({ 'contacts.0.email': { code: 'email' } }, 'samples', kept)).toEqual({ 'contacts.0.email': { code: 'email' } });
  });
});
