/**
 * `nianjian import` on what a hostile tester sent: Word lists (made by the
 * `docx` library and by LibreOffice), CSV files with an unclosed quote, in
 * UTF-16 or with tabs or semicolons, huge and sparse sheets, formulas
 * without a cached result, a file of random bytes converted by LibreOffice,
 * subfolders, a --part with a slash, and an interrupt. Each ends in a
 * Chinese message and the exit code the README gives, nothing silently
 * lost and nothing half-written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { checkDir } from '../helpers/manuscript.ts';
import { fodt, soffice } from '../helpers/office.ts';

let work: string;

const partsIn = (book: string) => readdirSync(book).filter((n) => n.endsWith('.md')).sort();

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

describe('text tables', () => {
  const csv = (name: string, bytes: string | Uint8Array) => {
    writeFileSync(join(work, name), bytes);
    return join(work, name);
  };

  test('an unclosed quote: a Chinese error at the line it opens, with a hint, exit 1, no part written', async () => {
    const { code, out, book } = await importInto([csv('引号.csv', '指标,值\n甲,"1098.6\n乙,75.3\n')]);
    expect(code).toBe(1);
    expect(out).toMatch(/引号\.csv:2：错误：第 2 行的引号（"）没有配对的后引号.*请在表格软件中打开核对这一行/);
    expect(out).not.toMatch(/Quote Not Closed|\n\s+at /);
    expect(partsIn(book)).toEqual(['01-概况.md']);
  });

  test('a quote inside a field is text, a quoted field may hold the delimiter', async () => {
    const { code, book } = await importInto([csv('尺寸.csv', '品名,尺寸\n电视,55"\n"甲,乙",3\n')]);
    expect(code).toBe(0);
    expect(readFileSync(join(book, '02-尺寸.md'), 'utf8')).toContain('| 电视 | 55" |\n| 甲,乙 | 3 |\n');
  });

  test("Excel's Unicode text (UTF-16LE with BOM, tabs, .txt) and UTF-16BE: read as text, split on tabs, no NUL written", async () => {
    const table = '指标\t值\r\n甲\t1098.6\r\n乙\t75.3\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, 'utf16le')]);
    const be = Buffer.from(le.map((_, i) => le[i ^ 1]!));
    for (const [name, bytes] of [['统计LE.txt', le], ['统计BE.csv', be]] as const) {
      const { code, book } = await importInto([csv(name, bytes)]);
      expect(code).toBe(0);
      const md = readFileSync(join(book, partsIn(book)[1]!), 'utf8');
      expect(md).toContain('| 指标 | 值 |\n| - | -: |\n| 甲 | 1098.6 |\n| 乙 | 75.3 |\n');
      expect(md).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
    }
  });

  test('a European CSV (semicolons, decimal commas): split on the semicolons, the numbers whole', async () => {
    const { code, out, book } = await importInto([csv('欧洲.csv', '指标;值;增长\n甲;1098,6;5,1%\n乙;75,3;-2\n')]);
    expect(code).toBe(0);
    expect(out).toMatch(/欧洲\.csv：提示：按表头一行，以分号分隔各栏/);
    expect(readFileSync(join(book, '02-欧洲.md'), 'utf8')).toContain('| 甲 | 1098,6 | 5,1% |\n| 乙 | 75,3 | -2 |\n');
  });

  test('a .txt that is no tab-separated table is refused', async () => {
    const { code, out } = await importInto([csv('说明.txt', '这是一份说明。\n')]);
    expect(code).toBe(1);
    expect(out).toMatch(/说明\.txt：错误：这个 \.txt 文件不是以制表符分隔的表格/);
  });
});

/** A small statistics sheet, with `extra` cells and a merge written into its XML (exceljs itself would make every merged cell). */
async function workbook(name: string, extra: [string, ExcelJS.CellValue][] = [], merge?: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const cells: [string, ExcelJS.CellValue][] = [['A1', '2023年主要指标'], ['A2', '指标'], ['B2', '值'], ['A3', '甲'], ['B3', 1098.6], ['A4', '乙'], ['B4', 75.3], ...extra];
  for (const [at, value] of cells) ws.getCell(at).value = value;
  let bytes: Uint8Array = Buffer.from(await wb.xlsx.writeBuffer());
  if (merge) {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${merge}"/></mergeCells>`));
    bytes = await zip.generateAsync({ type: 'nodebuffer' });
  }
  writeFileSync(join(work, name), bytes);
  return join(work, name);
}

