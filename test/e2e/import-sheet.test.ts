/**
 * `nianjian import` on statistics spreadsheets: an .xlsx written by
 * LibreOffice Calc from a flat ODF spreadsheet (a title row, a 单位 line,
 * merged header cells, number formats with thousands separators, decimals
 * and percent), and .csv files in UTF-8 and in GBK as Excel saves them.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { inlineText, type StatTable } from '../../src/model/index.ts';
import { yearbookGfm } from '../../src/parse/syntax.ts';
import { checkDir } from '../helpers/manuscript.ts';
import { fods, soffice } from '../helpers/office.ts';

const text = (s: string, attrs = '') => `<table:table-cell office:value-type="string"${attrs}><text:p>${s}</text:p></table:table-cell>`;
const num = (v: number, style: string) => `<table:table-cell table:style-name="${style}" office:value-type="${style === 'cP1' ? 'percentage' : 'float'}" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
const covered = (n = 1) => '<table:covered-table-cell/>'.repeat(n);
const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;

const FINANCE = `<table:table table:name="财政"><table:table-column table:number-columns-repeated="4"/>
${row(text('2023年河西区财政收支情况', ' table:number-columns-spanned="4"'), covered(3))}
${row('<table:table-cell table:number-columns-repeated="3"/>', text('单位：万元'))}
${row(text('项目', ' table:number-rows-spanned="2"'), text('2023年', ' table:number-columns-spanned="2"'), covered(), text('比上年增长', ' table:number-rows-spanned="2"'))}
${row(covered(), text('金额'), text('占比'), covered())}
${row(text('一般公共预算收入'), num(571800, 'cN0'), num(0.648, 'cP1'), num(0.131, 'cP1'))}
${row(text('税收收入'), num(412345.5, 'cN2'), num(0.467, 'cP1'), num(-0.02, 'cP1'))}
</table:table>
<table:table table:name="人口"><table:table-column table:number-columns-repeated="2"/>
${row(text('2023年末户籍人口'), '<table:table-cell/>')}
${row(text('街道'), text('人口'))}
${row(text('大营门街'), num(61234, 'cN0'))}
${row(text('下瓦房街'), num(58001, 'cN0'))}
</table:table>`;

const parseMd = (md: string) => unified().use(remarkParse).use(yearbookGfm).use(remarkDirective).parse(md) as Root;
const tables = (md: string) => {
  const tree = parseMd(md);
  return tree.children.flatMap((n, i) => (n.type === 'table' ? [{ caption: toString(tree.children[i - 1]!), rows: (n as Table).children.map((r) => r.children.map((c) => toString(c))), align: (n as Table).align }] : []));
};

/** A sheet with a note above the data, and the data named 学生表. */
const NAMED = `<table:table table:name="数据">
${row(text('内部备注：勿印'))}
${row(text('学校'), text('学生数'))}
${row(text('海河中学'), num(3046, 'cN0'))}
</table:table>
<table:named-expressions><table:named-range table:name="学生表" table:base-cell-address="$数据.$A$2" table:cell-range-address="$数据.$A$2:.$B$3"/></table:named-expressions>`;

let work: string;
let xlsx: string | undefined;
let named: string | undefined;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'nianjian-sheet-'));
  writeFileSync(join(work, '财政统计.fods'), fods(FINANCE));
  writeFileSync(join(work, '学校.fods'), fods(NAMED));
  [xlsx, named] = soffice([join(work, '财政统计.fods'), join(work, '学校.fods')], 'xlsx', work);
}, 240_000);

