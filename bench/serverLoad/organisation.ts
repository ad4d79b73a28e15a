/**
 * The organisation the server-load benchmark runs against, written straight into the server's
 * store (the same write path as a push: schema check, server stamps, audit), in big batches:
 * territories, reps and their managers (real users with scrypt passwords), the product
 * catalogue, customers, visits, feedback and knowledge articles, in Chinese and English.
 * Seeded PRNG: the same data on every run.
 */
import { demoCustomers } from '../../shared/demo/demoCustomers';
import { pick, seededRandom } from '../../shared/demo/random';
import { FEEDBACK_KINDS, type Customer, type Feedback, type Visit } from '../../shared/schemas';
import type { SyncDoc } from '../../shared/sync/protocol';
import { newId } from '../../shared/util/ids';
import { DEMO_PRODUCTS, seedProducts } from '../../server/demo/seedProducts';
import { hashPassword } from '../../server/auth/password';
import { hashRefreshToken, newRefreshToken, signAccessToken } from '../../server/auth/tokens';
import { createTerritory, syncColleague } from '../../server/org/org';
import { writeAsSystem } from '../../server/org/systemWrite';
import type { Store, UserRecord } from '../../server/store/types';
import { generateArticles } from '../faqSearchData';
import { VISIT_NOTES_EN, VISIT_NOTES_ZH } from '../org/visitNotes';

export interface OrgSize {
  reps: number;
  /** Each manager leads reps / managers reps. */
  managers: number;
  customers: number;
  visits: number;
  feedback: number;
  articles: number;
}

export const FULL_ORG: OrgSize = { reps: 50, managers: 10, customers: 10_000, visits: 100_000, feedback: 20_000, articles: 5_000 };

export const PASSWORD = 'server-load-bench';

export interface SeededUser {
  userName: string;
  id: string;
  role: 'rep' | 'manager';
  /** A rep's own territory; a manager's team's. */
  territoryIds: string[];
}

export interface SeededOrg {
  users: SeededUser[];
  /** Customers by territory, as written (the state a client that finished its initial sync holds). */
  customersByTerritory: Map<string, SyncDoc<'customers'>[]>;
  /** Highest seq after seeding: the checkpoint of a client that finished its initial sync. */
  maxSeq: number;
  counts: Record<string, number>;
  seedMs: number;
}

