/**
 * The benchmark organisation, written straight into a server store (SQLite file) in big
 * batches through the same path as the demo seed (writeAsSystem: schema check, server stamps,
 * audit). Seeded PRNG: the same data on every run.
 *
 * Full size: 50 reps in 5 teams of 10 (one manager each), 10,000 customers, 100,000 visits,
 * 20,000 feedback items and 5,000 knowledge articles, Chinese and English. `scale` shrinks
 * every per-rep count (quick mode); the customer with 100 visits is always there.
 */
import { demoCustomers } from '../../shared/demo/demoCustomers';
import { pick, seededRandom } from '../../shared/demo/random';
import { FEEDBACK_KINDS, type Customer } from '../../shared/schemas';
import type { SyncDoc } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { hashPassword } from '../../server/auth/password';
import { createTerritory, syncColleague } from '../../server/org/org';
import { writeAsSystem } from '../../server/org/systemWrite';
import { seedProducts, DEMO_PRODUCTS } from '../../server/demo/seedProducts';
import type { Store, UserRecord } from '../../server/store/types';
import type { Role } from '../../shared/schemas';
import { generateArticles } from '../faqSearchData';
import { VISIT_NOTES_EN, VISIT_NOTES_ZH } from './visitNotes';

export const BENCH_PASSWORD = 'bench-password-0123';

export interface OrgSize {
  reps: number;
  teams: number;
  customers: number;
  visits: number;
  feedback: number;
  articles: number;
}

export const FULL_ORG: OrgSize = { reps: 50, teams: 5, customers: 10_000, visits: 100_000, feedback: 20_000, articles: 5_000 };

export function scaledOrg(scale: number): OrgSize {
  if (scale >= 1) return FULL_ORG;
  const s = (n: number) => Math.max(1, Math.round(n * scale));
  return { ...FULL_ORG, customers: s(FULL_ORG.customers), visits: s(FULL_ORG.visits), feedback: s(FULL_ORG.feedback), articles: s(FULL_ORG.articles) };
}

export interface SeededOrg {
  size: OrgSize;
  admin: string;
  /** User names: reps[0] is the rep whose territory is measured; managers[0] manages reps[0..9]. */
  reps: string[];
  managers: string[];
  /** reps[0]'s customer with exactly 100 visits (the "customer file" query). */
  busyCustomerId: string;
  /** A customer of reps[0] that the live-change benchmark edits. */
  liveCustomerId: string;
  docs: Record<string, number>;
  seedMs: number;
}

const VISIT_NOTES = [...VISIT_NOTES_ZH, ...VISIT_NOTES_EN];
const FEEDBACK_WORDS = [
  '患者反映服药后偶有头晕，想了解是否需要调整剂量。', '价格偏高，医保报销比例能否提高？', '包装说明字太小，老年患者看不清。',
  'The new inhaler is easier for elderly patients.', 'Delivery to the pharmacy was late twice this month.', 'Would like more data on use in pregnancy.',
];

const MS_DAY = 86_400_000;

