import { describe, it, expect } from 'vitest';
import { deletePath, getPath, setPath } from './paths';
import { parseUserNumber } from './numbers';
import { instantToLocalInput, localDay, localInputToInstant, nowIso } from './time';
import { shortHash } from './hash';

/** Runs `fn` with the process time zone set to `tz` (Node re-reads TZ when it is assigned). */
function withTimeZone<T>(tz: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
/** Assigning TZ takes effect in a child process (Vitest's default pool), not in a worker thread. */
const canSwitchTimeZone = withTimeZone('Asia/Kathmandu', () => new Date('2026-01-01T00:00:00.000Z').getTimezoneOffset() === -345);

describe('paths', () => {
  describe('getPath', () => {
    const doc = { name: '张伟', address: { city: '北京', geo: { lat: 39.9 } }, contacts: [{ name: '王芳' }], creditLimit: 0 };

    it('reads top-level and nested values', () => {
      expect(getPath(doc, 'name')).toBe('张伟');
      expect(getPath(doc, 'address.city')).toBe('北京');
      expect(getPath(doc, 'address.geo.lat')).toBe(39.9);
      expect(getPath(doc, 'address')).toEqual({ city: '北京', geo: { lat: 39.9 } });
    });

    it('returns falsy values as they are', () => {
      expect(getPath(doc, 'creditLimit')).toBe(0);
      expect(getPath({ a: { b: '' } }, 'a.b')).toBe('');
      expect(getPath({ a: null }, 'a')).toBeNull();
    });

    it('returns undefined for missing paths and non-object sources', () => {
      expect(getPath(doc, 'email')).toBeUndefined();
      expect(getPath(doc, 'bankAccount.bankName')).toBeUndefined();
      expect(getPath(doc, 'name.length')).toBeUndefined();
      expect(getPath(null, 'a')).toBeUndefined();
      expect(getPath(undefined, 'a.b')).toBeUndefined();
      expect(getPath('text', 'length')).toBeUndefined();
      expect(getPath({ a: null }, 'a.b')).toBeUndefined();
    });

    it('does not descend into arrays (plain objects only)', () => {
      expect(getPath(doc, 'contacts.0.name')).toBeUndefined();
      expect(getPath(doc, 'contacts')).toEqual([{ name: '王芳' }]);
    });
  });

  describe('setPath', () => {
    it('sets a top-level value', () => {
      const target: Record<string, unknown> = {};
      setPath(target, 'name', '李娜');
      expect(target).toEqual({ name: '李娜' });
    });

    it('creates intermediate objects', () => {
      const target: Record<string, unknown> = { name: '李娜' };
      setPath(target, 'assessment.rating', 4);
      setPath(target, 'bankAccount.accountName', '李娜');
      expect(target).toEqual({ name: '李娜', assessment: { rating: 4 }, bankAccount: { accountName: '李娜' } });
    });

    it('keeps siblings of an existing parent and overwrites the leaf', () => {
      const target: Record<string, unknown> = { address: { city: '上海', province: '上海市' } };
      setPath(target, 'address.city', '杭州');
      setPath(target, 'address.line', '西湖区');
      expect(target).toEqual({ address: { city: '杭州', province: '上海市', line: '西湖区' } });
    });

    it('replaces a non-object in the way with an object', () => {
      const target: Record<string, unknown> = { address: '上海' };
      setPath(target, 'address.city', '上海');
      expect(target).toEqual({ address: { city: '上海' } });
    });

    it('mutates the target in place', () => {
      const inner = { city: '上海' };
      const target: Record<string, unknown> = { address: inner };
      setPath(target, 'address.postalCode', '200032');
      expect(target.address).toBe(inner);
      expect(inner).toEqual({ city: '上海', postalCode: '200032' });
    });
  });

  describe('deletePath', () => {
    it('removes a top-level value', () => {
      const target: Record<string, unknown> = { name: '李娜', email: 'li@example.cn' };
      deletePath(target, 'email');
      expect(target).toEqual({ name: '李娜' });
    });

    it('removes a nested value and keeps a parent that still has keys', () => {
      const target: Record<string, unknown> = { address: { city: '上海', province: '上海市' } };
      deletePath(target, 'address.city');
      expect(target).toEqual({ address: { province: '上海市' } });
    });

    it('prunes the parent objects it leaves empty, all the way up', () => {
      const target: Record<string, unknown> = { name: '李娜', address: { city: '上海' } };
      deletePath(target, 'address.city');
      expect(target).toEqual({ name: '李娜' });

      const deep: Record<string, unknown> = { keep: 1, a: { b: { c: 1 } } };
      deletePath(deep, 'a.b.c');
      expect(deep).toEqual({ keep: 1 });

      const partly: Record<string, unknown> = { a: { other: true, b: { c: 1 } } };
      deletePath(partly, 'a.b.c');
      expect(partly).toEqual({ a: { other: true } });
    });

    it('never removes the target itself', () => {
      const target: Record<string, unknown> = { only: 1 };
      deletePath(target, 'only');
      expect(target).toEqual({});
    });

    it('does nothing when the path does not exist', () => {
      const target: Record<string, unknown> = { name: '李娜', address: { city: '上海' } };
      deletePath(target, 'bankAccount.bankName');
      deletePath(target, 'address.line');
      deletePath(target, 'name.first');
      expect(target).toEqual({ name: '李娜', address: { city: '上海' } });
    });

    it('does not touch arrays on the way', () => {
      const target: Record<string, unknown> = { contacts: [{ name: '王芳' }], tags: [] };
      deletePath(target, 'contacts.0.name');
      deletePath(target, 'tags.0');
      expect(target).toEqual({ contacts: [{ name: '王芳' }], tags: [] });
    });

    it('removes an array held at the path itself', () => {
      const target: Record<string, unknown> = { name: '李娜', keyDates: [{ kind: 'birthday', date: '05-12' }] };
      deletePath(target, 'keyDates');
      expect(target).toEqual({ name: '李娜' });
    });
  });
});

describe('parseUserNumber', () => {
  it('returns undefined for empty or blank text', () => {
    expect(parseUserNumber('')).toBeUndefined();
    expect(parseUserNumber('   ')).toBeUndefined();
    expect(parseUserNumber('\u3000')).toBeUndefined(); // ideographic space
  });

  it('parses plain integers and decimals', () => {
    expect(parseUserNumber('0')).toBe(0);
    expect(parseUserNumber('42')).toBe(42);
    expect(parseUserNumber('3.14')).toBe(3.14);
    expect(parseUserNumber('.5')).toBe(0.5);
    expect(parseUserNumber('12.')).toBe(12);
  });

  it('parses signs', () => {
    expect(parseUserNumber('-3')).toBe(-3);
    expect(parseUserNumber('+7')).toBe(7);
    expect(parseUserNumber('-0.25')).toBe(-0.25);
  });

  it('ignores grouping separators and surrounding whitespace', () => {
    expect(parseUserNumber(' 1 200 ')).toBe(1200);
    expect(parseUserNumber('1,200.5')).toBe(1200.5);
    expect(parseUserNumber('12,500.50')).toBe(12500.5);
    expect(parseUserNumber('1_000_000')).toBe(1_000_000);
    expect(parseUserNumber('12\u00a0500')).toBe(12500); // no-break space
  });

  it('folds full-width digits and punctuation (Chinese IME input)', () => {
    expect(parseUserNumber('１２')).toBe(12);
    expect(parseUserNumber('１２５００')).toBe(12500);
    expect(parseUserNumber('１２，５００．５')).toBe(12500.5);
    expect(parseUserNumber('－３')).toBe(-3);
  });

  it('returns NaN for text that is not a plain decimal number', () => {
    expect(parseUserNumber('abc')).toBeNaN();
    expect(parseUserNumber('lots')).toBeNaN();
    expect(parseUserNumber('1e5')).toBeNaN(); // exponents are not something a rep types on purpose
    expect(parseUserNumber('0x10')).toBeNaN();
    expect(parseUserNumber('Infinity')).toBeNaN();
    expect(parseUserNumber('1.2.3')).toBeNaN();
    expect(parseUserNumber('-')).toBeNaN();
    expect(parseUserNumber('.')).toBeNaN();
    expect(parseUserNumber('¥100')).toBeNaN();
    expect(parseUserNumber('100元')).toBeNaN();
    expect(parseUserNumber('半小时')).toBeNaN();
  });
});

describe('time', () => {
  it('nowIso gives an ISO 8601 UTC instant with milliseconds', () => {
    expect(nowIso()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  describe('localDay', () => {
    it('formats a local calendar day as YYYY-MM-DD with zero padding', () => {
      expect(localDay(new Date(2026, 0, 5, 9, 30))).toBe('2026-01-05');
      expect(localDay(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    });

    it('defaults to today', () => {
      const today = new Date();
      const day = localDay();
      // Tolerates the test straddling midnight.
      expect([localDay(today), localDay(new Date())]).toContain(day);
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it.skipIf(!canSwitchTimeZone)('uses the local day, not the UTC day', () => {
      withTimeZone('Asia/Shanghai', () => {
        // 20:00 UTC on 1 March is 04:00 on 2 March in Beijing.
        expect(localDay(new Date('2026-03-01T20:00:00.000Z'))).toBe('2026-03-02');
      });
      withTimeZone('America/New_York', () => {
        expect(localDay(new Date('2026-03-02T03:00:00.000Z'))).toBe('2026-03-01');
      });
    });
  });

  describe('instantToLocalInput / localInputToInstant', () => {
    it('converts a stored instant to local wall time, minutes only', () => {
      const iso = '2026-03-02T02:05:00.000Z';
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      expect(instantToLocalInput(iso)).toBe(`${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`);
      expect(instantToLocalInput('2026-03-02T02:05:42.123Z')).toBe(instantToLocalInput(iso));
    });

    it('converts local wall time to the UTC instant', () => {
      expect(localInputToInstant('2026-03-02T10:00')).toBe(new Date('2026-03-02T10:00').toISOString());
      expect(localInputToInstant('2026-03-02T10:00:30')).toBe(new Date('2026-03-02T10:00:30').toISOString());
    });

    it('round-trips minute-aligned instants', () => {
      for (const iso of ['2026-03-02T02:00:00.000Z', '2026-12-31T23:59:00.000Z', '2027-01-01T00:00:00.000Z', '2026-06-15T08:45:00.000Z']) {
        expect(localInputToInstant(instantToLocalInput(iso))).toBe(iso);
      }
      for (const local of ['2026-03-02T09:30', '2026-11-23T00:00', '2026-07-01T23:15']) {
        expect(instantToLocalInput(localInputToInstant(local) as string)).toBe(local);
      }
    });

    it.skipIf(!canSwitchTimeZone)('round-trips in Beijing time with the expected wall clock', () => {
      withTimeZone('Asia/Shanghai', () => {
        expect(instantToLocalInput('2026-03-01T17:30:00.000Z')).toBe('2026-03-02T01:30');
        expect(localInputToInstant('2026-03-02T09:30')).toBe('2026-03-02T01:30:00.000Z');
      });
    });

    it('gives "" for an instant that cannot be read', () => {
      expect(instantToLocalInput('')).toBe('');
      expect(instantToLocalInput('not a date')).toBe('');
      expect(instantToLocalInput('2026-13-45T00:00:00.000Z')).toBe('');
    });

    it('gives undefined for text that is not a datetime-local value', () => {
      expect(localInputToInstant('')).toBeUndefined();
      expect(localInputToInstant('2026-03-02')).toBeUndefined();
      expect(localInputToInstant('10:00')).toBeUndefined();
      expect(localInputToInstant('2026/03/02 10:00')).toBeUndefined();
      expect(localInputToInstant('2026-3-2T10:00')).toBeUndefined();
      expect(localInputToInstant('2026-13-45T10:00')).toBeUndefined();
      expect(localInputToInstant('2026-03-02T25:00')).toBeUndefined();
    });
  });
});

describe('shortHash', () => {
  it('is stable for the same input', () => {
    expect(shortHash('u-rep-li@https://sync.fieldbook.example')).toBe(shortHash('u-rep-li@https://sync.fieldbook.example'));
  });

  it('does not change between releases (local database names depend on it)', () => {
    expect(shortHash('')).toBe('wvjl67o803');
    expect(shortHash('a')).toBe('262p94epp1d');
    expect(shortHash('https://sync.fieldbook.example/u-rep-li')).toBe('16is56hk67s');
    expect(shortHash('张伟')).toBe('plcbyvb7xb');
  });

  it('differs for different inputs, including near misses', () => {
    const inputs = ['a', 'b', 'ab', 'ba', 'u-rep-li', 'u-rep-l1', 'u-rep-li ', 'U-REP-LI', '张伟', '张玮', ''];
    const hashes = new Set(inputs.map(shortHash));
    expect(hashes.size).toBe(inputs.length);
  });

  it('is short base-36 text (at most 53 bits)', () => {
    for (const input of ['', 'x', '北京协和医院', 'a'.repeat(10_000)]) {
      const h = shortHash(input);
      expect(h).toMatch(/^[0-9a-z]{1,11}$/);
      expect(parseInt(h, 36)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    }
  });
});
