import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { checkRows, type ImportContext } from './checkRows';
import { decodeText } from './decodeText';
import { mappingProblems, suggestMapping } from './mapping';
import { formatRowError } from './messages';
import { readTable } from './readTable';
import { ImportFileError } from './types';

/** "客户编码,客户名称,类型,辖区,城市,备注" and two customers (one with a quoted line break), saved by Excel as GBK. */
const GBK_CSV = Uint8Array.from(Buffer.from(
  'bfcdbba7b1e0c2eb2cbfcdbba7c3fbb3c62cc0e0d0cd2ccfbdc7f82cb3c7cad02cb1b8d7a20d0a424a2d3030312cd5c5ceb02cd2bdc9fa2c742d626a2cb1b1bea92cc0cfbfcdbba70d0a'
  + '424a2d3030322cb1b1bea9d0adbacdd2bdd4ba2cd2bdd4ba2c742d626a2cb1b1bea92c22baacb6babac52c20d3ebbbbbd0d00d0ab5dab6fed0d0220d0a',
  'hex',
));

const utf8 = (text: string, bom = false): Uint8Array => {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
};

const CONTEXT: ImportContext = { territoryIds: new Set(['t-bj', 't-sh']), userNames: new Set(['zhang.wei', 'wang.manager']) };

