import { describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone, daysBetween, isDay, isLeapYear, laterDay, timeInTimeZone, weekday, yearlyDateIn } from './days';

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('is not fooled by daylight saving (days are calendar days)', () => {
    // Europe and the US change clocks in late March / early November; a day stays a day.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('counts whole days both ways', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-03-10', '2026-03-03')).toBe(-7);
  });

  it('knows real days and leap years', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2026-04-31')).toBe(false);
    expect(isDay('2026-4-1')).toBe(false);
    expect(isDay(20260401)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
  });

  it('gives weekdays and the later of two days', () => {
    expect(weekday('2026-03-16')).toBe(1); // a Monday
    expect(laterDay('2026-03-01', '2026-02-28')).toBe('2026-03-01');
    expect(laterDay('2026-02-28', '2026-03-01')).toBe('2026-03-01');
  });
});

describe('yearlyDateIn', () => {
  it('places MM-DD and YYYY-MM-DD dates in the given year', () => {
    expect(yearlyDateIn('05-12', 2026)).toBe('2026-05-12');
    expect(yearlyDateIn('1978-05-12', 2026)).toBe('2026-05-12');
  });

  it('moves 29 February to 28 February in common years', () => {
    expect(yearlyDateIn('02-29', 2027)).toBe('2027-02-28');
    expect(yearlyDateIn('1996-02-29', 2026)).toBe('2026-02-28');
    expect(yearlyDateIn('02-29', 2028)).toBe('2028-02-29');
  });

  it('refuses dates that do not exist in any year', () => {
    expect(yearlyDateIn('02-30', 2028)).toBeNull();
    expect(yearlyDateIn('13-01', 2026)).toBeNull();
    expect(yearlyDateIn('00-10', 2026)).toBeNull();
    expect(yearlyDateIn('birthday', 2026)).toBeNull();
  });
});

describe('days and times in a time zone', () => {
  it('takes the local calendar day, not the UTC one', () => {
    // 20:00 UTC on 1 March is 04:00 on 2 March in Beijing and 15:00 on 1 March in New York.
    expect(dayInTimeZone('2026-03-01T20:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(dayInTimeZone('2026-03-01T20:00:00.000Z', 'America/New_York')).toBe('2026-03-01');
    expect(dayInTimeZone('2026-03-02T03:00:00.000Z', 'America/New_York')).toBe('2026-03-01');
    expect(dayInTimeZone('2026-03-01T23:59:59.000Z', 'UTC')).toBe('2026-03-01');
  });

  it('gives the wall-clock time', () => {
    expect(timeInTimeZone('2026-03-01T06:05:00.000Z', 'Asia/Shanghai')).toBe('14:05');
    expect(timeInTimeZone('2026-03-01T16:00:00.000Z', 'Asia/Shanghai')).toBe('00:00');
  });
});
