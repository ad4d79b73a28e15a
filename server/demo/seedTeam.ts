import { localDay } from '../../shared/util/time';
import type { Activity, Comment, CustomerTier, Visit } from '../../shared/schemas';
import type { SyncDoc } from '../../shared/sync/protocol';
import { tierChangeComment } from '../../shared/reports/tierChange';
import { writeAsSystem } from '../org/systemWrite';
import type { Store } from '../store/types';
import { demoProduct, territoryDocs } from './demoLookup';

/**
 * Demo data for the manager workspace: per rep territory two marketing activities (one done
 * with contacts linked to it and what followed, one planned), coaching comments of the
 * manager on a few submitted contacts, and a tier change. Dates are relative to `now`.
 * Reads the users, customers and visits seedDemo wrote; writes through the system path (audited).
 */

const DAY_MS = 86_400_000;

const TEXT = {
  zh: {
    meeting: (city: string) => `${city}心血管科室会`,
    campaign: '糖平样品推广',
    meetingNote: '康脉宁老年高血压用药安全性专题，约 30 位医生参加。',
    summary: '科室会后回访，主任对老年患者剂量建议很感兴趣。',
    nextStep: '带剂量建议文献再访',
    coaching: [
      '拜访记录很完整。下次请先确认主任最关心的问题，再介绍临床数据。',
      '样品发放后一周内记得回访，了解患者反馈。',
    ],
  },
  en: {
    meeting: (city: string) => `${city} cardiology department meeting`,
    campaign: 'Glucostat sample campaign',
    meetingNote: 'Cardiolin in elderly hypertension: safety data; about 30 physicians.',
    summary: 'Follow-up after the department meeting; interested in the elderly dosing data.',
    nextStep: 'Bring the dosing paper',
    coaching: [
      'Clear notes. Next time open with her main concern before the outcomes data.',
      'Call back within a week of the sample drop to hear how patients did.',
    ],
  },
} as const;

export async function seedTeam(store: Store, { now }: { now: string }): Promise<{ activities: number; visits: number; comments: number }> {
  const nowMs = Date.parse(now);
  const dayAt = (days: number) => localDay(new Date(nowMs + days * DAY_MS));
  const instantAt = (days: number, hour = 0) => new Date(nowMs + days * DAY_MS + hour * 3_600_000).toISOString();
  const users = await store.listUsers();
  const byId = new Map(users.map((u) => [u.id, u]));
  const territories = new Map((await store.listTerritories()).map((t) => [t.id, t.name]));
  const counts = { activities: 0, visits: 0, comments: 0 };

  for (const rep of users.filter((u) => u.roles.includes('rep') && u.territoryIds.length > 0 && u.managerId)) {
    const manager = byId.get(rep.managerId!)!;
    const territoryId = rep.territoryIds[0]!;
    const text = TEXT[manager.userName === 'emily.manager' ? 'en' : 'zh'];
    const city = (territories.get(territoryId) ?? territoryId).split(' ')[manager.userName === 'emily.manager' ? 1 : 0] ?? territoryId;
    const customers = await territoryDocs(store, 'customers', territoryId);
    const important = customers.filter((c) => c.type === 'hcp' && (c.assessment?.tier === 'A' || c.assessment?.tier === 'B'));
    if (important.length < 4) continue;
    const managerStamp = { createdAt: now, updatedAt: now, createdBy: manager.id, updatedBy: manager.id, _deleted: false };
    const repStamp = { ...managerStamp, createdBy: rep.id, updatedBy: rep.id };

    const meeting: Activity = {
      id: `demo-act-${territoryId}-1`, territoryId, ownerId: manager.id, name: text.meeting(city), kind: 'meeting', status: 'done',
      startDate: dayAt(-20), endDate: dayAt(-20), cost: { amount: 8000, currency: 'CNY' }, products: [demoProduct('prod-cardiolin')],
      description: text.meetingNote, ...managerStamp,
    };
    const campaign: Activity = {
      id: `demo-act-${territoryId}-2`, territoryId, ownerId: manager.id, name: text.campaign, kind: 'sample_campaign', status: 'planned',
      startDate: dayAt(3), endDate: dayAt(17), cost: { amount: 3000, currency: 'CNY' }, products: [demoProduct('prod-glucostat')], ...managerStamp,
    };
    await writeAsSystem(store, 'activities', [meeting, campaign].map((a) => ({ ...a, _deleted: false })), now);

    // Contacts at and after the meeting, linked to it: one follow-up done (a later contact), one overdue.
    const plan: readonly [number, number, number | null][] = [[-20, 300, -12], [-20, 300, -5], [-19, 200, null], [-15, 150, null], [-10, 0, null]];
    const linked: SyncDoc<'visits'>[] = plan.map(([day, cost, followUp], i) => {
      const customer = important[i === 4 ? 0 : i]!;
      const startAt = instantAt(day, 2 + i);
      const visit: Visit = {
        id: `demo-visit-${territoryId}-act-${i + 1}`, customerId: customer.id, territoryId, repId: rep.id, kind: i < 2 ? 'meeting' : 'visit',
        status: 'submitted', startAt, submittedAt: startAt, durationMinutes: 30, productsPresented: [demoProduct('prod-cardiolin')],
        summary: text.summary, activityId: meeting.id, ...(cost ? { cost: { amount: cost, currency: 'CNY' } } : {}),
        ...(followUp !== null ? { nextStep: text.nextStep, followUpDate: dayAt(followUp) } : {}), ...repStamp,
      };
      return { ...visit, _deleted: false };
    });
    await writeAsSystem(store, 'visits', linked, now);

    // The manager's coaching on two of the rep's submitted contacts.
    const submitted = (await territoryDocs(store, 'visits', territoryId)).filter((v) => v.status === 'submitted' && !v.activityId).sort((a, b) => a.id.localeCompare(b.id));
    const comments: Comment[] = submitted.slice(0, 2).map((v, i) => ({
      id: `demo-comment-${territoryId}-${i + 1}`, territoryId, customerId: v.customerId, targetCollection: 'visits', targetId: v.id, kind: 'coaching',
      authorId: manager.id, text: text.coaching[i]!, at: instantAt(-1, i), createdAt: now, updatedAt: now, createdBy: manager.id, updatedBy: manager.id,
    }));

    // A customer reached by the meeting moved up a tier a week later.
    const upgraded = important.find((c) => c.assessment?.tier === 'B' && linked.some((v) => v.customerId === c.id));
    if (upgraded) {
      const to: CustomerTier = 'A';
      const at = instantAt(-13, 3);
      comments.push(tierChangeComment(upgraded, 'B', to, { id: `demo-comment-${territoryId}-tier-1`, authorId: manager.id, at, text: 'B → A' }));
      await writeAsSystem(store, 'customers', [{ ...upgraded, assessment: { ...upgraded.assessment, tier: to, reviewedAt: dayAt(-13) }, _deleted: false }], now);
    }
    await writeAsSystem(store, 'comments', comments.map((c) => ({ ...c, _deleted: false })), now);
    counts.activities += 2;
    counts.visits += linked.length;
    counts.comments += comments.length;
  }
  return counts;
}
