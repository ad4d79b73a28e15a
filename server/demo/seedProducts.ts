import type { SyncDoc } from '../../shared/sync/protocol';
import type { Store } from '../store/types';
import { SYSTEM_USER } from '../org/org';
import { writeAsSystem } from '../org/systemWrite';

/**
 * The demo product catalogue, seeded once (by seedDemo) and referenced by every other demo seed
 * (visits, feedback, knowledge). Fictional brands of real molecules, Chinese and English names.
 */
export type DemoProduct = Omit<SyncDoc<'products'>, 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'>;

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    id: 'prod-cardiolin', code: 'CARD-5', name: '康脉宁 Cardiolin 5 mg', genericName: 'amlodipine besylate 苯磺酸氨氯地平', type: 'rx', status: 'active',
    composition: '每片含苯磺酸氨氯地平 5 mg（以氨氯地平计）。Each tablet contains amlodipine besylate equivalent to 5 mg amlodipine.',
    indications: '高血压；慢性稳定型心绞痛。Hypertension; chronic stable angina.',
    market: '二氢吡啶类钙通道阻滞剂，国家医保甲类，已纳入集采。Dihydropyridine calcium channel blocker; NRDL category A; included in volume-based procurement.',
    benefits: '每日一次，24小时平稳降压；老年患者耐受性好。Once daily, smooth 24-hour control; well tolerated in elderly patients.',
    risks: '常见：外周水肿、头痛。Common: peripheral oedema, headache.',
    _deleted: false,
  },
  {
    id: 'prod-valsarin', code: 'VAL-80', name: '缬平 Valsarin 80 mg', genericName: 'valsartan 缬沙坦', type: 'rx', status: 'active',
    composition: '每粒含缬沙坦 80 mg。Each capsule contains 80 mg valsartan.',
    indications: '轻、中度原发性高血压；心力衰竭。Mild to moderate essential hypertension; heart failure.',
    market: '血管紧张素II受体拮抗剂（ARB），国家医保乙类。Angiotensin II receptor blocker (ARB); NRDL category B.',
    benefits: '肾脏保护证据；干咳发生率低于ACEI。Renal protection evidence; less dry cough than ACE inhibitors.',
    risks: '高钾血症、肾功能变化；妊娠期禁用。Hyperkalaemia, renal function changes; contraindicated in pregnancy.',
    _deleted: false,
  },
  {
    id: 'prod-lipoclear', code: 'LIP-20', name: '立脂清 Lipoclear 20 mg', genericName: 'atorvastatin calcium 阿托伐他汀钙', type: 'rx', status: 'active',
    composition: '每片含阿托伐他汀钙 20 mg（以阿托伐他汀计）。Each tablet contains atorvastatin calcium equivalent to 20 mg atorvastatin.',
    indications: '高胆固醇血症；冠心病的一级和二级预防。Hypercholesterolaemia; primary and secondary prevention of coronary heart disease.',
    market: '他汀类降脂药，国家医保甲类。Statin; NRDL category A.',
    benefits: 'LDL-C 降低 35–45%；大量心血管结局证据。Lowers LDL-C by 35–45%; extensive cardiovascular outcome evidence.',
    risks: '肌痛、转氨酶升高；罕见横纹肌溶解。Myalgia, raised transaminases; rare rhabdomyolysis.',
    _deleted: false,
  },
  {
    id: 'prod-glucostat', code: 'GLU-500', name: '糖平 Glucostat XR 500 mg', genericName: 'metformin 二甲双胍缓释片', type: 'rx', status: 'active',
    composition: '每片含盐酸二甲双胍 500 mg，缓释。Each extended-release tablet contains 500 mg metformin hydrochloride.',
    indications: '2型糖尿病。Type 2 diabetes mellitus.',
    market: '双胍类口服降糖药，一线用药，国家医保甲类。Biguanide oral antidiabetic, first line; NRDL category A.',
    benefits: '缓释剂型每日一次，胃肠道反应少于普通片。Once-daily extended release with fewer GI effects than immediate release.',
    risks: '胃肠道反应；罕见乳酸酸中毒。GI upset; rare lactic acidosis.',
    _deleted: false,
  },
  {
    id: 'prod-gliptera', code: 'GLI-100', name: '糖悦 Gliptera 100 mg', genericName: 'sitagliptin 磷酸西格列汀', type: 'rx', status: 'active',
    composition: '每片含西格列汀 100 mg。Each tablet contains 100 mg sitagliptin.',
    indications: '2型糖尿病，单药或与二甲双胍联合。Type 2 diabetes, alone or with metformin.',
    market: 'DPP-4 抑制剂，国家医保乙类（谈判药品）。DPP-4 inhibitor; NRDL category B (negotiated).',
    benefits: '低血糖风险低，不增加体重。Low risk of hypoglycaemia, weight neutral.',
    risks: '上呼吸道感染、头痛；罕见胰腺炎。Upper respiratory infection, headache; rare pancreatitis.',
    _deleted: false,
  },
  {
    id: 'prod-coagusafe', code: 'COA-20', name: '凝安 Coagusafe 20 mg', genericName: 'rivaroxaban 利伐沙班', type: 'rx', status: 'active',
    composition: '每片含利伐沙班 20 mg。Each tablet contains 20 mg rivaroxaban.',
    indications: '非瓣膜性房颤患者预防卒中；深静脉血栓和肺栓塞的治疗。Stroke prevention in non-valvular atrial fibrillation; treatment of DVT and PE.',
    market: '口服Xa因子抑制剂（NOAC），国家医保乙类。Oral factor Xa inhibitor (NOAC); NRDL category B.',
    benefits: '固定剂量，无需常规监测INR。Fixed dose, no routine INR monitoring.',
    risks: '出血；肾功能不全需调整剂量。Bleeding; dose adjustment in renal impairment.',
    _deleted: false,
  },
  {
    id: 'prod-pulmocare', code: 'PUL-160', name: '肺清 Pulmocare Inhaler 160/4.5', genericName: 'budesonide/formoterol 布地奈德/福莫特罗', type: 'rx', status: 'active',
    composition: '每吸含布地奈德 160 μg 和富马酸福莫特罗 4.5 μg。Each inhalation delivers 160 μg budesonide and 4.5 μg formoterol fumarate.',
    indications: '哮喘与慢阻肺维持治疗。Maintenance therapy for asthma and COPD.',
    market: '吸入性糖皮质激素/长效β2受体激动剂复方制剂。Inhaled corticosteroid / long-acting beta-2 agonist combination.',
    benefits: '起效快，可用于维持加缓解治疗。Fast onset; suitable for maintenance and reliever therapy.',
    risks: '口咽念珠菌病、声音嘶哑；吸后漱口。Oral candidiasis, hoarseness; rinse mouth after use.',
    _deleted: false,
  },
  {
    id: 'prod-somnara', code: 'SOM-10', name: '安眠舒 Somnara 10 mg', genericName: 'zolpidem 酒石酸唑吡坦', type: 'rx', status: 'active',
    composition: '每片含酒石酸唑吡坦 10 mg。Each tablet contains 10 mg zolpidem tartrate.',
    indications: '短期治疗失眠。Short-term treatment of insomnia.',
    market: '第二类精神药品，需专用处方。Schedule II psychotropic in China; special prescription required.',
    risks: '次日嗜睡、复杂睡眠行为；避免与酒精同服。Next-day drowsiness, complex sleep behaviours; avoid alcohol.',
    _deleted: false,
  },
  {
    id: 'prod-vitacal', code: 'VIT-D3', name: '钙维乐 VitaCal D3', type: 'otc', status: 'active',
    composition: '每片含碳酸钙 1.5 g（相当于钙 600 mg）和维生素D3 400 IU。Calcium carbonate 1.5 g (600 mg calcium) and vitamin D3 400 IU per tablet.',
    indications: '补充钙和维生素D。Calcium and vitamin D supplement.',
    market: '非处方药，药店渠道。OTC, pharmacy channel.',
    _deleted: false,
  },
];

/** Writes the catalogue as the system user (idempotent: unchanged products are skipped). */
export async function seedProducts(store: Store, now: string): Promise<number> {
  const stamp = { createdAt: now, updatedAt: now, createdBy: SYSTEM_USER, updatedBy: SYSTEM_USER };
  return writeAsSystem(store, 'products', DEMO_PRODUCTS.map((p) => ({ ...p, ...stamp })), now);
}
