import { shortHash } from '../../shared/util/hash';
import { localDay } from '../../shared/util/time';
import type { Customer, Reminder, Visit } from '../../shared/schemas';
import type { SyncDoc } from '../../shared/sync/protocol';
import { writeAsSystem } from '../org/systemWrite';
import type { Store } from '../store/types';
import { demoProduct, territoryDocs } from './demoLookup';

/**
 * Demo data for the Today view of every demo rep: contacts with agreed next steps (one overdue,
 * one due today, one tomorrow, one in a draft, one without a date), key dates some customers
 * shared (one today, one just missed, one on 29 February), replenishment reminders for pharmacies
 * and a few reminders of the rep's own. Dates are relative to `now`, in the server's time zone
 * (the demo runs on the machine it is shown on). Reads the users, customers and visits seedDemo
 * wrote; writes through the system path (audited).
 */

type Lang = 'zh' | 'en';
const DAY_MS = 86_400_000;

const TEXT = {
  zh: {
    nextSteps: [
      '带康脉宁老年患者安全性研究文献再访主任',
      '送 20 份患者教育手册（中文版）',
      '确认药事会时间，准备缬平进院资料',
      '跟进样品反馈，约科室会时间',
      '把联合用药问题的医学部答复带给主任',
    ],
    summary: '拜访顺利，约定了下一步。',
    customs: [
      { title: '准备周五科室会幻灯片', days: 0, time: '14:00' },
      { title: '提交本月费用报销', days: 2 },
      { title: '电话确认学术会议参会名单', days: 5, withCustomer: true },
    ],
    keyDateLabel: '建院纪念日',
    restock: (name: string) => `${name} 补货`,
  },
  en: {
    nextSteps: [
      'Bring the renal impairment data for Cardiolin',
      'Drop off 20 bilingual patient diaries',
      'Confirm the formulary committee date and send the Valsarin dossier',
      'Ask how the samples went and book a department meeting',
      'Bring medical affairs\' answer on combination therapy',
    ],
    summary: 'Good call; next step agreed.',
    customs: [
      { title: 'Prepare slides for Friday\'s department meeting', days: 0, time: '14:00' },
      { title: 'Submit this month\'s expense report', days: 2 },
      { title: 'Call to confirm the symposium guest list', days: 5, withCustomer: true },
    ],
    keyDateLabel: 'Hospital founding day',
    restock: (name: string) => `Restock ${name}`,
  },
} as const;