describe('import a statistics workbook written by LibreOffice Calc', () => {
  test('each sheet a table: the title row its caption with the 单位 line, merged headers as levels, numbers as Excel shows them', async () => {
    const book = join(work, 'book');
    expect(await main(['init', book], () => {})).toBe(0);
    const lines: string[] = [];
    expect(await main(['import', xlsx!, '--into', book, '--part', '统计资料'], (s) => lines.push(s))).toBe(0);
    const md = readFileSync(join(book, '02-统计资料.md'), 'utf8');
    expect(md.startsWith('# 统计资料\n')).toBe(true);
    expect(tables(md)).toEqual([
      {
        caption: '2023年河西区财政收支情况（单位：万元）',
        rows: [
          ['项目', '2023年', '<', '比上年增长'],
          ['^', '金额', '占比', '^'],
          ['一般公共预算收入', '571,800', '64.8%', '13.1%'],
          ['税收收入', '412,345.50', '46.7%', '-2.0%'],
        ],
        align: [null, 'right', 'right', 'right'],
      },
      { caption: '2023年末户籍人口', rows: [['街道', '人口'], ['大营门街', '61,234'], ['下瓦房街', '58,001']], align: [null, 'right'] },
    ]);
    const report = readFileSync(join(book, '导入报告.txt'), 'utf8');
    expect(report).toMatch(/财政统计\.xlsx 财政!A3：提示：表头有 2 层、含合并单元格，已写成多层表头/);
    expect(md).toContain('::caption[2023年河西区财政收支情况（单位：万元）]{header="2"}\n');
    const checked = await checkDir(book);
    expect(checked.messages.filter((m) => m.startsWith('02-') && !/ info$/.test(m))).toEqual([]);
    // The manuscript reads back as a two-level head: 2023年 over 金额 and 占比, 项目 and 比上年增长 down both rows.
    const table = checked.book!.parts.find((p) => p.title === '统计资料')!.intro.concat(checked.book!.parts.find((p) => p.title === '统计资料')!.chapters.flatMap((c) => c.children as never[])).find((b) => b.type === 'table') as StatTable;
    expect(table.head.map((c) => `${inlineText(c.content)} ${c.rowspan}×${c.colspan}`)).toEqual(['项目 2×1', '2023年 1×2', '比上年增长 2×1', '金额 1×1', '占比 1×1']);
  });

  test('appending under an existing part by its file name keeps what the part had', async () => {
    const book = join(work, 'book2');
    expect(await main(['init', book], () => {})).toBe(0);
    const before = readFileSync(join(book, '01-概况.md'), 'utf8');
    expect(await main(['import', xlsx!, '--into', book, '--part', '01-概况.md'], () => {})).toBe(0);
    const after = readFileSync(join(book, '01-概况.md'), 'utf8');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after).toContain('<!-- 导入自 ');
    expect(after).toContain('| 大营门街 | 61,234 |');
    // The same workbook again under the same part: refused without --force.
    expect(await main(['import', xlsx!, '--into', book, '--part', '01-概况.md'], () => {})).toBe(1);
    expect(readFileSync(join(book, '01-概况.md'), 'utf8')).toBe(after);
    expect(readdirSync(book).filter((n) => n.endsWith('.md'))).toEqual(['01-概况.md']);
  });
});

describe('a workbook with a named range', () => {
  test('the named range is the table, titled by its name; the cells around it are left out, and the report says so', async () => {
    const book = join(work, 'book3');
    expect(await main(['init', book], () => {})).toBe(0);
    expect(await main(['import', named!, '--into', book], () => {})).toBe(0);
    const md = readFileSync(join(book, '02-学校.md'), 'utf8');
    expect(tables(md)).toEqual([{ caption: '学生表', rows: [['学校', '学生数'], ['海河中学', '3,046']], align: [null, 'right'] }]);
    expect(md).not.toContain('内部备注');
    expect(readFileSync(join(book, '导入报告.txt'), 'utf8')).toMatch(/学校\.xlsx：提示：按工作簿中的名称（学生表）导入了 1 个表，其余单元格未导入/);
  });
});

describe('import CSV', () => {
  const CSV = '2023年各街道人口\n单位：人\n街道,户籍人口,常住人口\n大营门街,61234,70012\n"下瓦房街",58001,"60,100"\n';

  test.each([['utf-8', 'utf8'], ['GBK, as Excel saves CSV in China', 'gbk']])('a CSV in %s', async (_, encoding) => {
    const dir = mkdtempSync(join(tmpdir(), 'nianjian-csv-'));
    const file = join(dir, '人口.csv');
    writeFileSync(file, iconv.encode(CSV, encoding));
    const book = join(dir, 'book');
    expect(await main(['init', book], () => {})).toBe(0);
    expect(await main(['import', file, '--into', book], () => {})).toBe(0);
    const md = readFileSync(join(book, '02-人口.md'), 'utf8');
    expect(tables(md)).toEqual([{
      caption: '2023年各街道人口（单位：人）',
      rows: [['街道', '户籍人口', '常住人口'], ['大营门街', '61234', '70012'], ['下瓦房街', '58001', '60,100']],
      align: [null, 'right', 'right'],
    }]);
    const report = readFileSync(join(book, '导入报告.txt'), 'utf8');
    expect(report.includes('GB18030')).toBe(encoding === 'gbk');
  });
});