describe('huge and sparse sheets', () => {
  const TABLE = '::caption[2023年主要指标]\n\n| 指标 | 值 |\n| - | -: |\n| 甲 | 1098.6 |\n| 乙 | 75.3 |\n';

  test('a merge to the last row and column (A7:XFD1048576, F1:F1048576) is cut to the data: imported in seconds', async () => {
    for (const merge of ['A7:XFD1048576', 'F1:F1048576']) {
      const started = Date.now();
      const { code, out, book } = await importInto([await workbook('合并.xlsx', [], merge)]);
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(out).toMatch(/合并\.xlsx：提示：1 处合并单元格伸到了数据之外/);
      expect(readFileSync(join(book, '02-合并.md'), 'utf8')).toContain(TABLE);
    }
  }, 60_000);

  test('a value in XFD1048576 or in A1048576: the sheet is too large, a Chinese error naming its range, no crash', async () => {
    for (const at of ['XFD1048576', 'A1048576']) {
      const { code, out, book } = await importInto([await workbook('远格.xlsx', [[at, 'x']])]);
      expect(code).toBe(1);
      expect(out).toMatch(new RegExp(`远格\\.xlsx Sheet1：错误：“Sheet1”的内容占 1048576 行 × \\d+ 列（A1:[A-Z]+1048576），超出年鉴表格的上限`));
      expect(out).not.toMatch(/Maximum call stack|\n\s+at /);
      expect(partsIn(book)).toEqual(['01-概况.md']);
    }
  }, 60_000);

  test('a sheet whose only cell is far away is read from its used range', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('XFD1048576').value = 42;
    writeFileSync(join(work, '一格.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const { code, book } = await importInto([join(work, '一格.xlsx')]);
    expect(code).toBe(0);
    expect(readFileSync(join(book, '02-一格.md'), 'utf8')).toContain('| 42 |');
  }, 60_000);

  test('a CSV of more rows than a yearbook table can have is refused, not overflowing the stack', async () => {
    writeFileSync(join(work, '长表.csv'), `指标,值\n${'甲,1\n'.repeat(200_000)}`);
    const { code, out } = await importInto([join(work, '长表.csv')]);
    expect(code).toBe(1);
    expect(out).toMatch(/长表\.csv 长表：错误：“长表”的内容占 200001 行 × 2 列/);
  }, 60_000);
});

describe('formulas, error values and number formats', () => {
  test('a formula without a cached result: an empty cell and a 请核对 naming the cell and its formula; an error value kept as text and reported; 万 formats as Excel shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    const rows: ExcelJS.CellValue[][] = [['2023年财政收入'], ['项目', '金额', '两倍', '增长'], ['税收', 12345678, { formula: 'B3*2' } as ExcelJS.CellFormulaValue, { error: '#DIV/0!' } as ExcelJS.CellErrorValue], ['非税', 2345, { formula: 'B4*2', result: 4690 } as ExcelJS.CellFormulaValue, 0.1]];
    for (const r of rows) ws.addRow(r);
    ws.getCell('B3').numFmt = '0!.0,"万"';
    ws.getCell('B4').numFmt = '#,##0';
    writeFileSync(join(work, '公式.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const { code, out, book } = await importInto([join(work, '公式.xlsx')]);
    expect(code).toBe(0);
    const md = readFileSync(join(book, '02-公式.md'), 'utf8');
    expect(md).not.toContain('[object Object]');
    expect(md).toContain('| 税收 | 1234.6万 | | #DIV/0! |\n| 非税 | 2,345 | 4690 | 0.1 |\n');
    expect(out).toMatch(/公式\.xlsx Sheet1!C3：请核对：公式 =B3\*2 没有保存计算结果，这一格留空/);
    expect(out).toMatch(/公式\.xlsx Sheet1!D3：请核对：单元格是错误值 #DIV\/0!，已照原样写出/);
  }, 60_000);
});

describe('damaged files', () => {
  test('20 KB of random bytes named .wps, converted by LibreOffice: refused as damaged, exit 1, no part written', async () => {
    let seed = 20240601;
    const random = Buffer.alloc(20 * 1024).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    writeFileSync(join(work, '乱码.wps'), random);
    const { code, out, book } = await importInto([join(work, '乱码.wps')]);
    expect(code).toBe(1);
    expect(out).toMatch(/乱码\.wps：错误：文件的文字中 \d+% 的字符不是汉字、字母、数字或标点，看来文件已损坏或编码不对，未导入/);
    expect(out).not.toMatch(/已用 LibreOffice 转换为 \.docx 后导入/);
    expect(partsIn(book)).toEqual(['01-概况.md']);
  }, 180_000);
});

describe('an interrupted import', () => {
  test('a signal while reading 150 files: it stops between files, writes nothing, exit 130 with one Chinese line', async () => {
    const folder = mkdtempSync(join(work, '供稿-'));
    const doc = new Document({ sections: [{ children: [new Paragraph({ text: '综述', heading: HeadingLevel.HEADING_2 }), new Paragraph('【概况】全年接待群众来访1200人次。')] }] });
    const bytes = await Packer.toBuffer(doc);
    for (let i = 1; i <= 150; i++) writeFileSync(join(folder, `单位${String(i).padStart(3, '0')}.docx`), bytes);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort('SIGINT'), 300);
    const { code, out, book } = await importInto([folder], [], stop.signal);
    clearTimeout(timer);
    expect(code).toBe(130);
    expect(out).toMatch(/:1:1: error: 导入被中断（SIGINT）。临时文件已删除，书稿中没有写了一半的文件。请重新导入。 \[import-interrupted\]/);
    expect(readdirSync(book).sort()).toEqual(['01-概况.md', 'book.yaml', 'fonts.yaml', 'front', 'photos', 'templates']);
  }, 120_000);
});

describe('folders and part names', () => {
  const simpleDocx = async (path: string, entry: string) => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ text: '综述', heading: HeadingLevel.HEADING_2 }), new Paragraph(`【${entry}】全年工作平稳推进。`)] }] });
    writeFileSync(path, await Packer.toBuffer(doc));
  };

  test('a folder is imported with its subfolders, in path order; hidden folders are left out', async () => {
    const folder = mkdtempSync(join(work, '来稿-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(folder, '民主党派'));
    mkdirSync(join(folder, '.备份'));
    await simpleDocx(join(folder, '区委办.docx'), '区委办');
    await simpleDocx(join(folder, '民主党派', '工商联.docx'), '工商联');
    await simpleDocx(join(folder, '.备份', '旧稿.docx'), '旧稿');
    const { code, out, book } = await importInto([folder]);
    expect(code).toBe(0);
    expect(out).toMatch(/导入 2\/2 个文件/);
    expect(partsIn(book)).toEqual(['01-概况.md', '02-区委办.md', '03-工商联.md']);
  }, 60_000);

  test('two files of the same name in two subfolders keep their own photos and parts, on import and on import again with --force', async () => {
    const sharp = (await import('sharp')).default;
    const { mkdirSync } = await import('node:fs');
    const { ImageRun } = await import('docx');
    const folder = mkdtempSync(join(work, '同名-'));
    const colours = { 甲街道: { r: 200, g: 40, b: 40 }, 乙街道: { r: 40, g: 40, b: 200 } };
    for (const [unit, background] of Object.entries(colours)) {
      mkdirSync(join(folder, unit));
      const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background } }).png().toBuffer();
      const doc = new Document({ sections: [{ children: [
        new Paragraph({ text: '综述', heading: HeadingLevel.HEADING_2 }),
        new Paragraph(`【${unit}】全年工作平稳推进。`),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: photo, transformation: { width: 60, height: 40 } })] }),
        new Paragraph(`${unit}活动现场`),
      ] }] });
      writeFileSync(join(folder, unit, '工作总结.docx'), await Packer.toBuffer(doc));
    }
    const { code, book } = await importInto([folder]);
    expect(code).toBe(0);
    expect(readdirSync(join(book, 'photos')).filter((n) => n.includes('工作总结')).sort()).toEqual(['甲街道-工作总结-01.png', '乙街道-工作总结-01.png'].sort());
    const red = async (path: string) => (await sharp(path).raw().toBuffer())[0]! > 150;
    for (const [unit] of Object.entries(colours)) {
      const part = partsIn(book).map((n) => readFileSync(join(book, n), 'utf8')).find((t) => t.includes(`【${unit}】`))!;
      const photo = /photos\/([^)\s]+\.png)/.exec(part)![1]!;
      expect(photo).toBe(`${unit}-工作总结-01.png`);
      expect(await red(join(book, 'photos', photo))).toBe(unit === '甲街道');
      expect(part).toContain(`<!-- 导入自 ${unit}/工作总结.docx -->`);
    }
    // Imported again with --force, each part is replaced by its own file's text, none by the other's.
    const parts = partsIn(book);
    expect(await main(['import', folder, '--into', book, '--force'], () => {})).toBe(0);
    expect(partsIn(book)).toEqual(parts);
    for (const unit of Object.keys(colours)) expect(partsIn(book).filter((n) => readFileSync(join(book, n), 'utf8').includes(`【${unit}】`))).toHaveLength(1);
  }, 60_000);

  test('a Word file whose XML unpacks to 210 MB (a zip bomb) is refused from its zip directory, in Chinese, without inflating it', async () => {
    const yazl = (await import('yazl')).default;
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), '[Content_Types].xml');
    zip.addBuffer(Buffer.alloc(210 * 1024 * 1024, 0x20), 'word/document.xml', { compress: true });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const file = join(work, '炸弹.docx');
    writeFileSync(file, Buffer.concat(chunks));
    const { code, out, book } = await importInto([file]);
    expect(code).toBe(1);
    expect(out).toMatch(/炸弹\.docx：错误：文件解压后的文字部分有 210 MB，远超任何一份供稿.*未导入。.*\[too-large\]/);
    expect(out).not.toMatch(/Cannot|string longer/);
    expect(partsIn(book)).toEqual(['01-概况.md']);
  }, 60_000);

  test('--part with a slash is refused with exit 2 and nothing written; an existing part file named by its path is still found', async () => {
    const file = join(work, '工商联.docx');
    await simpleDocx(file, '工商联');
    const refused = await importInto([file], ['--part', '民主党派/工商联']);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/--part “民主党派\/工商联”含有“\/”或“\\”：篇文件只能直接放在书稿目录中.*请写成一个篇名，如 --part 民主党派工商联/);
    expect(readdirSync(refused.book).sort()).toEqual(['01-概况.md', 'book.yaml', 'fonts.yaml', 'front', 'photos', 'templates']);
    const book = mkdtempSync(join(work, 'book-'));
    expect(await main(['init', join(book, 'm')], () => {})).toBe(0);
    expect(await main(['import', file, '--into', join(book, 'm'), '--part', join(book, 'm', '01-概况.md')], () => {})).toBe(0);
    expect(readFileSync(join(book, 'm', '01-概况.md'), 'utf8')).toContain('【工商联】全年工作平稳推进。');
  }, 60_000);
});

describe('files that are not files', () => {
  test('a FIFO named .docx and /dev/zero linked as .csv are refused in Chinese, exit 1, nothing written (the FIFO hung the import past every signal)', async () => {
    const dir = mkdtempSync(join(work, 'not-files-'));
    execFileSync('mkfifo', [join(dir, '管道.docx')]);
    symlinkSync('/dev/zero', join(dir, '零.csv'));
    const { code, out, book } = await importInto([join(dir, '管道.docx'), join(dir, '零.csv')]);
    expect(code).toBe(1);
    expect(out).toMatch(/管道\.docx：错误：这不是普通文件，而是命名管道（FIFO），未导入/);
    expect(out).toMatch(/零\.csv：错误：这不是普通文件，而是设备文件，未导入/);
    expect(partsIn(book)).toEqual(['01-概况.md']);
  });
});
