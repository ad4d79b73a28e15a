import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { collectionCreators } from '../../../../shared/db/collections';
import type { AdverseEvent, Feedback } from '../../../../shared/schemas';
import type { FieldbookCollections, FieldbookDatabase } from '../../db/database';
import { reportAdverseEvent } from '../adverseEvents/adverseEventRepository';
import { addFollowUp, captureFeedback, updateFeedbackStatus } from './feedbackRepository';

const T0 = '2026-11-20T02:00:00.000Z';
const T1 = '2026-11-21T03:00:00.000Z';
let db: FieldbookDatabase | null = null;

/** A real RxDB database in memory that validates every write against the schemas, as dev builds do. */
async function openDb(): Promise<FieldbookDatabase> {
  db = await createRxDatabase<FieldbookCollections>({
    name: `fb${Math.random().toString(36).slice(2, 10)}`,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    multiInstance: false,
  });
  await db.addCollections(collectionCreators());
  return db;
}

afterEach(async () => {
  await db?.close();
  db = null;
});

const captured: Feedback = {
  id: 'fb-1', customerId: 'c-1', territoryId: 't-bj', repId: 'u-zhang', visitId: 'v-1', kind: 'complaint',
  product: { productId: 'prod-glucostat', name: '糖平' }, customerWords: '到货不及时', repReading: '供货问题', status: 'new',
  capturedAt: T0, createdAt: T0, updatedAt: T0, createdBy: 'u-zhang', updatedBy: 'u-zhang',
};

describe('feedback repository', () => {
  it('changes status, assignee and resolution and nothing that was captured', async () => {
    const d = await openDb();
    await captureFeedback(d, captured);
    await updateFeedbackStatus(d, 'fb-1', { status: 'resolved', assigneeId: 'u-mgr', resolution: '已补货' }, 'u-mgr', T1);
    const stored = (await d.feedback.findOne('fb-1').exec())!.toJSON();
    expect(stored).toEqual({ ...captured, status: 'resolved', assigneeId: 'u-mgr', resolution: '已补货', updatedAt: T1, updatedBy: 'u-mgr' });

    await updateFeedbackStatus(d, 'fb-1', { status: 'in_progress', assigneeId: '', resolution: '' }, 'u-zhang', T1);
    const reopened = (await d.feedback.findOne('fb-1').exec())!.toJSON();
    expect(reopened.assigneeId).toBeUndefined();
    expect(reopened.resolution).toBeUndefined();
    expect(reopened.customerWords).toBe('到货不及时');
  });

  it('refuses an invalid update without writing it', async () => {
    const d = await openDb();
    await captureFeedback(d, captured);
    await expect(updateFeedbackStatus(d, 'fb-1', { status: 'resolved', assigneeId: '', resolution: '' }, 'u-zhang', T1)).rejects.toThrow(/resolution/);
    expect((await d.feedback.findOne('fb-1').exec())!.status).toBe('new');
  });

  it('never overwrites captured feedback with a second capture of the same id', async () => {
    const d = await openDb();
    await captureFeedback(d, captured);
    await expect(captureFeedback(d, { ...captured, customerWords: '改写' })).rejects.toThrow();
    expect((await d.feedback.findOne('fb-1').exec())!.customerWords).toBe('到货不及时');
  });

  it('adds follow-ups as their own documents', async () => {
    const d = await openDb();
    await captureFeedback(d, captured);
    const comment = await addFollowUp(d, { collection: 'feedback', id: 'fb-1', territoryId: 't-bj', customerId: 'c-1' }, '  周四到货  ', 'cm-1', 'u-zhang', T1);
    expect(comment).toMatchObject({ targetCollection: 'feedback', targetId: 'fb-1', kind: 'follow_up', text: '周四到货', authorId: 'u-zhang', at: T1 });
    expect((await d.comments.find({ selector: { targetId: 'fb-1' } }).exec()).map((c) => c.text)).toEqual(['周四到货']);
  });
});

describe('adverse event repository', () => {
  const report: AdverseEvent = {
    id: 'ae-1', territoryId: 't-bj', repId: 'u-zhang', customerId: 'c-1', patient: { initials: 'L.M.', sex: 'female' }, reporter: { name: '王建华' },
    product: { name: '康脉宁' }, event: '双踝水肿', seriousness: 'non_serious', capturedAt: T0, createdAt: T0, updatedAt: T0, createdBy: 'u-zhang', updatedBy: 'u-zhang',
  };

  it('stores the report unsent, with its linked feedback for the customer', async () => {
    const d = await openDb();
    await reportAdverseEvent(d, report, 'fb-ae-1');
    const stored = (await d.adverseevents.findOne('ae-1').exec())!.toJSON();
    expect(stored.receivedAt).toBeUndefined();
    expect((await d.feedback.findOne('fb-ae-1').exec())!.toJSON()).toMatchObject({ kind: 'adverse_event', adverseEventId: 'ae-1', customerId: 'c-1' });
    expect((await d.adverseevents.find({ selector: { receivedAt: { $exists: false } } }).exec()).map((r) => r.id)).toEqual(['ae-1']);
  });

  it('writes no feedback for a report without a customer', async () => {
    const d = await openDb();
    const { customerId: _c, ...anonymous } = report;
    await reportAdverseEvent(d, anonymous, 'fb-ae-2');
    expect(await d.feedback.find().exec()).toHaveLength(0);
  });
});
