import { describe, expect, it } from 'vitest';
import { toCsv, parseCsv } from '../../../../../shared/export/csv';
import type { ActivityEvaluation } from '../../../../../shared/reports/activities';
import type { Activity } from '../../../../../shared/schemas';
import { parseDrill } from '../drill';
import { activitiesTable } from './activitiesModel';

const t = (key: string) => key;
const activity = {
  id: 'act1', territoryId: 't-1', ownerId: 'm1', name: '科室会', kind: 'meeting', status: 'done', startDate: '2026-11-02', endDate: '2026-11-03',
  cost: { amount: 1000, currency: 'CNY' }, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', createdBy: 'm1', updatedBy: 'm1',
} as Activity;
const row: ActivityEvaluation = {
  activityId: 'act1', activity, currency: 'CNY', activityCost: 1000, visitCost: 200, totalCost: 1200, otherCurrencyVisits: 0,
  visitIds: ['v1', 'v2'], customerIds: ['c1'], costPerContact: 600, costPerCustomer: 1200, windowEnd: '2026-12-03',
  feedbackIds: ['f1'], followUps: { done: 0, overdue: 1, due: 0, visitIds: ['v1'] }, tierChanges: { up: 1, down: 0, commentIds: ['k1'] },
};

describe('activities table', () => {
  const table = activitiesTable([row], (id) => `${id} · Rep`, t);
  const col = (key: string) => table.columns.findIndex((c) => c.header === `team.col.${key}`);

  it('puts what a manager compares first and keeps every cell under its header', () => {
    expect(table.columns.slice(0, 7).map((c) => c.header)).toEqual(
      ['activity', 'kind', 'start', 'totalCost', 'contacts', 'customersReached', 'costPerContact'].map((k) => `team.col.${k}`),
    );
    expect(table.rows[0]).toHaveLength(table.columns.length);
    expect(table.drills![0]).toHaveLength(table.columns.length);
    expect(table.rows[0]![col('totalCost')]).toBe(1200);
    expect(table.rows[0]![col('costPerContact')]).toBe(600);
    expect(table.rows[0]![col('territory')]).toBe('t-1 · Rep');
    expect(table.rows[0]![col('end')]).toBe('2026-11-03');
  });

  it('opens the records behind each count, and nothing behind a zero', () => {
    const drill = (key: string) => parseDrill(table.drills![0]![col(key)] ?? null);
    expect(drill('contacts')).toEqual({ kind: 'activity', activityId: 'act1', part: 'visits' });
    expect(drill('customersReached')).toEqual({ kind: 'activity', activityId: 'act1', part: 'customers' });
    expect(drill('followUpsOverdue')).toEqual({ kind: 'activity', activityId: 'act1', part: 'followUps' });
    expect(drill('tierUp')).toEqual({ kind: 'activity', activityId: 'act1', part: 'tierChanges' });
    expect(table.drills![0]![col('followUpsDone')]).toBeNull();
    expect(table.drills![0]![col('tierDown')]).toBeNull();
    expect(table.drills![0]![col('costPerContact')]).toBeNull();
  });

  it('exports as it is built: the CSV reads back to the headers and the raw figures', () => {
    const rows = parseCsv(toCsv(table));
    expect(rows[0]).toEqual(table.columns.map((c) => c.header));
    expect(rows[1]).toEqual(table.rows[0]!.map((v) => (v === null ? '' : String(v))));
  });
});
