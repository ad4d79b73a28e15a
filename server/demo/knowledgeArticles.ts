/**
 * The demo knowledge base (销售经理知识模块): product, business and service knowledge in
 * Chinese and English, written the way reps ask. Fictional brands of real molecules; the
 * clinical statements follow the molecules' public labels in outline only (demo data).
 */

export interface DemoArticle {
  id: string;
  title: string;
  body: string;
  productId?: string;
  category: 'product' | 'business' | 'service';
  tags: string[];
  lang: 'zh-CN' | 'en';
  /** Days before the seed date it was (last) published. */
  daysAgo: number;
  version?: number;
  /** Who wrote it: the admin (sales operations) or a manager. */
  author: 'admin' | 'wang.manager' | 'emily.manager';
  draft?: boolean;
}

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  // ---- Product knowledge, Chinese ----
  {
    id: 'kb-cardiolin-ae', title: '康脉宁常见的不良反应有哪些？如何向医生解释？', productId: 'prod-cardiolin', category: 'product', tags: ['不良反应', '安全性', '水肿'], lang: 'zh-CN', daysAgo: 40, author: 'admin',
    body: '## 常见不良反应\n\n- **外周水肿**（踝部水肿）：与剂量相关，10 mg 时更常见\n- 头痛、面部潮红\n- 心悸、乏力\n\n## 沟通要点\n\n1. 踝部水肿多为血管扩张所致，**不是心衰的表现**，一般不需要利尿剂。\n2. 与 ARB/ACEI 联用可减轻水肿。\n3. 任何新发或严重的不良反应，都要作为**不良事件**在 24 小时内上报。\n\n> 超出说明书范围的问题请通过“向专家提问”转医学部。',
  },
  {
    id: 'kb-cardiolin-grapefruit', title: '康脉宁能和西柚汁一起服用吗？', productId: 'prod-cardiolin', category: 'product', tags: ['相互作用', '饮食'], lang: 'zh-CN', daysAgo: 12, author: 'wang.manager',
    body: '氨氯地平经 CYP3A4 代谢。西柚汁可轻度升高血药浓度，说明书建议**避免大量饮用**。\n\n- 偶尔少量饮用一般影响不大\n- 老年患者或同时服用其他 CYP3A4 抑制剂（如克拉霉素）时需谨慎\n\n*本条由专家答复整理而成。*',
  },
  {
    id: 'kb-valsarin-combo', title: '缬平与康脉宁联合降压的优势', productId: 'prod-valsarin', category: 'product', tags: ['联合用药', '高血压', '降压'], lang: 'zh-CN', daysAgo: 25, author: 'admin',
    body: 'ARB（缬沙坦）与 CCB（氨氯地平）是指南推荐的优选联合方案之一：\n\n| 方面 | 说明 |\n|---|---|\n| 降压效果 | 机制互补，降压幅度大于单药加量 |\n| 耐受性 | ARB 可减轻 CCB 引起的踝部水肿 |\n| 依从性 | 均为每日一次 |\n\n注意监测血钾和肾功能，**妊娠期禁用缬平**。',
  },
  {
    id: 'kb-valsarin-pregnancy', title: '缬平（缬沙坦）孕妇可以用吗？', productId: 'prod-valsarin', category: 'product', tags: ['妊娠', '禁忌症', '安全性'], lang: 'zh-CN', daysAgo: 60, author: 'admin',
    body: '**不可以。** 妊娠中晚期使用 ARB 可导致胎儿肾损伤甚至死亡，说明书列为禁忌。\n\n- 计划妊娠的患者应在医生指导下换用其他降压药\n- 服药期间发现怀孕应**立即停药并就医**\n\n如客户询问具体替代方案，请转医学部。',
  },
  {
    id: 'kb-lipoclear-myalgia', title: '立脂清引起肌肉酸痛怎么办？', productId: 'prod-lipoclear', category: 'product', tags: ['他汀', '肌痛', '不良反应'], lang: 'zh-CN', daysAgo: 18, version: 2, author: 'wang.manager',
    body: '他汀类药物的肌肉症状是患者停药的常见原因。\n\n## 建议医生\n\n1. 询问症状出现时间、部位和程度\n2. 症状明显时检测 **肌酸激酶（CK）**\n3. CK > 10 倍正常上限或有横纹肌溶解迹象时**立即停药**\n4. 轻度症状可考虑减量或隔日给药（由医生决定）\n\n肌肉症状属于不良反应，代表听到后必须上报不良事件。',
  },
  {
    id: 'kb-lipoclear-ldl', title: '立脂清 20 mg 能把 LDL-C 降低多少？', productId: 'prod-lipoclear', category: 'product', tags: ['他汀', 'LDL-C', '疗效'], lang: 'zh-CN', daysAgo: 33, author: 'admin',
    body: '阿托伐他汀 20 mg 平均可使 **LDL-C 降低约 43%**（10 mg 约 39%，40 mg 约 50%）。\n\n每剂量加倍，LDL-C 约再降 6%（“6% 法则”）。高危患者未达标时可考虑联合依折麦布（请医生判断）。',
  },
  {
    id: 'kb-glucostat-gi', title: '糖平缓释片的胃肠道反应比普通二甲双胍少吗？', productId: 'prod-glucostat', category: 'product', tags: ['二甲双胍', '胃肠道', '不良反应'], lang: 'zh-CN', daysAgo: 20, author: 'admin',
    body: '是的。缓释剂型在胃内缓慢释放，**腹泻、恶心等胃肠道不良反应发生率低于普通片**，且每日一次随晚餐服用即可。\n\n- 从 500 mg 起始，每 1–2 周加量\n- 不可掰开或嚼碎（会破坏缓释结构）\n- 粪便中可能见到药片外壳，属正常现象',
  },
  {
    id: 'kb-glucostat-renal', title: '肾功能不全患者如何使用糖平？', productId: 'prod-glucostat', category: 'product', tags: ['肾功能', '剂量', '二甲双胍'], lang: 'zh-CN', daysAgo: 75, author: 'wang.manager',
    body: '| eGFR（ml/min/1.73m²） | 建议 |\n|---|---|\n| ≥ 60 | 常规剂量 |\n| 45–59 | 可继续使用，定期监测肾功能 |\n| 30–44 | 不建议新起始；已用者最大 1000 mg/日 |\n| < 30 | **禁用** |\n\n使用碘造影剂前后需按说明书暂停。',
  },
  {
    id: 'kb-gliptera-hypo', title: '糖悦会引起低血糖吗？', productId: 'prod-gliptera', category: 'product', tags: ['DPP-4', '低血糖', '安全性'], lang: 'zh-CN', daysAgo: 28, author: 'admin',
    body: 'DPP-4 抑制剂以**葡萄糖依赖**的方式促进胰岛素分泌，单药或与二甲双胍联用时**低血糖风险很低**。\n\n与磺脲类或胰岛素联用时低血糖风险增加，可能需要减少磺脲类/胰岛素剂量。',
  },
  {
    id: 'kb-coagusafe-renal', title: '凝安在肾功能不全患者中的剂量调整', productId: 'prod-coagusafe', category: 'product', tags: ['抗凝', '肾功能', '剂量', '房颤'], lang: 'zh-CN', daysAgo: 15, version: 2, author: 'admin',
    body: '非瓣膜性房颤预防卒中：\n\n| 肌酐清除率 | 剂量 |\n|---|---|\n| > 50 ml/min | 20 mg 每日一次，随餐 |\n| 15–50 ml/min | 15 mg 每日一次，随餐 |\n| < 15 ml/min | 不推荐 |\n\n**必须随餐服用**（20 mg 和 15 mg 规格），否则吸收明显下降。',
  },
  {
    id: 'kb-coagusafe-bleeding', title: '服用凝安的患者出血怎么办？', productId: 'prod-coagusafe', category: 'product', tags: ['出血', '抗凝', '不良反应'], lang: 'zh-CN', daysAgo: 45, author: 'admin',
    body: '出血是抗凝治疗最重要的风险。\n\n- 轻微出血（牙龈出血、皮肤瘀斑）：告知医生评估，不要自行停药\n- 严重出血：立即就医，医院可使用特异性逆转剂或凝血因子\n\n所有出血事件都属于**不良事件**，请在 24 小时内上报药物警戒。',
  },
  {
    id: 'kb-pulmocare-technique', title: '肺清吸入装置的正确使用步骤', productId: 'prod-pulmocare', category: 'product', tags: ['吸入装置', '患者教育', '哮喘'], lang: 'zh-CN', daysAgo: 50, author: 'wang.manager',
    body: '1. 旋开并取下瓶盖\n2. 握住瓶身直立，将底座向一个方向旋到底再旋回（听到“咔哒”声）\n3. 先呼气（不要对着吸嘴呼气）\n4. 含住吸嘴，**用力深吸气**\n5. 屏气约 5 秒\n6. 用后**漱口**，减少口腔念珠菌感染\n\n可向市场部申请中文操作视频和图解卡片。',
  },
  {
    id: 'kb-somnara-alcohol', title: '安眠舒能否与酒同服？次日驾驶安全吗？', productId: 'prod-somnara', category: 'product', tags: ['安全性', '相互作用', '失眠'], lang: 'zh-CN', daysAgo: 70, author: 'admin',
    body: '**不能与酒精同服**：会加重中枢抑制和复杂睡眠行为（如梦游）的风险。\n\n- 服药后应保证 7–8 小时睡眠\n- 次日可能残留嗜睡，服药次日早晨应避免驾驶或操作机器\n- 属第二类精神药品，需专用处方，代表**不得发放样品**',
  },
  {
    id: 'kb-vitacal-dose', title: '钙维乐每天吃几片？和其他药物要间隔吗？', productId: 'prod-vitacal', category: 'product', tags: ['钙剂', '用法用量', 'OTC'], lang: 'zh-CN', daysAgo: 90, author: 'admin',
    body: '成人每日 1–2 片，随餐嚼服或吞服。\n\n与以下药物**间隔 2 小时以上**：\n\n- 四环素类、喹诺酮类抗生素\n- 左甲状腺素\n- 双膦酸盐',
  },
  // ---- Business knowledge, Chinese ----
  {
    id: 'kb-nrdl-reimbursement', title: '我们的产品医保报销情况汇总', category: 'business', tags: ['医保', '报销', '市场准入'], lang: 'zh-CN', daysAgo: 10, version: 3, author: 'admin',
    body: '| 产品 | 医保类别 | 备注 |\n|---|---|---|\n| 康脉宁 | 甲类 | 已纳入集采 |\n| 立脂清 | 甲类 | |\n| 糖平 | 甲类 | |\n| 缬平 | 乙类 | 自付比例因地区而异 |\n| 糖悦 | 乙类（谈判） | 限二线用药 |\n| 凝安 | 乙类 | 限房颤/静脉血栓 |\n\n各省报销比例不同，请以当地医保局公布为准。',
  },
  {
    id: 'kb-vbp-explained', title: '什么是带量采购（集采）？对我们的拜访有什么影响？', category: 'business', tags: ['集采', '带量采购', '市场准入', '医保'], lang: 'zh-CN', daysAgo: 55, author: 'wang.manager',
    body: '国家组织药品集中带量采购以量换价：中选产品价格大幅下降，医院须完成约定采购量。\n\n**对拜访的影响：**\n\n- 中选品种：重点保障供应、处方习惯和患者依从性\n- 未中选品种：强调差异化价值（剂型、证据、服务），不得以回扣等方式争取处方\n- 关注医院药事会目录调整时间',
  },
  {
    id: 'kb-hospital-listing', title: '新产品进院流程是怎样的？', category: 'business', tags: ['进院', '药事会', '流程'], lang: 'zh-CN', daysAgo: 80, author: 'wang.manager',
    body: '1. 临床科室提出用药申请（科主任签字）\n2. 药剂科初审资料（说明书、注册证、价格、医保信息）\n3. **药事管理与药物治疗学委员会**（药事会）投票\n4. 信息科维护药品目录，采购部门挂网采购\n\n代表可协助准备**合规**的产品资料，不得参与投票或提供任何利益。',
  },
  {
    id: 'kb-meeting-compliance', title: '科室会和学术会议的费用合规要求', category: 'business', tags: ['合规', '科室会', '费用'], lang: 'zh-CN', daysAgo: 35, version: 2, author: 'admin',
    body: '- 会议必须有**明确的学术内容**，提前在系统中申请\n- 餐标不超过公司规定（一般每人 150 元以内），不得安排娱乐活动\n- 讲者费须签订协议，按劳务标准支付并代扣个税\n- 会后 7 天内上传签到表、照片和发票\n\n在 Fieldbook 中记录会议为一次“接触”，并填写费用，便于市场活动评估。',
  },
  {
    id: 'kb-samples-rules', title: '样品发放有哪些规定？', category: 'business', tags: ['样品', '合规'], lang: 'zh-CN', daysAgo: 65, author: 'admin',
    body: '- 只发给**有处方权的医生**，须签收\n- 每次拜访记录样品名称和数量（在拜访记录的“发放样品”中）\n- **精神类药品（如安眠舒）不得发放样品**\n- 样品不得转售，过期样品统一回收销毁',
  },
  {
    id: 'kb-order-delivery', title: '医院或药店反映断货，代表应该怎么做？', category: 'business', tags: ['订单', '配送', '经销商', '断货'], lang: 'zh-CN', daysAgo: 22, author: 'wang.manager',
    body: '1. 在 Fieldbook 中记录一条**投诉类反馈**，注明产品和门店\n2. 联系对应的配送经销商确认库存和到货时间\n3. 超过 3 个工作日无法到货的，升级给地区经理\n4. 到货后回访客户并关闭反馈\n\n经销商联系人见公司通讯录。',
  },
  // ---- Service knowledge, Chinese ----
  {
    id: 'kb-ae-reporting-zh', title: '听到不良事件后，代表必须怎么做？', category: 'service', tags: ['不良事件', '药物警戒', '24小时'], lang: 'zh-CN', daysAgo: 5, version: 2, author: 'admin',
    body: '**任何员工**在任何场合听说患者使用我们的产品后出现不良情况，都必须在 **24 小时内**上报药物警戒部门，即使信息不完整。\n\n最少包含四要素：\n\n1. 可识别的患者（如姓名缩写、性别、年龄）\n2. 报告者（如医生）\n3. 我们的产品\n4. 不良事件本身\n\n在 Fieldbook 中点击顶部的“报告不良事件”，离线也能先保存，联网后**优先发送**。',
  },
  {
    id: 'kb-complaint-zh', title: '客户投诉产品质量怎么处理？', category: 'service', tags: ['投诉', '质量', '批号'], lang: 'zh-CN', daysAgo: 30, author: 'wang.manager',
    body: '1. 原话记录客户的描述，尽量获取**批号**和有效期\n2. 如涉及患者身体不适，同时按**不良事件**上报\n3. 在 Fieldbook 记录“投诉”类反馈，1 个工作日内转质量部\n4. 如客户同意，保留样品以便调查\n\n不要对质量问题作任何承诺或结论。',
  },
  {
    id: 'kb-patient-assistance', title: '患者援助项目（PAP）如何申请？', category: 'service', tags: ['患者援助', '服务'], lang: 'zh-CN', daysAgo: 85, author: 'admin',
    body: '目前 **凝安** 和 **糖悦** 设有患者援助项目，由第三方公益基金会执行。\n\n- 患者本人或家属通过基金会热线申请\n- 代表只能向医生介绍项目，**不得代办或收集患者材料**\n- 项目资料可在市场部申请',
  },
  {
    id: 'kb-medinfo-zh', title: '客户问到说明书以外的问题怎么办？', category: 'service', tags: ['医学信息', '超说明书', '医学部'], lang: 'zh-CN', daysAgo: 8, author: 'admin',
    body: '代表只能传递**经批准的产品信息**。超出说明书的问题（如超适应症、特殊人群、与其他药物联用数据）：\n\n1. 在知识库中搜索是否已有答复\n2. 没有的话，点击“向专家提问”，勾选**“超出已批准产品信息的医学问题”**\n3. 问题会转给医学部，答复会回到你的“我的提问”和客户档案中\n\n不要自行解释或推测。',
  },
  {
    id: 'kb-hotline-zh', title: '客户服务热线和工作时间', category: 'service', tags: ['热线', '服务'], lang: 'zh-CN', daysAgo: 100, author: 'admin',
    body: '- 医学信息热线：400-800-1234（工作日 9:00–18:00）\n- 不良事件 24 小时热线：400-800-5678\n- 订单与配送问题：请联系当地经销商',
  },
  // ---- English ----
  {
    id: 'kb-cardiolin-elderly-en', title: 'Dosing Cardiolin in elderly hypertensive patients', productId: 'prod-cardiolin', category: 'product', tags: ['hypertension', 'elderly', 'dosing'], lang: 'en', daysAgo: 38, author: 'emily.manager',
    body: 'Start with **2.5 mg once daily** in elderly patients and titrate after 2–4 weeks according to blood pressure response (maximum 10 mg).\n\n- Half-life is longer in the elderly; steady state takes about a week\n- Ankle oedema is dose-related and not a sign of heart failure',
  },
  {
    id: 'kb-lipoclear-interactions', title: 'Lipoclear: which drug interactions matter?', productId: 'prod-lipoclear', category: 'product', tags: ['statin', 'interactions', 'safety'], lang: 'en', daysAgo: 27, author: 'emily.manager',
    body: 'Atorvastatin is metabolised by **CYP3A4**. Exposure (and myopathy risk) rises with:\n\n| Co-medication | Advice |\n|---|---|\n| Clarithromycin, itraconazole | Avoid or limit the atorvastatin dose |\n| Ciclosporin | Contraindicated |\n| Large amounts of grapefruit juice | Avoid |\n\nAny muscle pain reported by a patient is an adverse event: report it within 24 hours.',
  },
  {
    id: 'kb-glucostat-crush-en', title: 'Can Glucostat XR tablets be crushed or split?', productId: 'prod-glucostat', category: 'product', tags: ['metformin', 'administration'], lang: 'en', daysAgo: 16, author: 'emily.manager',
    body: '**No.** Crushing or splitting destroys the extended-release matrix and causes a rapid release with more GI side effects.\n\nFor patients who cannot swallow tablets, the doctor may consider an immediate-release oral solution instead. The empty tablet shell may be seen in the stool; this is normal.',
  },
  {
    id: 'kb-gliptera-combo-en', title: 'Gliptera with metformin: what to tell physicians', productId: 'prod-gliptera', category: 'product', tags: ['DPP-4', 'diabetes', 'combination'], lang: 'en', daysAgo: 42, author: 'emily.manager',
    body: 'Sitagliptin added to metformin lowers HbA1c by about **0.6–0.8 %** with a low risk of hypoglycaemia and no weight gain.\n\n- Dose 100 mg once daily; reduce in moderate to severe renal impairment\n- Stop if pancreatitis is suspected (persistent severe abdominal pain)',
  },
  {
    id: 'kb-coagusafe-switch-en', title: 'Switching a patient from warfarin to Coagusafe', productId: 'prod-coagusafe', category: 'product', tags: ['anticoagulant', 'warfarin', 'switching'], lang: 'en', daysAgo: 31, author: 'emily.manager',
    body: 'Stop warfarin and start rivaroxaban once the **INR is below 3.0** (for stroke prevention in AF).\n\nNo routine INR monitoring is needed afterwards. Take the 15 mg and 20 mg tablets **with food**.',
  },
  {
    id: 'kb-pulmocare-smart-en', title: 'Pulmocare as maintenance and reliever therapy', productId: 'prod-pulmocare', category: 'product', tags: ['asthma', 'inhaler', 'COPD'], lang: 'en', daysAgo: 58, author: 'emily.manager',
    body: 'In asthma, budesonide/formoterol can be used both as daily maintenance and as needed for symptom relief, because formoterol acts within minutes.\n\nRemind patients to **rinse their mouth** after each use to reduce the risk of oral thrush.',
  },
  {
    id: 'kb-vbp-en', title: 'Volume-based procurement (VBP) in one page', category: 'business', tags: ['VBP', 'market access', 'pricing'], lang: 'en', daysAgo: 48, author: 'emily.manager',
    body: "China's national volume-based procurement trades volume for price: winning products get a guaranteed share of hospital purchases at a much lower price.\n\n**What it means for calls**\n\n- Winning products: secure supply and adherence\n- Non-winning products: focus on differentiated value (formulation, evidence, services)\n- Never offer anything of value to influence a listing decision",
  },
  {
    id: 'kb-expense-policy-en', title: 'Meeting sponsorship and meals: what is allowed?', category: 'business', tags: ['compliance', 'meetings', 'expenses'], lang: 'en', daysAgo: 36, author: 'emily.manager',
    body: '- Scientific content is required; register the meeting in advance\n- Modest meals only, within the per-person limit of the policy; no entertainment\n- Speaker fees need a signed contract and fair-market-value rates\n- Upload the attendance list and receipts within 7 days\n\nLog the meeting as a contact in Fieldbook with its cost so the activity can be evaluated.',
  },
  {
    id: 'kb-private-hospitals-en', title: 'Do we sponsor department meetings in private hospitals?', category: 'business', tags: ['compliance', 'meetings', 'private hospitals'], lang: 'en', daysAgo: 6, author: 'emily.manager',
    body: 'Yes, under the same rules as public hospitals: scientific content, registration in advance, modest meals, documented attendance.\n\nPrivate hospitals often want brand-building events; those belong to marketing, not to sales expense budgets.\n\n*Promoted from an expert answer.*',
  },
  {
    id: 'kb-ae-reporting-en', title: 'Adverse event reporting: the 24-hour rule', category: 'service', tags: ['adverse event', 'pharmacovigilance', 'safety'], lang: 'en', daysAgo: 4, version: 2, author: 'admin',
    body: 'Anyone who hears of a side effect with one of our products must pass it to pharmacovigilance **within 24 hours**, even if information is incomplete.\n\nMinimum content: an identifiable patient, a reporter, our product, the event.\n\nUse **Report adverse event** at the top of Fieldbook: it works offline and is sent before anything else.',
  },
  {
    id: 'kb-medinfo-en', title: 'Questions beyond the approved product information', category: 'service', tags: ['medical information', 'off-label', 'medical affairs'], lang: 'en', daysAgo: 9, author: 'admin',
    body: 'Reps may only share approved product information. For anything else (off-label use, special populations, head-to-head data):\n\n1. Search the knowledge base\n2. If nothing fits, **Ask an expert** and tick *Medical question beyond the approved product information*\n3. Medical Affairs answers; the answer appears in *My questions* and on the customer file',
  },
  {
    id: 'kb-returns-en', title: 'Returning damaged or expired stock', category: 'service', tags: ['returns', 'distributor', 'quality'], lang: 'en', daysAgo: 95, author: 'emily.manager',
    body: 'Pharmacies return stock through their distributor, not through the rep.\n\n- Damaged in transit: report within 48 hours of delivery with photos\n- Expired stock: according to the distributor agreement\n- Suspected quality defect: log a **complaint** in Fieldbook with the batch number',
  },
  // ---- Drafts (visible to managers and admins only) ----
  {
    id: 'kb-draft-cardiolin-10', title: '康脉宁 10 mg 新规格上市准备（草稿）', productId: 'prod-cardiolin', category: 'product', tags: ['新规格'], lang: 'zh-CN', daysAgo: 2, author: 'wang.manager', draft: true,
    body: '预计下季度上市。待医学部审核后发布：\n\n- 规格与价格\n- 目标医院与科室\n- 常见问题',
  },
  {
    id: 'kb-draft-coagusafe-en', title: 'Coagusafe in patients over 80 (draft)', productId: 'prod-coagusafe', category: 'product', tags: ['elderly', 'anticoagulant'], lang: 'en', daysAgo: 1, author: 'emily.manager', draft: true,
    body: 'Waiting for Medical Affairs review.',
  },
];
