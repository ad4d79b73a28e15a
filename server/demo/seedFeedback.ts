import { pick, seededRandom } from '../../shared/demo/random';
import type { Customer, FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../../shared/schemas';
import type { Actor } from '../../shared/sync/actor';
import type { SyncDoc } from '../../shared/sync/protocol';
import { acknowledgeAdverseEvent } from '../http/pharmacovigilance';
import { writeAsSystem } from '../org/systemWrite';
import type { Store, UserRecord } from '../store/types';
import { demoProduct, territoryDocs } from './demoLookup';
import { DEMO_PRODUCTS } from './seedProducts';

/**
 * Demo feedback (反馈) for every demo territory: what customers said about our products and
 * service, the rep's reading, and what the company did about it (status, assignee, resolution,
 * follow-ups). North territories speak Chinese, East ones mostly English. A few adverse-event
 * reports sit in the pharmacovigilance queue (one already acknowledged), each with the linked
 * feedback entry the app writes for a report about a customer.
 * Reads the users, customers and visits seedDemo wrote; writes through the system path (audited).
 */

type Lang = 'zh' | 'en';
type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

interface FeedbackTemplate {
  kind: Exclude<FeedbackKind, 'adverse_event'>;
  productId?: string;
  rating?: number;
  words: string;
  reading?: string;
  status: FeedbackStatus;
  /** Who works on it: the territory's manager or the rep. */
  assignee?: 'manager' | 'rep';
  resolution?: string;
  followUps?: string[];
}

const ZH: readonly FeedbackTemplate[] = [
  { kind: 'rating', productId: 'prod-cardiolin', rating: 5, words: '康脉宁每天一次，老年患者依从性明显好于以前用的药。', reading: '主任对康脉宁满意，可作为科室推广的示范。', status: 'acknowledged' },
  { kind: 'complaint', productId: 'prod-glucostat', words: '糖平最近两个月到货不及时，药房经常断货，患者只能换药。', reading: '供货问题影响处方习惯，需尽快协调经销商。', status: 'in_progress', assignee: 'manager', followUps: ['已联系国药经销商，承诺下周补货 200 盒。', '经销商确认周四到货，已通知药剂科。'] },
  { kind: 'suggestion', productId: 'prod-pulmocare', words: '希望能提供吸入装置的中文操作视频，方便给老年患者演示。', reading: '合理需求，市场部已有素材可以改编。', status: 'resolved', assignee: 'rep', resolution: '已发送微信版操作视频并送去 30 份图解卡片。' },
  { kind: 'product_comment', productId: 'prod-lipoclear', words: '立脂清降 LDL 效果不错，但有两位患者反映轻微肌肉酸痛，停药后消失。', reading: '已确认属于说明书已知不良反应，未达到严重程度；已提醒医生如有新病例及时告知。', status: 'acknowledged' },
  { kind: 'market_comment', words: '听说竞品下个月降价 15%，医院药事会可能重新评估他汀类目录。', reading: '重要市场信号，需要经理关注集采动向。', status: 'new', assignee: 'manager' },
  { kind: 'complaint', words: '上次科室会安排太仓促，资料没提前发，医生准备不足。', reading: '服务问题，下次科室会提前一周发会议资料。', status: 'resolved', assignee: 'rep', resolution: '与科主任沟通致歉，已确定下次会议时间并提前发放资料。' },
  { kind: 'rating', productId: 'prod-valsarin', rating: 3, words: '缬平效果可以，但价格比集采品种高，患者有顾虑。', status: 'new' },
  { kind: 'suggestion', productId: 'prod-coagusafe', words: '建议出一份肾功能不全患者剂量调整的速查表。', reading: '医学部已有资料，转交医学部审核后提供。', status: 'in_progress', assignee: 'manager' },
  { kind: 'product_comment', productId: 'prod-somnara', words: '安眠舒起效快，但要提醒患者不要和酒一起服用。', status: 'acknowledged' },
  { kind: 'rating', productId: 'prod-gliptera', rating: 4, words: '糖悦低血糖少，老年糖尿病患者用得放心。', status: 'new' },
];

const EN: readonly FeedbackTemplate[] = [
  { kind: 'rating', productId: 'prod-cardiolin', rating: 4, words: 'Once daily works well for my elderly patients; ankle swelling is the only thing they mention.', reading: 'Positive overall; oedema is a labelled effect, nothing new.', status: 'acknowledged' },
  { kind: 'complaint', productId: 'prod-pulmocare', words: 'Two inhalers from the last delivery had a stiff dose counter. Patients thought they were empty.', reading: 'Possible device quality issue: batch number requested, routed to Quality.', status: 'in_progress', assignee: 'manager', followUps: ['Batch PUL-2611-07 confirmed by the pharmacy; samples collected.', 'Quality opened investigation QI-1142.'] },
  { kind: 'suggestion', productId: 'prod-glucostat', words: 'Could you bring patient diaries in English and Chinese? Half of my patients prefer English.', status: 'resolved', assignee: 'rep', resolution: 'Delivered 40 bilingual diaries on the next visit.' },
  { kind: 'market_comment', words: 'The hospital formulary committee meets in March and will review all DPP-4 inhibitors.', reading: 'Key date for Gliptera: prepare the dossier with medical affairs.', status: 'new', assignee: 'manager' },
  { kind: 'product_comment', productId: 'prod-coagusafe', words: 'Fixed dosing without INR checks saves my clinic a lot of time.', status: 'acknowledged' },
  { kind: 'rating', productId: 'prod-lipoclear', rating: 5, words: 'Very reliable LDL lowering, patients tolerate it well.', status: 'new' },
  { kind: 'complaint', words: 'Nobody answered our sample request for three weeks.', reading: 'Service gap: sample requests must be confirmed within 2 days.', status: 'resolved', assignee: 'rep', resolution: 'Apologised, samples delivered, and set up a shared request sheet with the pharmacy.' },
  { kind: 'suggestion', productId: 'prod-valsarin', words: 'A one-page summary of the heart failure data would help our residents.', status: 'in_progress', assignee: 'manager' },
  { kind: 'rating', productId: 'prod-vitacal', rating: 2, words: 'The tablets are too large; older customers ask for a chewable form.', reading: 'Product feedback for marketing: chewable form requested repeatedly.', status: 'acknowledged' },
  { kind: 'market_comment', productId: 'prod-gliptera', words: 'A competitor is running free HbA1c testing days at the community clinics.', status: 'new' },
];

interface AeTemplate {
  territoryId: string;
  productId: string;
  patient: SyncDoc<'adverseevents'>['patient'];
  event: string;
  daysAgo: number;
  seriousness: SyncDoc<'adverseevents'>['seriousness'];
  seriousnessCriteria?: SyncDoc<'adverseevents'>['seriousnessCriteria'];
  outcome?: string;
  acknowledged?: boolean;
}

const ADVERSE_EVENTS: readonly AeTemplate[] = [
  { territoryId: 't-bj', productId: 'prod-cardiolin', patient: { initials: 'L.M.', ageYears: 72, sex: 'female' }, event: '患者服用康脉宁 5 mg 约两周后出现双踝明显水肿，伴轻度头痛。', daysAgo: 9, seriousness: 'non_serious', outcome: '减量至 2.5 mg 后水肿减轻。', acknowledged: true },
  { territoryId: 't-tj', productId: 'prod-somnara', patient: { initials: 'Z.Q.', ageYears: 58, sex: 'male' }, event: '患者服药后夜间梦游下楼，次日完全不记得，未受伤。', daysAgo: 3, seriousness: 'serious', seriousnessCriteria: ['medically_important'], outcome: '已停药，医生随访中。' },
  { territoryId: 't-sh', productId: 'prod-coagusafe', patient: { initials: 'J.K.', ageYears: 81, sex: 'male' }, event: 'Gastrointestinal bleeding about four weeks after starting Coagusafe 20 mg; admitted for transfusion.', daysAgo: 2, seriousness: 'serious', seriousnessCriteria: ['hospitalisation'], outcome: 'Recovering; anticoagulation paused.' },
  { territoryId: 't-gz', productId: 'prod-lipoclear', patient: { initials: 'A.C.', ageYears: 49, sex: 'female' }, event: 'Muscle pain in both thighs after dose increase to 40 mg; CK mildly raised.', daysAgo: 1, seriousness: 'non_serious' },
];

const product = (id: string | undefined) => (DEMO_PRODUCTS.some((x) => x.id === id) ? demoProduct(id!) : undefined);

export async function seedFeedback(store: Store, options: { now: string }): Promise<{ feedback: number; adverseEvents: number }> {
  const { now } = options;
  const nowMs = Date.parse(now);
  const users = await store.listUsers();
  const admin = users.find((u) => u.roles.includes('admin'));
  const reps = users.filter((u) => u.roles.includes('rep') && u.territoryIds.length > 0);
  const byId = new Map(users.map((u) => [u.id, u]));
  const feedback: SyncDoc<'feedback'>[] = [];
  const comments: SyncDoc<'comments'>[] = [];
  const reports: SyncDoc<'adverseevents'>[] = [];
  const customersByTerritory = new Map<string, SyncDoc<'customers'>[]>();

  for (const [index, rep] of reps.entries()) {
    const territoryId = rep.territoryIds[0]!;
    const manager: UserRecord | undefined = rep.managerId ? byId.get(rep.managerId) : undefined;
    const customers = (await territoryDocs(store, 'customers', territoryId)).filter((c) => c.type === 'hcp' || c.type === 'pharmacy');
    customersByTerritory.set(territoryId, customers);
    if (customers.length === 0) continue;
    const visits = (await territoryDocs(store, 'visits', territoryId)).filter((v) => v.status === 'submitted');
    const lang: Lang = manager?.userName === 'emily.manager' ? 'en' : 'zh';
    const templates = lang === 'en' ? EN : ZH;
    const random = seededRandom(5000 + index * 17);

    for (const [i, tpl] of templates.entries()) {
      // Every third one comes from a logged contact (the customer of that contact).
      const visit = i % 3 === 0 && visits.length > 0 ? visits[i % visits.length] : undefined;
      const customer: Customer = (visit && customers.find((c) => c.id === visit.customerId)) || pick(random, customers);
      const capturedAt = visit?.startAt ?? new Date(nowMs - (2 + Math.floor(random() * 50)) * 86_400_000 - Math.floor(random() * 9) * 3_600_000).toISOString();
      const assigneeId = tpl.assignee === 'manager' ? manager?.id : tpl.assignee === 'rep' ? rep.id : undefined;
      const id = `demo-fb-${territoryId}-${String(i + 1).padStart(2, '0')}`;
      const p = product(tpl.productId);
      feedback.push({
        id,
        customerId: customer.id,
        territoryId,
        repId: rep.id,
        ...(visit ? { visitId: visit.id } : {}),
        kind: tpl.kind,
        ...(p ? { product: p } : {}),
        ...(tpl.rating !== undefined ? { rating: tpl.rating } : {}),
        customerWords: tpl.words,
        ...(tpl.reading ? { repReading: tpl.reading } : {}),
        status: tpl.status,
        ...(tpl.resolution ? { resolution: tpl.resolution } : {}),
        ...(assigneeId ? { assigneeId } : {}),
        capturedAt,
        createdAt: now, updatedAt: now, createdBy: rep.id, updatedBy: rep.id,
        _deleted: false,
      });
      for (const [k, text] of (tpl.followUps ?? []).entries()) {
        const at = new Date(Date.parse(capturedAt) + (k + 1) * 2 * 86_400_000).toISOString();
        comments.push({
          id: `${id}-fu-${k + 1}`,
          territoryId,
          customerId: customer.id,
          targetCollection: 'feedback',
          targetId: id,
          kind: 'follow_up',
          authorId: k === 0 ? rep.id : (manager?.id ?? rep.id),
          text,
          at: at < now ? at : now,
          createdAt: now, updatedAt: now, createdBy: rep.id, updatedBy: rep.id,
          _deleted: false,
        });
      }
    }
  }

  for (const [i, ae] of ADVERSE_EVENTS.entries()) {
    const rep = reps.find((r) => r.territoryIds[0] === ae.territoryId);
    const customer = customersByTerritory.get(ae.territoryId)?.find((c) => c.type === 'hcp');
    const p = product(ae.productId);
    if (!rep || !customer || !p) continue;
    const capturedAt = new Date(nowMs - ae.daysAgo * 86_400_000).toISOString();
    const id = `demo-ae-${ae.territoryId}-${i + 1}`;
    reports.push({
      id,
      territoryId: ae.territoryId,
      repId: rep.id,
      customerId: customer.id,
      patient: ae.patient,
      reporter: { name: customer.name, ...(customer.title ? { role: customer.title } : {}) },
      product: p,
      event: ae.event,
      onsetDate: capturedAt.slice(0, 10),
      seriousness: ae.seriousness,
      ...(ae.seriousnessCriteria ? { seriousnessCriteria: ae.seriousnessCriteria } : {}),
      ...(ae.outcome ? { outcome: ae.outcome } : {}),
      capturedAt,
      createdAt: now, updatedAt: now, createdBy: rep.id, updatedBy: rep.id,
      _deleted: false,
    });
    feedback.push({
      id: `${id}-fb`,
      customerId: customer.id,
      territoryId: ae.territoryId,
      repId: rep.id,
      kind: 'adverse_event',
      product: p,
      customerWords: ae.event,
      status: ae.acknowledged ? 'acknowledged' : 'new',
      adverseEventId: id,
      capturedAt,
      createdAt: now, updatedAt: now, createdBy: rep.id, updatedBy: rep.id,
      _deleted: false,
    });
  }

  // Reports first, as the app sends them.
  await writeAsSystem(store, 'adverseevents', reports, now);
  await writeAsSystem(store, 'feedback', feedback, now);
  await writeAsSystem(store, 'comments', comments, now);
  if (admin) {
    const actor: Actor = { userId: admin.id, roles: admin.roles, territoryIds: [], deviceId: null };
    for (const [i, ae] of ADVERSE_EVENTS.entries()) {
      if (ae.acknowledged) await acknowledgeAdverseEvent(store, `demo-ae-${ae.territoryId}-${i + 1}`, actor, now);
    }
  }
  return { feedback: feedback.length, adverseEvents: reports.length };
}