describe('reading files', () => {
  it('reads a GBK (GB18030) CSV from Excel, with a quoted line break, and counts lines as the file has them', async () => {
    const { table, format, encoding } = await readTable(GBK_CSV, '客户.csv');
    expect(format).toBe('csv');
    expect(encoding).toBe('gb18030');
    expect(table.headers).toEqual(['客户编码', '客户名称', '类型', '辖区', '城市', '备注']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['BJ-001', '张伟', '医生', 't-bj', '北京', '老客户'] },
      { line: 3, cells: ['BJ-002', '北京协和医院', '医院', 't-bj', '北京', '含逗号, 与换行\r\n第二行'] },
    ]);
  });

  it('reads UTF-8 with a byte order mark (the BOM does not stick to the first header) and without one', async () => {
    const text = '客户编码;客户名称;类型;辖区\n\nSH-001;陈洁 Chen Jie;Doctor;t-sh\n';
    const withBom = await readTable(utf8(text, true));
    expect(withBom.encoding).toBe('utf-8');
    expect(withBom.table.headers[0]).toBe('客户编码');
    // The blank line is skipped but counted.
    expect(withBom.table.rows).toEqual([{ line: 3, cells: ['SH-001', '陈洁 Chen Jie', 'Doctor', 't-sh'] }]);
    expect((await readTable(utf8(text))).table).toEqual(withBom.table);
    expect(decodeText(utf8('abc')).encoding).toBe('utf-8');
  });

  it('reads the first sheet of an .xlsx file made by write-excel-file (numbers and dates as text)', async () => {
    const data = [
      [{ value: '产品编码' }, { value: '产品名称' }, { value: '类型' }, { value: '状态' }, { value: 'Launch' }],
      [{ value: 'KMN-10' }, { value: '康脉宁 10mg' }, { value: '处方药' }, { value: '在售' }, { type: Date, value: new Date('2024-03-01T00:00:00Z'), format: 'yyyy-mm-dd' }],
      [null, null, null, null, null],
      [{ value: 1234 }, { value: 'Valsart 80' }, { value: 'rx' }, { value: 'inactive' }, null],
    ];
    const buffer = await writeXlsxFile(data as never).toBuffer();
    const { table, format } = await readTable(new Uint8Array(buffer), 'products.xlsx');
    expect(format).toBe('xlsx');
    expect(table.headers).toEqual(['产品编码', '产品名称', '类型', '状态', 'Launch']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['KMN-10', '康脉宁 10mg', '处方药', '在售', '2024-03-01'] },
      { line: 4, cells: ['1234', 'Valsart 80', 'rx', 'inactive', ''] },
    ]);
    const checked = checkRows('products', table, suggestMapping('products', table.headers));
    expect(checked.errors).toEqual([]);
    expect(checked.valid.map((p) => p.doc)).toEqual([
      { code: 'KMN-10', name: '康脉宁 10mg', type: 'rx', status: 'active' },
      { code: '1234', name: 'Valsart 80', type: 'rx', status: 'inactive' },
    ]);
  });

  it('says what is wrong with a file that is no table', async () => {
    await expect(readTable(new Uint8Array())).rejects.toBeInstanceOf(ImportFileError);
    await expect(readTable(utf8('\n\n'))).rejects.toThrow(/no header/);
    await expect(readTable(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.xlsx')).rejects.toThrow(/Not a readable Excel/);
    await expect(readTable(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).rejects.toThrow(/\.xls/);
  });
});

describe('column mapping', () => {
  it('suggests fields from Chinese and English headers, each column once', () => {
    expect(suggestMapping('customers', ['客户编码', '客户名称', '类型', '辖区', '城市', '备注'])).toEqual({
      code: 0, name: 1, type: 2, territory: 3, city: 4, notes: 5,
    });
    expect(suggestMapping('customers', ['Customer Code', 'Name', 'Type', 'Territory ID', 'E-mail', 'Annual sales (CNY)*'])).toEqual({
      code: 0, name: 1, type: 2, territory: 3, email: 4,
    });
    // "名称" goes to the user's display name only when nothing better claims it.
    expect(suggestMapping('users', ['用户名', '姓名', '角色', '辖区', '上级', '密码'])).toEqual({
      userName: 0, displayName: 1, roles: 2, territories: 3, manager: 4, password: 5,
    });
    expect(suggestMapping('territories', ['辖区编码', '辖区名称'])).toEqual({ id: 0, name: 1 });
  });

  it('finds mistakes in a mapping', () => {
    expect(mappingProblems('territories', ['a', 'b'], { id: 0, name: 0 })).toEqual(['Column "a" is mapped to both "id" and "name"']);
    expect(mappingProblems('territories', ['a'], { id: 0, bogus: 0 })).toEqual(expect.arrayContaining(['Unknown field "bogus" for territories', 'The required field "name" is not mapped to a column']));
    expect(mappingProblems('territories', ['a'], { id: 3 })[0]).toMatch(/column 3/);
  });
});

describe('row checks', () => {
  it('turns a GBK customer file into documents', async () => {
    const { table } = await readTable(GBK_CSV);
    const checked = checkRows('customers', table, suggestMapping('customers', table.headers), CONTEXT);
    expect(checked.errors).toEqual([]);
    expect(checked.valid[0]).toEqual({ line: 2, key: 'BJ-001', doc: { code: 'BJ-001', name: '张伟', type: 'hcp', territoryId: 't-bj', address: { city: '北京' }, notes: '老客户' } });
    expect(checked.valid[1]!.doc.type).toBe('hco');
  });

  it('lists every error of a broken file by line, field and reason, and keeps only the valid rows', async () => {
    const broken = [
      '客户编码,客户名称,类型,辖区,负责代表,邮箱,年销售额,价值分级,电话',
      'OK-1,好客户,医生,t-bj,zhang.wei,ok@example.com,"1,200.50",A,+86 10 1234 5678',
      ',没有编码,医生,t-bj,,,,,',
      'BAD 2,坏编码,外星人,t-xx,nobody,not-an-email,lots,Z,12',
      'OK-1,重复,医院,t-bj,,,,,',
      'OK-3,负数,药店,t-sh,,,-5,,',
    ].join('\n');
    const { table } = await readTable(utf8(broken));
    const checked = checkRows('customers', table, suggestMapping('customers', table.headers), CONTEXT);
    expect(checked.total).toBe(5);
    expect(checked.valid.map((c) => c.line)).toEqual([2]);
    expect(checked.valid[0]!.doc).toMatchObject({ assessment: { annualSales: 1200.5, tier: 'A' }, phone: '+86 10 1234 5678' });
    expect(checked.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'code', 'required'],
      [4, 'code', 'codeFormat'],
      [4, 'type', 'oneOf'],
      [4, 'territory', 'unknownTerritory'],
      [4, 'owner', 'unknownUser'],
      [4, 'email', 'email'],
      [4, 'annualSales', 'number'],
      [4, 'tier', 'oneOf'],
      [4, 'phone', 'phone'],
      [5, 'code', 'duplicate'],
      [6, 'annualSales', 'nonNegative'],
    ]);
    expect(formatRowError(checked.errors[9]!)).toBe('line 5, code: "OK-1" is already on line 2');
    expect(formatRowError(checked.errors[3]!)).toBe('line 4, territory: no territory "t-xx"');
  });

  it('checks users: roles in Chinese or English, territories, managers in the store or earlier or later in the file, passwords', async () => {
    const file = [
      '用户名,姓名,角色,辖区,上级,密码',
      'li.na,李娜,代表,t-bj,new.boss,',
      'new.boss,新经理,经理,,,long-enough-pw',
      'Bad Name,坏,rep,t-bj,,',
      'short.pw,短密码,"rep, expert",t-sh,wang.manager,1234',
      'no.terr,无辖区,rep,,,',
      'loop.a,A,manager,,loop.b,',
      'loop.b,B,manager,,loop.a,',
      'ghost,幽灵,wizard,t-zz,nobody,',
    ].join('\n');
    const { table } = await readTable(utf8(file));
    const checked = checkRows('users', table, suggestMapping('users', table.headers), CONTEXT);
    expect(checked.valid.map((u) => u.key)).toEqual(['li.na', 'new.boss']);
    expect(checked.valid[0]).toMatchObject({ roles: ['rep'], territoryIds: ['t-bj'], managerUserName: 'new.boss' });
    expect(checked.valid[1]).toMatchObject({ roles: ['manager'], password: 'long-enough-pw' });
    expect(checked.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [4, 'userName', 'userNameFormat'],
      [5, 'password', 'passwordTooShort'],
      [6, 'territories', 'repNeedsTerritory'],
      [7, 'manager', 'managerCycle'],
      [8, 'manager', 'managerCycle'],
      [9, 'roles', 'unknownRole'],
      [9, 'territories', 'unknownTerritory'],
      [9, 'manager', 'unknownUser'],
    ]);
  });

  it('checks articles and territories', async () => {
    const articles = await readTable(utf8('id,标题,答案,分类,标签,状态,语言\nfaq-1,孕妇能用吗？,**不能**,产品知识,"孕妇、禁忌",已发布,中文\nfaq 2,,x,weird,,,klingon\n'));
    const a = checkRows('articles', articles.table, suggestMapping('articles', articles.table.headers));
    expect(a.valid).toEqual([{ line: 2, key: 'faq-1', doc: { title: '孕妇能用吗？', body: '**不能**', category: 'product', lang: 'zh-CN', status: 'published', tags: ['孕妇', '禁忌'] } }]);
    expect(a.errors.map((e) => [e.line, e.field, e.code])).toEqual([[3, 'id', 'idFormat'], [3, 'title', 'required'], [3, 'category', 'oneOf'], [3, 'lang', 'oneOf']]);
    const territories = await readTable(utf8('辖区编码,辖区名称\nt-gz,广州\nt gz,\n'));
    const t = checkRows('territories', territories.table, suggestMapping('territories', territories.table.headers));
    expect(t.valid).toEqual([{ line: 2, key: 't-gz', name: '广州' }]);
    expect(t.errors.map((e) => [e.line, e.field, e.code])).toEqual([[3, 'id', 'idFormat'], [3, 'name', 'required']]);
  });
});
