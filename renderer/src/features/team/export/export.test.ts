import { describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { BOM, csvCell, parseCsv, toCsv } from '../../../../../shared/export/csv';
import { exportFileName, type ExportTable } from '../../../../../shared/export/table';
import { sheetName, toXlsx } from './xlsx';

/** A table with the awkward cases: Chinese, commas, quotes, line breaks, formulas, empty cells. */
const table: ExportTable = {
  name: '拜访/每周 visits',
  columns: [{ header: '代表 Rep' }, { header: '客户, "名称"' }, { header: '拜访次数', kind: 'number' }, { header: '覆盖率', kind: 'percent' }, { header: '费用', kind: 'money' }],
  rows: [
    ['张伟', '北京协和医院 "心内科"', 12, 0.75, 1234.5],
    ['李娜', '第一行\r\n第二行', 0, null, 0],
    ['Wang, Fang', '=HYPERLINK("http://x")', -3, 1, null],
    ['', '@SUM(A1)', 1.25, 0, 99.99],
  ],
  filters: [['时间段', '2026-11-02 – 2026-11-20'], ['代表', '全部']],
};

describe('CSV export', () => {
  it('writes RFC 4180 with a BOM and CRLF, and reads back to what was on screen', () => {
    const csv = toCsv(table);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`${BOM}代表 Rep,"客户, ""名称""",拜访次数,覆盖率,费用`);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['代表 Rep', '客户, "名称"', '拜访次数', '覆盖率', '费用'],
      ['张伟', '北京协和医院 "心内科"', '12', '0.75', '1234.5'],
      ['李娜', '第一行\r\n第二行', '0', '', '0'],
      ['Wang, Fang', `'=HYPERLINK("http://x")`, '-3', '1', ''],
      ['', "'@SUM(A1)", '1.25', '0', '99.99'],
    ]);
  });

  it('quotes only what needs it and neutralises formulas in text, not in numbers', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('-5 mg')).toBe("'-5 mg");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('parses a last line without a line break, and LF-only files', () => {
    expect(parseCsv('a,b\nc,"d\ne"')).toEqual([['a', 'b'], ['c', 'd\ne']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('names files safely', () => {
    expect(exportFileName('拜访 / 每周: visits', '2026-11-20', 'csv')).toBe('拜访-每周-visits-2026-11-20.csv');
    expect(exportFileName('', '2026-11-20', 'xlsx')).toBe('export-2026-11-20.xlsx');
  });
});

describe('xlsx export', () => {
  it('writes a workbook that another reader reads back cell for cell, numbers as numbers', async () => {
    const blob = await toXlsx(table, '筛选条件');
    const buffer = Buffer.from(await blob.arrayBuffer());
    expect(buffer.subarray(0, 2).toString()).toBe('PK'); // a zip container
    const sheets = await readXlsxFile(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['拜访 每周 visits', '筛选条件']);
    const rows = sheets[0]!.data;
    expect(rows).toEqual([
      ['代表 Rep', '客户, "名称"', '拜访次数', '覆盖率', '费用'],
      ['张伟', '北京协和医院 "心内科"', 12, 0.75, 1234.5],
      ['李娜', '第一行\r\n第二行', 0, null, 0],
      ['Wang, Fang', '=HYPERLINK("http://x")', -3, 1, null],
      [null, '@SUM(A1)', 1.25, 0, 99.99],
    ]);
    expect(sheets[1]!.data).toEqual([['时间段', '2026-11-02 – 2026-11-20'], ['代表', '全部']]);
  });

  it('keeps sheet names within what Excel accepts', () => {
    expect(sheetName('a/b:c*d?e[f]g\\h')).toBe('a b c d e f g h');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Sheet1');
  });
});