export async function seedBenchOrg(store: Store, size: OrgSize, log: (line: string) => void = () => undefined): Promise<SeededOrg> {
  const started = performance.now();
  const now = new Date().toISOString();
  const nowMs = Date.parse(now);
  const random = seededRandom(20261120);
  // One password hash for everyone: hashing is deliberately slow, and createUser would hash 56 times.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const createUser = async (u: { userName: string; displayName: string; roles: Role[]; territoryIds: string[]; managerId?: string }): Promise<UserRecord> => {
    const user: UserRecord = { id: newId(), passwordHash, managerId: null, active: true, createdAt: now, updatedAt: now, ...u };
    await store.createUser(user);
    await syncColleague(store, user, now);
    return user;
  };

  const admin = await createUser({ userName: 'bench.admin', displayName: 'Bench Admin 管理员', roles: ['admin'], territoryIds: [] });
  const managers: UserRecord[] = [];
  for (let m = 0; m < size.teams; m++) {
    managers.push(await createUser({ userName: `bench.mgr${m + 1}`, displayName: m % 2 ? `Manager ${m + 1}` : `经理${m + 1}`, roles: ['manager'], territoryIds: [] }));
  }
  const repsPerTeam = Math.ceil(size.reps / size.teams);
  const reps: { userName: string; id: string; territoryId: string }[] = [];
  for (let r = 0; r < size.reps; r++) {
    const n = String(r + 1).padStart(2, '0');
    const territoryId = `t-bench-${n}`;
    await createTerritory(store, { id: territoryId, name: `区域 Territory ${n}` }, now);
    const user = await createUser({
      userName: `bench.rep${n}`, displayName: r % 3 === 2 ? `Rep ${n}` : `代表${n}`, roles: ['rep'],
      territoryIds: [territoryId], managerId: managers[Math.floor(r / repsPerTeam)]!.id,
    });
    reps.push({ userName: user.userName, id: user.id, territoryId });
  }
  log(`  users: ${reps.length} reps, ${managers.length} managers, 1 admin (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await seedProducts(store, now);

  const meta = { createdAt: now, updatedAt: now, createdBy: 'bench', updatedBy: 'bench' };
  const perRep = (total: number) => Math.ceil(total / size.reps);
  const counts: Record<string, number> = { customers: 0, visits: 0, feedback: 0, articles: 0 };
  let busyCustomerId = '';
  let liveCustomerId = '';
  const BATCH = { batchSize: 5_000 };

  for (const [r, rep] of reps.entries()) {
    const customers: SyncDoc<'customers'>[] = demoCustomers({
      count: perRep(size.customers), seed: 500 + r, territoryId: rep.territoryId, ownerId: rep.id, englishShare: r % 5 < 2 ? 0.45 : 0.1, now,
    }).map((c: Customer) => ({ ...c, id: `${rep.territoryId}-${c.id}`, code: `${rep.territoryId.slice(8)}-${c.code}`, _deleted: false }));
    if (r === 0) {
      busyCustomerId = customers[0]!.id;
      liveCustomerId = customers[1]!.id;
    }
    const visits: SyncDoc<'visits'>[] = [];
    const visitCount = perRep(size.visits);
    for (let i = 0; i < visitCount; i++) {
      // reps[0]'s first customer gets exactly 100 visits; everyone else's are spread at random.
      const customer = r === 0 && i < 100 ? customers[0]! : customers[1 + Math.floor(random() * (customers.length - 1))] ?? customers[0]!;
      const startAt = new Date(nowMs - Math.floor(random() * 365 * MS_DAY)).toISOString();
      const product = pick(random, DEMO_PRODUCTS);
      const submitted = random() < 0.9;
      visits.push({
        id: `${rep.territoryId}-v-${i}`, customerId: customer.id, territoryId: rep.territoryId, repId: rep.id,
        kind: pick(random, ['visit', 'visit', 'call', 'meeting'] as const), status: submitted ? 'submitted' : 'draft', startAt,
        durationMinutes: 15 + Math.floor(random() * 4) * 15, productsPresented: [{ productId: product.id, name: product.name }],
        summary: pick(random, VISIT_NOTES), ...(submitted ? { submittedAt: startAt } : {}), ...meta, _deleted: false,
      });
    }
    const feedback: SyncDoc<'feedback'>[] = [];
    for (let i = 0, n = perRep(size.feedback); i < n; i++) {
      const v = visits[Math.floor(random() * visits.length)]!;
      const product = pick(random, DEMO_PRODUCTS);
      const status = pick(random, ['new', 'acknowledged', 'in_progress', 'resolved'] as const);
      feedback.push({
        id: `${rep.territoryId}-f-${i}`, customerId: v.customerId, territoryId: rep.territoryId, repId: rep.id, visitId: v.id,
        kind: pick(random, FEEDBACK_KINDS.filter((k) => k !== 'adverse_event')), product: { productId: product.id, name: product.name },
        customerWords: pick(random, FEEDBACK_WORDS), status, ...(status === 'resolved' ? { resolution: '已回复客户 Answered.' } : {}),
        ...(random() < 0.3 ? { rating: 1 + Math.floor(random() * 5) } : {}), capturedAt: v.startAt, ...meta, _deleted: false,
      } as SyncDoc<'feedback'>);
    }
    counts.customers! += await writeAsSystem(store, 'customers', customers, now, BATCH);
    counts.visits! += await writeAsSystem(store, 'visits', visits, now, BATCH);
    counts.feedback! += await writeAsSystem(store, 'feedback', feedback, now, BATCH);
    if (r % 10 === 9) log(`  ${r + 1} reps seeded (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  const articles = generateArticles(size.articles).map((a) => ({ ...a, authorId: admin.id, _deleted: false }) as SyncDoc<'articles'>);
  counts.articles = await writeAsSystem(store, 'articles', articles, now, BATCH);
  const seedMs = performance.now() - started;
  log(`  seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  return {
    size, admin: admin.userName, reps: reps.map((r) => r.userName), managers: managers.map((m) => m.userName), busyCustomerId, liveCustomerId, docs: counts, seedMs,
  };
}
