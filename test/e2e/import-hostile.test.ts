/**
 * `nianjian import` on what a hostile tester sent: Word lists (made by the
 * `docx` library and by LibreOffice), CSV files with an unclosed quote, in
 * UTF-16 or with tabs or semicolons, huge and sparse sheets, formulas
 * without a cached result, a file of random bytes converted by LibreOffice,
 * subfolders, a --part with a slash, and an interrupt. Each ends in a
 * Chinese message and the exit code the README gives, nothing silently
 * lost and nothing half-written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { checkDir } from '../helpers/manuscript.ts';
import { fodt, soffice } from '../helpers/office.ts';

let work: string;

async function importInto(files: string[], extra: string[] = [], signal?: AbortSignal): Promise<{ code: number; out: string; book: string }> {
  const book = mkdtempSync(join(work, 'book-'));
  expect(await main(['init', join(book, 'm')], () => {})).toBe(0);
  const lines: string[] = [];
  const code = await main(['import', ...files, '--into', join(book, 'm'), ...extra], (s) => lines.push(s), signal);
  return { code, out: lines.join('\n'), book: join(book, 'm') };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'nianjian-hostile-'));
});

describe('Word lists', () => {
  const numbering = { config: [{ reference: 'num', levels: [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START },
  ] }] };

  test('numbered items become a 1. list, bullets a - list, an inner level a paragraph of its item with its number typed', async () => {
    const doc = new Document({ numbering, sections: [{ children: [
      new Paragraph({ text: '综述', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('【概况】全年接待群众来访1200人次。'),
      new Paragraph({ text: '第一项工作', numbering: { reference: 'num', level: 0 } }),
      new Paragraph({ text: '第二项工作', numbering: { reference: 'num', level: 0 } }),
      new Paragraph({ text: '子项工作', numbering: { reference: 'num', level: 1 } }),
      new Paragraph({ text: '第三项工作', numbering: { reference: 'num', level: 0 } }),
      new Paragraph({ text: '一个要点', bullet: { level: 0 } }),
      new Paragraph('最后一段。'),
    ] }] });
    const file = join(work, '列表.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const { code, out, book } = await importInto([file]);
    expect(code).toBe(0);
    const md = readFileSync(join(book, '02-列表.md'), 'utf8');
    expect(md).toContain('【概况】全年接待群众来访1200人次。\n\n1. 第一项工作\n2. 第二项工作\n\n   （1）子项工作\n3. 第三项工作\n\n- 一个要点\n\n最后一段。\n');
    expect(out).toMatch(/列表\.docx 第 5 段：提示：第 2 级列表项已作为上一项下的段落导入，编号写成“（1）”/);
    const checked = await checkDir(book);
    expect(checked.messages.filter((m) => / (error|fatal|warning)$/.test(m))).toEqual([]);
  }, 60_000);

  test('a list in a .docx made by LibreOffice keeps its items', async () => {
    writeFileSync(join(work, '列表LO.fodt'), fodt(`<text:h text:style-name="Heading_20_2" text:outline-level="2">综述</text:h><text:p>【概况】全年接待群众来访1200人次。</text:p>
<text:list><text:list-item><text:p>第一项工作</text:p></text:list-item><text:list-item><text:p>第二项工作</text:p></text:list-item></text:list><text:p>最后一段。</text:p>`));
    const [file] = soffice([join(work, '列表LO.fodt')], 'docx', work);
    const { code, book } = await importInto([file!]);
    expect(code).toBe(0);
    expect(readFileSync(join(book, '02-列表LO.md'), 'utf8')).toContain('【概况】全年接待群众来访1200人次。\n\n- 第一项工作\n- 第二项工作\n\n最后一段。\n');
  }, 120_000);
});
