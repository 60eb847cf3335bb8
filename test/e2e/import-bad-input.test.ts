/**
 * `nianjian import` on what units really send besides a clean .docx: a file
 * made by the `docx` npm library (with a chart, which becomes a placeholder
 * figure, and a huge image), an old binary .doc (converted by LibreOffice
 * when soffice is there, a clear 请另存为 when not), a truncated file, a
 * file that is no Office file, an empty document, and a document with no
 * structure at all. Every one ends in a Chinese message and exit code, no
 * stack trace, and nothing half-written.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, FootnoteReferenceRun, HeadingLevel, ImageRun, InsertedTextRun, Packer,
  Paragraph, Table, TableCell, TableRow, TextRun,
} from 'docx';
import { ChartRun } from 'docx/charts';
import officeCrypto from 'officecrypto-tool';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { checkDir } from '../helpers/manuscript.ts';
import { fodt, fods, photoBase64, soffice } from '../helpers/office.ts';

let work: string;

async function importInto(files: string[], extra: string[] = []): Promise<{ code: number; lines: string[]; book: string }> {
  const book = mkdtempSync(join(work, 'book-'));
  expect(await main(['init', join(book, 'm')], () => {})).toBe(0);
  const lines: string[] = [];
  const code = await main(['import', ...files, '--into', join(book, 'm'), ...extra], (s) => lines.push(s));
  return { code, lines, book: join(book, 'm') };
}

const partsIn = (book: string) => readdirSync(book).filter((n) => n.endsWith('.md')).sort();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nianjian-bad-'));
  writeFileSync(join(work, '旧版供稿.fodt'), fodt('<text:h text:style-name="Heading_20_2" text:outline-level="2">综述</text:h><text:p>【概况】全年接待群众来访1200人次。</text:p>'));
  writeFileSync(join(work, '空白.fodt'), fodt('<text:p/>'));
  writeFileSync(join(work, '无结构.fodt'), fodt('<text:p>今年工作平稳推进。</text:p><text:p>各项任务按期完成，群众满意度提高。</text:p>'));
  soffice([join(work, '空白.fodt'), join(work, '无结构.fodt')], 'docx', work);
  soffice([join(work, '旧版供稿.fodt')], 'doc', work);
  writeFileSync(join(work, '统计.fods'), fods('<table:table table:name="表"><table:table-row><table:table-cell office:value-type="string"><text:p>街道</text:p></table:table-cell></table:table-row></table:table>'));
  soffice([join(work, '统计.fods')], 'xlsx', work);
  // Password-protected copies (ECMA-376 agile encryption, as Word and Excel write it with 文件→信息→用密码进行加密).
  for (const name of ['无结构.docx', '统计.xlsx']) {
    writeFileSync(join(work, `加密-${name}`), await officeCrypto.encrypt(readFileSync(join(work, name)), { password: 'mima123' }));
  }
  writeFileSync(join(work, 'photo.jpg'), Buffer.from(await photoBase64(), 'base64'));
}, 240_000);

describe('a .docx made with the docx npm library', () => {
  async function makeDocx(): Promise<string> {
    const photo = readFileSync(join(work, 'photo.jpg'));
    const huge = await sharp({ create: { width: 9000, height: 7000, channels: 3, background: { r: 90, g: 140, b: 200 } } }).png().toBuffer();
    const cell = (text: string, span: { columnSpan?: number; rowSpan?: number } = {}) => new TableCell({ children: [new Paragraph(text)], ...span });
    const doc = new Document({
      comments: { children: [{ id: 0, author: '审稿人', date: new Date(Date.UTC(2024, 0, 2)), children: [new Paragraph('数字待核')] }] },
      footnotes: { 1: { children: [new Paragraph('据区统计局快报。')] } },
      sections: [{
        children: [
          new Paragraph({ text: '区发展改革委', heading: HeadingLevel.HEADING_1 }), // 1
          new Paragraph({ text: '经济运行', heading: HeadingLevel.HEADING_2 }), // 2
          new Paragraph({ children: [new TextRun({ text: '项目建设', bold: true }), new TextRun('　全年实施重点项目'), new InsertedTextRun({ text: '46', id: 1, author: '张三', date: '2024-01-02T00:00:00Z' }), new DeletedTextRun({ text: '40', id: 2, author: '张三', date: '2024-01-02T00:00:00Z' }), new TextRun('个。'), new FootnoteReferenceRun(1)] }), // 3
          new Paragraph({ children: [new TextRun('【营商环境】'), new CommentRangeStart(0), new TextRun('新增市场主体1.2万户。'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }), // 4
          new Paragraph({ children: [new ImageRun({ type: 'jpg', data: photo, transformation: { width: 400, height: 260 }, altText: { name: '图1', description: '重点项目开工现场（区发展改革委提供）', title: '' } })] }), // 5
          new Paragraph({ children: [new ChartRun({ type: 'column', title: '投资', categories: ['一季度', '二季度'], series: [{ name: '2023', values: [10, 20] }] })] }), // 6
          new Paragraph({ children: [new ImageRun({ type: 'png', data: huge, transformation: { width: 400, height: 311 } })] }), // 7
          new Paragraph('大型项目鸟瞰（区发展改革委提供）'), // 8
          new Paragraph('主要指标表'), // 9
          new Table({ rows: [ // 10–
            new TableRow({ children: [cell('指标', { rowSpan: 2 }), cell('2023年', { columnSpan: 2 })] }),
            new TableRow({ children: [cell('数值'), cell('增长')] }),
            new TableRow({ children: [cell('固定资产投资'), cell('120.5'), cell('5.1%')] }),
          ] }),
        ],
      }],
    });
    const file = join(work, '区发展改革委.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    return file;
  }

  test('imports with its structure; the chart left as a placeholder figure, the huge image and the rest reported', async () => {
    const { code, book } = await importInto([await makeDocx()]);
    expect(code).toBe(0);
    const md = readFileSync(join(book, '02-区发展改革委.md'), 'utf8');
    expect(md).toMatch(/^# 区发展改革委\n/);
    expect(md).toContain('\n## 经济运行\n');
    expect(md).toContain('\n【项目建设】全年实施重点项目46个。①\n\n注：①据区统计局快报。\n');
    expect(md).toContain('\n【营商环境】新增市场主体1.2万户。\n');
    expect(md).toContain('![重点项目开工现场](photos/区发展改革委-01.jpg "区发展改革委提供")');
    expect(md).toContain('![〔此处原有嵌入的图表，待补〕](photos/区发展改革委-占位-01.png "待补")');
    expect(md).toContain('![大型项目鸟瞰](photos/区发展改革委-02.png "区发展改革委提供")');
    expect(md).toContain('::caption[主要指标表]{header="2"}\n\n| 指标 | 2023年 | < |\n');
    const report = readFileSync(join(book, '导入报告.txt'), 'utf8');
    expect(report).toMatch(/第 3 段：请核对：修订（插入，张三）“46”/);
    expect(report).toMatch(/第 3 段：请核对：修订（删除，张三）“40”/);
    expect(report).toMatch(/第 4 段：请核对：批注（审稿人）：“数字待核”/);
    expect(report).toMatch(/第 6 段：请核对：嵌入的图表无法导入，已在此处留一幅占位图/);
    expect(report).toMatch(/第 7 段：请核对：图片 photos\/区发展改革委-02\.png 过大（.*63 百万像素）/);
    const checked = await checkDir(book);
    expect(checked.messages.filter((m) => / (error|fatal)$/.test(m))).toEqual([]);
  }, 60_000);
});

describe('bad input', () => {
  test('an old binary .doc is converted with LibreOffice, and the report says so', async () => {
    const { code, lines, book } = await importInto([join(work, '旧版供稿.doc')]);
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/旧版供稿\.doc：请核对：旧版文件（\.doc）已用 LibreOffice 转换为 \.docx 后导入/);
    expect(readFileSync(join(book, '02-旧版供稿.md'), 'utf8')).toContain('【概况】全年接待群众来访1200人次。');
  }, 120_000);

  test('without soffice, a .doc gets 请另存为 .docx and nothing is written', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const { code, lines, book } = await importInto([join(work, '旧版供稿.doc')]);
      expect(code).toBe(1);
      expect(lines.join('\n')).toMatch(/旧版供稿\.doc：错误：这是旧版文件（\.doc），不能直接导入。请用 Word\/WPS\/Excel“另存为”\.docx 后再导入/);
      expect(partsIn(book)).toEqual(['01-概况.md']);
    } finally {
      process.env.PATH = path;
    }
  });

  test('a truncated .docx, a text file named .docx, a .doc renamed .docx: an error each, the good file still imported', async () => {
    const good = join(work, '无结构.docx');
    const truncated = join(work, '截断.docx');
    writeFileSync(truncated, readFileSync(good).subarray(0, 2000));
    const text = join(work, '文本.docx');
    writeFileSync(text, '这不是 Word 文件');
    const renamed = join(work, '改名.docx');
    writeFileSync(renamed, readFileSync(join(work, '旧版供稿.doc')));
    const { code, lines, book } = await importInto([truncated, text, renamed, good]);
    expect(code).toBe(1);
    const out = lines.join('\n');
    expect(out).toMatch(/截断\.docx：错误：文件已损坏，无法读取/);
    expect(out).toMatch(/文本\.docx：错误：文件已损坏或不是 Word\/Excel 文件/);
    expect(out).toMatch(/改名\.docx：错误：这是旧版 Office 文件，只是扩展名写成了新版/);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
    expect(partsIn(book)).toEqual(['01-概况.md', '02-无结构.md']);
  });

  test('a password-protected .docx and .xlsx: a Chinese message naming the file with a hint, exit code 1, nothing written', async () => {
    const files = ['加密-无结构.docx', '加密-统计.xlsx'].map((n) => join(work, n));
    expect(await Promise.all(files.map((f) => officeCrypto.isEncrypted(readFileSync(f))))).toEqual([true, true]);
    const { code, lines, book } = await importInto(files, ['--part', '统计资料']);
    expect(code).toBe(1);
    const out = lines.join('\n');
    for (const name of ['加密-无结构\\.docx', '加密-统计\\.xlsx']) {
      expect(out).toMatch(new RegExp(`${name}：错误：文件设有打开密码，无法读取。请让供稿单位取消密码（文件→信息→保护文档）后重新发送`));
    }
    expect(out).not.toMatch(/\n\s+at /);
    // Only the import report, which lists the two errors, is new: no part, no photo.
    expect(readdirSync(book).sort()).toEqual(['01-概况.md', 'book.yaml', 'fonts.yaml', 'front', 'photos', 'templates', '导入报告.txt']);
    expect(readdirSync(join(book, 'photos'))).toEqual(['example.jpg']); // from init
    expect(readFileSync(join(book, '导入报告.txt'), 'utf8').match(/文件设有打开密码/g)).toHaveLength(2);
  });

  test('a manuscript folder that is not there: a message, nothing written', async () => {
    const lines: string[] = [];
    const missing = join(work, '没有这个目录');
    expect(await main(['import', join(work, '无结构.docx'), '--into', missing], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toMatch(/找不到书稿目录：.*没有这个目录。请检查 --into，或先用 nianjian init/);
    expect(readdirSync(work)).not.toContain('没有这个目录');
  });

  test('an empty document is an error, and nothing is written', async () => {
    const { code, lines, book } = await importInto([join(work, '空白.docx')]);
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/空白\.docx：错误：文档中没有文字、图片或表格，未导入/);
    expect(partsIn(book)).toEqual(['01-概况.md']);
  });

  test('a document with no structure: plain paragraphs under one chapter, with a warning; it passes check', async () => {
    const { code, lines, book } = await importInto([join(work, '无结构.docx')], ['--part', '街道']);
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/无结构\.docx：请核对：没有认出任何标题或条目/);
    const md = readFileSync(join(book, '02-街道.md'), 'utf8');
    expect(md).toMatch(/^# 街道\n\n<!-- 导入自 .*无结构\.docx -->\n\n## 无结构\n\n今年工作平稳推进。\n\n各项任务按期完成，群众满意度提高。\n$/);
    const checked = await checkDir(book);
    expect(checked.messages.filter((m) => m.startsWith('02-'))).toEqual([]);
  });
});