export async function seedReminders(store: Store, options: { now: string }): Promise<{ reminders: number; visits: number; keyDates: number }> {
  const { now } = options;
  const nowMs = Date.parse(now);
  const dayAt = (days: number) => localDay(new Date(nowMs + days * DAY_MS));
  const instantAt = (days: number) => new Date(nowMs + days * DAY_MS).toISOString();
  const mmdd = (days: number) => dayAt(days).slice(5);
  const users = await store.listUsers();
  const byId = new Map(users.map((u) => [u.id, u]));
  const reps = users.filter((u) => u.roles.includes('rep') && u.territoryIds.length > 0);
  let counts = { reminders: 0, visits: 0, keyDates: 0 };

  for (const rep of reps) {
    const territoryId = rep.territoryIds[0]!;
    const lang: Lang = rep.managerId && byId.get(rep.managerId)?.userName === 'emily.manager' ? 'en' : 'zh';
    const text = TEXT[lang];
    const customers = await territoryDocs(store, 'customers', territoryId);
    const hcps = customers.filter((c) => c.type === 'hcp');
    const pharmacies = customers.filter((c) => c.type === 'pharmacy');
    const hcos = customers.filter((c) => c.type === 'hco');
    if (hcps.length === 0) continue;
    const hcp = (i: number) => hcps[i % hcps.length]!;
    const stamp = { createdAt: now, updatedAt: now, createdBy: rep.id, updatedBy: rep.id, _deleted: false };

    // Contacts with next steps: [days ago of the contact, follow-up day offset or null (no date), draft?]
    const plan: readonly [number, number | null, boolean][] = [[6, -2, false], [3, 0, false], [1, 1, false], [0, 4, true], [10, null, false]];
    const visits: SyncDoc<'visits'>[] = plan.map(([ago, followUp, draft], i) => {
      const customer = hcp(i * 7 + 3);
      const startAt = instantAt(-ago);
      const visit: Visit = {
        id: `demo-visit-${territoryId}-fu-${i + 1}`,
        customerId: customer.id,
        territoryId,
        repId: rep.id,
        kind: 'visit',
        status: draft ? 'draft' : 'submitted',
        startAt,
        durationMinutes: 30,
        productsPresented: [demoProduct(i % 2 === 0 ? 'prod-cardiolin' : 'prod-valsarin')],
        summary: text.summary,
        nextStep: text.nextSteps[i]!,
        ...(followUp !== null ? { followUpDate: dayAt(followUp) } : {}),
        ...(draft ? {} : { submittedAt: startAt }),
        ...stamp,
      };
      return { ...visit, _deleted: false };
    });

    // Key dates the customers shared: today, two days ago, in three and in twelve days, 29 February.
    type KeyDate = NonNullable<Customer['keyDates']>[number];
    const dated = new Map<string, { customer: Customer; keyDates: KeyDate[] }>();
    const addKeyDate = (customer: Customer, keyDate: KeyDate) => {
      const entry = dated.get(customer.id) ?? { customer, keyDates: [] };
      entry.keyDates.push(keyDate);
      dated.set(customer.id, entry);
    };
    addKeyDate(hcp(1), { kind: 'birthday', date: mmdd(0) });
    addKeyDate(hcp(4), { kind: 'birthday', date: `1975-${mmdd(-2)}` });
    addKeyDate(hcp(8), { kind: 'birthday', date: mmdd(3) });
    addKeyDate(hcp(9), { kind: 'birthday', date: '1984-02-29' });
    if (hcos[0]) addKeyDate(hcos[0], { kind: 'anniversary', label: text.keyDateLabel, date: `1958-${mmdd(12)}` });
    const withKeyDates: SyncDoc<'customers'>[] = [...dated.values()].map(({ customer, keyDates }) => ({ ...customer, keyDates, _deleted: false }));

    // Replenishment: a pharmacy whose last Glucostat presentation was 27 days ago (due in 3 days), one overdue since yesterday.
    const reminders: SyncDoc<'reminders'>[] = [];
    const base = (id: string, fields: Omit<Reminder, 'id' | 'ownerId' | 'territoryId' | 'status' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'>) => ({
      id: `demo-rem-${territoryId}-${id}`, ownerId: rep.id, territoryId, status: 'open' as const, ...fields, ...stamp,
    });
    const [pharmacyA, pharmacyB] = pharmacies;
    if (pharmacyA) {
      const glucostat = demoProduct('prod-glucostat');
      visits.push({
        id: `demo-visit-${territoryId}-restock-1`, customerId: pharmacyA.id, territoryId, repId: rep.id, kind: 'visit', status: 'submitted',
        startAt: instantAt(-27), submittedAt: instantAt(-27), durationMinutes: 20, productsPresented: [glucostat],
        samples: [{ product: glucostat, quantity: 10 }], summary: text.summary, ...stamp,
      });
      reminders.push(base('restock-1', { kind: 'replenishment', customerId: pharmacyA.id, product: glucostat, intervalDays: 30, title: text.restock(glucostat.name), dueDate: dayAt(3) }));
    }
    if (pharmacyB) {
      const vitacal = demoProduct('prod-vitacal');
      reminders.push(base('restock-2', { kind: 'replenishment', customerId: pharmacyB.id, product: vitacal, intervalDays: 21, title: text.restock(vitacal.name), dueDate: dayAt(-1) }));
    }
    for (const [i, c] of text.customs.entries()) {
      const customer = 'withCustomer' in c && c.withCustomer ? hcp(i * 5 + 2) : undefined;
      reminders.push(base(`custom-${i + 1}-${shortHash(c.title)}`, {
        kind: 'custom', title: c.title, dueDate: dayAt(c.days),
        ...('time' in c ? { dueTime: c.time } : {}),
        ...(customer ? { customerId: customer.id } : {}),
      }));
    }

    await writeAsSystem(store, 'customers', withKeyDates, now);
    await writeAsSystem(store, 'visits', visits, now);
    await writeAsSystem(store, 'reminders', reminders, now);
    counts = {
      reminders: counts.reminders + reminders.length,
      visits: counts.visits + visits.length,
      keyDates: counts.keyDates + withKeyDates.length,
    };
  }
  return counts;
}
