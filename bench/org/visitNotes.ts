/** Visit summaries the benchmark organisations write (Chinese and English, realistic lengths). */
export const VISIT_NOTES_ZH = [
  '介绍了康脉宁新的临床数据，主任对老年患者的安全性很关注，约定下月带文献再访。',
  '科室会顺利举行，约30名医生参加，提出了关于联合用药的问题，已转医学部。',
  '药剂科反馈糖平近期到货不及时，已联系经销商跟进。',
  '主任希望获得患者教育手册（中文版），下次拜访时带20份。',
];
export const VISIT_NOTES_EN = [
  'Presented the Cardiolin outcomes data; she asked about use in patients with renal impairment. Sending the SmPC section.',
  'Short call: the pharmacy wants to increase the Glucostat order next month. Follow up with the distributor.',
  'Department meeting with 12 physicians; good interest in the Pulmocare inhaler technique training.',
];
