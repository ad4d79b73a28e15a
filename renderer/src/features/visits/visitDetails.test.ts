import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../../shared/schemas';
import { formatDateTime, formatDay } from '../../components/format';
import { visitDetailRows } from './visitDetails';

/** A translator that shows the key (and parameters), so the tests read which text is used. */
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key);

const base: Visit = {
  id: 'v-1', customerId: 'c-1', territoryId: 'T-1', repId: 'u-1', kind: 'call', status: 'submitted',
  startAt: '2026-03-02T02:00:00.000Z', submittedAt: '2026-03-02T03:00:00.000Z',
  createdAt: '2026-03-02T03:00:00.000Z', updatedAt: '2026-03-02T03:00:00.000Z', createdBy: 'u-1', updatedBy: 'u-1',
};

describe('visitDetailRows', () => {
  it('lists every field of the form in order, empty ones as a dash', () => {
    const rows = visitDetailRows(base, t, 'en');
    expect(rows.map((r) => r.id)).toEqual([
      'kind', 'startAt', 'location', 'durationMinutes', 'cost', 'productsPresented', 'samples', 'concessions',
      'summary', 'jointActions', 'nextStep', 'followUpDate', 'submittedAt',
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('kind')).toMatchObject({ label: 'visits.kind', text: 'visitKind.call', empty: false });
    expect(byId.get('startAt')?.text).toBe(formatDateTime(base.startAt, 'en'));
    expect(byId.get('submittedAt')).toMatchObject({ label: 'visitFlow.submittedAt', text: formatDateTime('2026-03-02T03:00:00.000Z', 'en') });
    for (const id of ['location', 'durationMinutes', 'cost', 'samples', 'summary', 'followUpDate']) {
      expect(byId.get(id)).toMatchObject({ text: 'common.none', empty: true });
    }
    expect(byId.get('summary')?.wide).toBe(true);
    expect(byId.get('kind')).not.toHaveProperty('wide');
  });

  it('formats numbers, money, dates and lists in the UI language, one list item per line', () => {
    const visit: Visit = {
      ...base,
      location: '中山医院',
      durationMinutes: 0,
      cost: { amount: 1280.5, currency: 'CNY' },
      productsPresented: [{ productId: 'p-1', name: '阿托伐他汀' }, { name: '新品A' }],
      samples: [{ product: { name: '瑞舒伐他汀' }, quantity: 2 }],
      concessions: [
        { kind: 'gift', description: '学术资料', value: { amount: 50, currency: 'CNY' } },
        { kind: 'other', description: '场地' },
      ],
      summary: '  ',
      nextStep: '送文献',
      followUpDate: '2026-03-16',
    };
    const byId = new Map(visitDetailRows(visit, t, 'zh-CN').map((r) => [r.id, r.text]));
    const cny = (n: number) => new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(n);
    expect(byId.get('location')).toBe('中山医院');
    expect(byId.get('durationMinutes')).toBe('visits.minutes{"count":0}');
    expect(byId.get('cost')).toBe(cny(1280.5));
    expect(byId.get('productsPresented')).toBe('阿托伐他汀\n新品A');
    expect(byId.get('samples')).toBe('瑞舒伐他汀 × 2');
    expect(byId.get('concessions')).toBe(`concessionKind.gift: 学术资料 (${cny(50)})\nconcessionKind.other: 场地`);
    expect(byId.get('summary')).toBe('common.none');
    expect(byId.get('nextStep')).toBe('送文献');
    expect(byId.get('followUpDate')).toBe(formatDay('2026-03-16', 'zh-CN'));
  });
});