const WORDS_ZH = ['患者反映服药后偶有头晕。', '希望增加小包装规格。', '价格比竞品高，医保报销后可以接受。', '配送比上季度快。'];
const WORDS_EN = ['Patients like the once-daily dosing.', 'Asked for a smaller pack size.', 'Delivery was late twice this month.'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
export const territoryId = (rep: number): string => `lt-${pad(rep)}`;

export async function seedOrganisation(store: Store, size: OrgSize, log: (line: string) => void = () => undefined): Promise<SeededOrg> {
  const started = performance.now();
  const now = new Date().toISOString();
  const random = seededRandom(20261120);
  const nowMs = Date.parse(now);

  for (let r = 1; r <= size.reps; r++) await createTerritory(store, { id: territoryId(r), name: `区域 ${pad(r)} Territory ${pad(r)}` }, now);
  // One scrypt hash for everybody (same password): hashing 60 passwords would cost more than the rest.
  const passwordHash = await hashPassword(PASSWORD);
  const addUser = async (userName: string, displayName: string, role: 'rep' | 'manager', territoryIds: string[], managerId: string | null): Promise<UserRecord> => {
    const user: UserRecord = { id: newId(), userName, displayName, passwordHash, roles: [role], territoryIds, managerId, active: true, createdAt: now, updatedAt: now };
    await store.createUser(user);
    await syncColleague(store, user, now);
    return user;
  };
  const managers: UserRecord[] = [];
  for (let m = 1; m <= size.managers; m++) managers.push(await addUser(`load.mgr${pad(m)}`, `经理 Manager ${pad(m)}`, 'manager', [], null));
  const repNumbers = Array.from({ length: size.reps }, (_, i) => i + 1);
  const managerOf = (rep: number): number => Math.floor(((rep - 1) * size.managers) / size.reps);
  const reps: UserRecord[] = [];
  for (const r of repNumbers) {
    reps.push(await addUser(`load.rep${pad(r)}`, r % 3 === 0 ? `Rep ${pad(r)}` : `代表 ${pad(r)}`, 'rep', [territoryId(r)], managers[managerOf(r)]!.id));
  }
  const users: SeededUser[] = [
    ...reps.map((u, i) => ({ userName: u.userName, id: u.id, role: 'rep' as const, territoryIds: [territoryId(i + 1)] })),
    ...managers.map((u, m) => ({
      userName: u.userName, id: u.id, role: 'manager' as const,
      territoryIds: repNumbers.filter((r) => managerOf(r) === m).map(territoryId),
    })),
  ];
  log(`users: ${users.length} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  await seedProducts(store, now);
  const products = DEMO_PRODUCTS.map((p) => ({ productId: p.id, name: p.name }));
  const meta = (by: string) => ({ createdAt: now, updatedAt: now, createdBy: by, updatedBy: by });
  const write = async <C extends 'customers' | 'visits' | 'feedback' | 'articles'>(collection: C, docs: SyncDoc<C>[]): Promise<void> => {
    const t = performance.now();
    await writeAsSystem(store, collection, docs, now, { batchSize: 2000 });
    log(`${collection}: ${docs.length} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  };

  const customersByTerritory = new Map<string, SyncDoc<'customers'>[]>();
  const customers: SyncDoc<'customers'>[] = [];
  const perRep = Math.ceil(size.customers / size.reps);
  for (const [i, rep] of reps.entries()) {
    const t = territoryId(i + 1);
    const batch = demoCustomers({ count: Math.min(perRep, size.customers - customers.length), seed: 500 + i, territoryId: t, ownerId: rep.id, englishShare: i % 2 ? 0.45 : 0.1, now })
      .map((c): SyncDoc<'customers'> => ({ ...c, id: `lc-${pad(i + 1)}-${c.id}`, code: `${pad(i + 1)}-${c.code}`, _deleted: false }));
    customersByTerritory.set(t, batch);
    customers.push(...batch);
  }
  await write('customers', customers);

  const visits: SyncDoc<'visits'>[] = [];
  for (let i = 0; i < size.visits; i++) {
    const r = (i % size.reps) + 1;
    const rep = reps[r - 1]!;
    const own = customersByTerritory.get(territoryId(r))!;
    const customer = pick(random, own) as Customer;
    const startAt = new Date(nowMs - Math.floor(random() * 365 * 86_400_000)).toISOString();
    const submitted = random() < 0.9;
    const english = r % 2 === 0;
    const visit: Visit = {
      id: `lv-${i}`, customerId: customer.id, territoryId: customer.territoryId, repId: rep.id, kind: pick(random, ['visit', 'visit', 'call', 'meeting'] as const),
      status: submitted ? 'submitted' : 'draft', startAt, durationMinutes: 15 + Math.floor(random() * 4) * 15,
      productsPresented: [pick(random, products)], summary: pick(random, english ? VISIT_NOTES_EN : VISIT_NOTES_ZH),
      ...(submitted ? { submittedAt: startAt } : {}), ...meta(rep.id),
    };
    visits.push({ ...visit, _deleted: false });
  }
  await write('visits', visits);

  const feedback: SyncDoc<'feedback'>[] = [];
  for (let i = 0; i < size.feedback; i++) {
    const v = visits[Math.floor(random() * visits.length)]!;
    const english = random() < 0.35;
    const item: Feedback = {
      id: `lf-${i}`, customerId: v.customerId, territoryId: v.territoryId, repId: v.repId, visitId: v.id, kind: pick(random, FEEDBACK_KINDS.filter((k) => k !== 'adverse_event')),
      product: pick(random, products), customerWords: pick(random, english ? WORDS_EN : WORDS_ZH), status: pick(random, ['new', 'acknowledged', 'in_progress'] as const),
      capturedAt: v.startAt, ...meta(v.repId),
    };
    feedback.push({ ...item, _deleted: false });
  }
  await write('feedback', feedback);

  const articles = generateArticles(size.articles).map((a): SyncDoc<'articles'> => ({ ...a, authorId: managers[0]!.id, _deleted: false }));
  await write('articles', articles);

  return {
    users,
    customersByTerritory,
    maxSeq: await store.maxSeq(),
    counts: { users: users.length, customers: customers.length, visits: visits.length, feedback: feedback.length, articles: articles.length, products: products.length },
    seedMs: performance.now() - started,
  };
}

/**
 * What a sign-in leaves behind, without the scrypt check: a device session in the store and an
 * access token signed with the server's secret. Returns the access token.
 */
export async function sessionThroughStore(store: Store, secret: string, user: { id: string }, deviceId: string, ttlSeconds: number): Promise<string> {
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const session = {
    id: newId(), userId: user.id, deviceId, deviceName: `Load client ${deviceId}`, refreshTokenHash: hashRefreshToken(newRefreshToken()), previousTokenHash: null,
    createdAt: now, lastUsedAt: now, expiresAt: new Date(nowMs + 180 * 86_400_000).toISOString(), revokedAt: null,
  };
  await store.createSession(session);
  const iat = Math.floor(nowMs / 1000);
  return signAccessToken(secret, { sub: user.id, sid: session.id, dev: deviceId, iat, exp: iat + ttlSeconds });
}
