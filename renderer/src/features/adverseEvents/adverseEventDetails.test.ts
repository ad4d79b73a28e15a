import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import type { LooseT } from '../../i18n';
import { patientText, reporterText, seriousnessText } from './adverseEventDetails';

/** A small t over the real message files (plural keys and {{vars}}). */
function tFor(messages: unknown): LooseT {
  return (key, params = {}) => {
    const lookup = (k: string) => k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
    const count = params.count;
    const raw = (typeof count === 'number' ? lookup(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined) ?? lookup(key);
    if (typeof raw !== 'string') throw new Error(`missing ${key}`);
    return raw.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
  };
}

describe('adverse event texts', () => {
  it('describes the patient, the reporter and the seriousness in English', () => {
    const t = tFor(en);
    expect(patientText({ initials: 'L.M.', ageYears: 72, sex: 'female' }, t)).toBe('L.M. · 72 years · Female');
    expect(patientText({ initials: 'J.', sex: 'unknown' }, t)).toBe('J. · Unknown');
    expect(reporterText({ name: 'Dr. Lee', role: 'Cardiologist' })).toBe('Dr. Lee · Cardiologist');
    expect(seriousnessText({ seriousness: 'serious', seriousnessCriteria: ['hospitalisation'] }, t)).toBe('Serious (Hospitalisation)');
    expect(seriousnessText({ seriousness: 'non_serious' }, t)).toBe('Not serious');
  });

  it('and in Chinese', () => {
    const t = tFor(zhCN);
    expect(patientText({ initials: 'L.M.', ageYears: 72, sex: 'female' }, t)).toBe('L.M. · 72 岁 · 女');
    expect(seriousnessText({ seriousness: 'serious', seriousnessCriteria: ['death'] }, t)).toBe('严重 (死亡)');
  });
});
