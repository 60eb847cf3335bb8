/**
 * Diagnostics that need the composer and the real fonts, on small manuscripts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkManuscript, layoutForPrint, reportProblems } from '../../src/build/index.ts';
import { main } from '../../src/cli/index.ts';
import { loadTemplate } from '../../src/config/index.ts';
import { geometryOf, type PagedDocument } from '../../src/layout/index.ts';
import { createFontProvider, type FontProvider, missingCharacters, openFont } from '../../src/font/index.ts';
import { imageSizeOf, loadFontSet, readImageBytes, readManuscript, readTemplateFile } from '../../src/io/index.ts';
import { type Files, jpeg, VALID_BOOK_YAML, writeManuscript } from '../helpers/manuscript.ts';
import { setBook } from '../helpers/set-book.ts';

let fonts: FontProvider;
beforeAll(async () => {
  fonts = createFontProvider(await loadFontSet());
});

async function build(body: string) {
  return setBook(writeManuscript({ '01-篇.md': `# 篇\n\n## 章\n\n${body}\n` }), fonts);
}

describe('composition diagnostics', () => {
  test('a character no font has names itself, its code point and its line; a box stands in its place', async () => {
    const r = await build('【概况】 河西区\n有一个罕见字𪛖。');
    const file = r.files.find((f) => f.basename === '01-篇.md')!;
    const msg = file.messages.find((m) => m.ruleId === 'glyph-missing')!;
    expect(msg.reason).toContain('𪛖');
    expect(msg.reason).toContain('U+2A6D6');
    expect(msg.line).toBe(6);
    const glyph = r.paragraphs[0]!.lines.flatMap((l) => l.glyphs.toArray()).find((g) => g.text === '𪛖')!;
    expect(glyph.glyphId).toBe(0);
  });

  test('superscript digits missing from the fonts are made from digits, raised and smaller', async () => {
    const r = await build('见名词解释⁵。');
    expect(r.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'glyph-missing')).toEqual([]);
    const sup = r.paragraphs[0]!.lines.flatMap((l) => l.glyphs.toArray()).find((g) => g.text === '⁵')!;
    expect(sup.riseEm).toBeGreaterThan(0);
    expect(sup.sizePt).toBeLessThan(10.5);
  });

  test('a token wider than the column is reported as an overfull line at its place', async () => {
    const r = await build(`链接${'x'.repeat(80)}结束。`);
    expect(r.files.flatMap((f) => f.messages).some((m) => m.ruleId === 'line-overfull' && m.line === 5)).toBe(true);
  });

  test('so is one in a heading or a table title, which carry no place of their own (it was reported nowhere, printed over the next column)', async () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
    const r = await build(`### 分析与${word}研究\n\n正文。\n\n表1　${word}${word}统计\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |`);
    const lines = r.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'line-overfull').map((m) => m.line);
    expect(lines).toContain(5);
    expect(lines).toContain(9);
  });
});

describe('images', () => {
  test('an image printed below 200 dpi is a warning naming the file and its line', async () => {
    const dir = writeManuscript({ '01-篇.md': '# 篇\n\n## 章\n\n正文。\n\n![小图](photos/small.jpg "某提供")\n', 'photos/small.jpg': await jpeg(120, 80) });
    const read = await readManuscript(dir);
    const book = checkManuscript(read.files, read.all).book!;
    const template = loadTemplate(await readTemplateFile(dir, 'yearbook-16k'))!;
    const { problems } = layoutForPrint({ book, template, fonts, imageSize: imageSizeOf(read) });
    reportProblems(problems, read.all);
    const msg = read.all.flatMap((f) => f.messages).find((m) => m.ruleId === 'image-low-resolution')!;
    expect(msg.reason).toContain('photos/small.jpg');
    expect(msg.line).toBe(7);
    expect(msg.reason).toMatch(/（印在第 2 页）$/);
  });

  test('JPEG passes through; a TIFF is converted to PNG for the PDF', async () => {
    const sharp = (await import('sharp')).default;
    const tiff = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#777' } }).tiff().toBuffer();
    const jpg = await jpeg(20, 10);
    const dir = writeManuscript({ 'a.tif': tiff, 'b.jpg': jpg }, false);
    const bytes = (await readImageBytes(dir, ['a.tif', 'b.jpg'])).bytes;
    expect([...bytes.get('a.tif')!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(Buffer.from(bytes.get('b.jpg')!).equals(jpg)).toBe(true);
  });
});

describe('the last good output is never lost', () => {
  test('a build with errors writes nothing; the previous PDF and EPUB stay byte for byte', async () => {
    const dir = writeManuscript({ '01-篇.md': '# 篇\n\n## 章\n\n【概况】 河西区位于天津市区东南部。\n' });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-out-'));
    expect(await main(['build', dir, '--out', out], () => {})).toBe(0);
    const names = readdirSync(out).filter((n) => /\.(pdf|epub)$/.test(n)).sort(); // .cache and the report are not the book
    expect(names.map((n) => n.replace(/^.*\./, ''))).toEqual(['epub', 'pdf']);
    const good = names.map((n) => readFileSync(join(out, n)));
    expect(good[1]!.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(dir, '01-篇.md'), '# 篇\n\n### 跳级\n\n【概况】 文字。\n');
    const lines: string[] = [];
    expect(await main(['build', dir, '--out', out], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toContain('heading-level-skipped');
    expect(readdirSync(out).filter((n) => /\.(pdf|epub)$/.test(n)).sort()).toEqual(names);
    expect(readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('-report.html'))!), 'utf8')).toContain('heading-level-skipped');
    names.forEach((n, i) => expect(readFileSync(join(out, n)).equals(good[i]!)).toBe(true));
  });
});

describe('EPUB with embedded fonts (book.yaml epub.embed_fonts)', () => {
  test('the subsets hold every character of every document, 【】 included, and the CSS uses them', async () => {
    const dir = writeManuscript({ 'book.yaml': `${VALID_BOOK_YAML}epub:\n  embed_fonts: true\n`, '01-篇.md': '# 区情概览\n\n## 综　述\n\n【河西区概况】 河西区位于天津市区东南部，“海河”西岸。\n' });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-embed-'));
    expect(await main(['build', dir, '--out', out], () => {})).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('.epub'))!))));
    expect(strFromU8(files['OEBPS/style.css']!)).toContain('@font-face');
    const text = Object.keys(files).filter((n) => n.endsWith('.xhtml')).map((n) => strFromU8(files[n]!).replace(/<[^>]*>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))).join('');
    expect(text).toContain('【河西区概况】');
    for (const font of ['OEBPS/fonts/body.ttf', 'OEBPS/fonts/heading.ttf']) {
      expect(missingCharacters(text.replace(/[\s\u00a0]/g, ''), [openFont(files[font]!)]), font).toEqual([]);
    }
  }, 60_000);
});

describe('proof margin notes', () => {
  test('each entry’s note sits in the margin beside its own column, at its head line', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => `【条目${i + 1}】 ${'河西区推进城市更新，完善公共服务设施，提升居民生活品质。'.repeat(3)}`);
    const dir = writeManuscript({ '03-篇.md': `# 区情概览\n\n## 综述\n\n${entries.join('\n\n')}\n` });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-draft-notes-'));
    expect(await main(['build', dir, '--out', out, '--draft'], () => {})).toBe(0);
    const pdf = join(out, readdirSync(out).find((n) => n.endsWith('-校样.pdf'))!);
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const sides = new Set<string>();
    for (const page of bbox.split('<page ').slice(1)) {
      const width = Number(/width="([\d.]+)"/.exec(page)![1]);
      const words = [...page.matchAll(/xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)</g)]
        .map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), yMax: Number(m[3]), text: m[4]! }));
      for (const note of words.filter((w) => /^03:\d+$/.test(w.text))) {
        const head = words.find((w) => w.text.startsWith('【条目') && Math.abs(w.yMax - note.yMax) < 4 && Math.abs(w.xMin - note.xMin) < width / 2);
        expect(head, `${note.text} has its entry beside it`).toBeDefined();
        const leftColumn = head!.xMin < width / 2;
        sides.add(leftColumn ? 'left' : 'right');
        if (leftColumn) expect(note.xMax).toBeLessThan(head!.xMin);
        else expect(note.xMin).toBeGreaterThan(head!.xMin);
      }
    }
    expect([...sides].sort()).toEqual(['left', 'right']);
  }, 60_000);
});

describe('layout progress', () => {
  test('layout tells its progress once per part, in reading order', async () => {
    const dir = writeManuscript({ '01-概况.md': '# 概况\n\n## 章\n\n正文。\n', '02-政治.md': '# 政治\n\n## 章\n\n正文。\n' });
    const read = await readManuscript(dir);
    const book = checkManuscript(read.files, read.all).book!;
    const template = loadTemplate(await readTemplateFile(dir, 'yearbook-16k'))!;
    const seen: string[] = [];
    layoutForPrint({ book, template, fonts, imageSize: () => undefined, progress: (done, total, title) => seen.push(`${done}/${total} ${title}`) });
    expect(seen).toEqual(['1/2 概况', '2/2 政治']);
  }, 60_000);
});

describe('nianjian init', () => {
  test('makes a new yearbook that builds at once, and never writes into a folder that is not empty', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-init-')), '新书');
    expect(await main(['init', dir], () => {})).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['01-概况.md', 'book.yaml', 'fonts.yaml', 'front', 'photos', 'templates']);
    const out = mkdtempSync(join(tmpdir(), 'nianjian-init-out-'));
    const lines: string[] = [];
    expect(await main(['build', dir, '--out', out], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toContain('0 个错误 errors, 0 个警告 warnings');
    expect(readdirSync(out).filter((n) => !n.startsWith('.')).map((n) => n.replace(/^.*\./, '')).sort()).toEqual(['epub', 'html', 'json', 'pdf']); // json: the manifest a later proof compares with (issue 23)
    expect(await main(['init', dir], () => {})).toBe(2); // the path given is the command line's mistake, as a file there is
  }, 60_000);
});

describe('proofs (build --draft)', () => {
  test('a proof has its own name, a stamp with date and revision on every page, and each entry’s file:line in the margin', async () => {
    const dir = writeManuscript({ '03-篇.md': '# 区情概览\n\n## 综述\n\n【河西区概况】 河西区是天津市中心城区之一。\n\n【经济】 全区实现地区生产总值1154.2亿元。\n' });
    const out = mkdtempSync(join(tmpdir(), 'nianjian-draft-'));
    process.env.SOURCE_DATE_EPOCH = '1732406400'; // 2024-11-24
    try {
      expect(await main(['build', dir, '--out', out, '--draft'], () => {})).toBe(0);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    const pdf = readdirSync(out).find((n) => n.endsWith('-校样.pdf'))!;
    expect(pdf).toBeDefined();
    expect(readdirSync(out).some((n) => n.endsWith('.epub'))).toBe(false);
    const pages = execFileSync('pdftotext', ['-raw', join(out, pdf), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    for (const page of pages) expect(page).toMatch(/校样\s*2024-11-24\s*(未纳入版本库|[0-9a-f]{7}\+?)/);
    const all = pages.join('\n');
    expect(all).toMatch(/03:5/);
    expect(all).toMatch(/03:7/);
  }, 60_000);
});

/** Lays out a small manuscript and reports its problems; returns the messages and the pages. */
async function laidOut(files: Files) {
  const dir = writeManuscript(files);
  const read = await readManuscript(dir);
  const book = checkManuscript(read.files, read.all).book!;
  const template = loadTemplate(await readTemplateFile(dir, 'yearbook-16k'))!;
  const laid = layoutForPrint({ book, template, fonts, imageSize: imageSizeOf(read) });
  reportProblems(laid.problems, read.all);
  return { ...laid, messages: read.all.flatMap((f) => f.messages.map((m) => ({ file: f.basename, rule: String(m.ruleId), line: m.line, reason: m.reason }))) };
}

const glyphText = (page: PagedDocument['pages'][number]) => page.items.flatMap((i) => (i.kind === 'glyphs' ? [i.glyphs.toArray().map((g) => g.text).join('')] : []));

describe('the report places layout findings on their page and column', () => {
  test('an overfull line: its page number and column, checked against where the line is drawn', async () => {
    const filler = '正文的填充文字，要排满一栏以上。'.repeat(60);
    const { messages, paged, problems } = await laidOut({ '01-篇.md': `# 篇\n\n## 章\n\n${filler}\n\n链接${'x'.repeat(80)}结束。\n` });
    const msg = messages.find((m) => m.rule === 'line-overfull')!;
    expect(msg.line).toBe(7);
    const [, folio, column] = msg.reason.match(/（印在第 (\d+) 页(左|右)栏）$/)!;
    const problem = problems.find((p) => p.kind === 'line-overfull')!;
    const page = paged.pages[problem.at!.pageIndex]!;
    expect(page.number).toBe(folio);
    // The line is drawn on that page, in that column (left of the gutter or right of it).
    const g = geometryOf(loadTemplate(await readTemplateFile(writeManuscript({}), 'yearbook-16k'))!);
    const drawn = page.items.find((i) => i.kind === 'glyphs' && i.glyphs.toArray().map((x) => x.text).join('').includes('xxxxxxxx'))!;
    const inRight = drawn.kind === 'glyphs' && drawn.x > g.columnLeft(page.isRecto, 1) - 1;
    expect(column).toBe(inRight ? '右' : '左');
    expect(column).toBe('右'); // the filler fills the left column first
  });

  test('a heading left at the foot of its column with no text under it (a section left empty) is reported where it stands', async () => {
    const filler = '正文的填充文字。'.repeat(30);
    const { messages, paged, problems } = await laidOut({ '01-篇.md': `# 篇\n\n## 章\n\n${filler}\n\n### 落单的分目\n` });
    const msg = messages.find((m) => m.rule === 'heading-stranded')!;
    expect(msg).toMatchObject({ file: '01-篇.md', line: 7 });
    expect(msg.reason).toMatch(/（印在第 \d+ 页[左右]栏）$/);
    const at = problems.find((p) => p.kind === 'heading-stranded')!.at!;
    expect(glyphText(paged.pages[at.pageIndex]!).join('').replace(/[\s\u3000]/g, '')).toContain('落单的分目');
    // A heading with its text under it is not reported.
    const fine = await laidOut({ '01-篇.md': `# 篇\n\n## 章\n\n${filler}\n\n### 好的分目\n\n${filler}\n` });
    expect(fine.messages.filter((m) => m.rule === 'heading-stranded')).toEqual([]);
  });

  test('index terms: one in a list is indexed at its page; one in the front matter or a table is reported, not printed without a page', async () => {
    const { messages, paged } = await laidOut({
      'front/01-编辑说明.md': '# 编辑说明\n\n说明里标了:index[前言词]。\n',
      '01-篇.md': '# 篇\n\n## 章\n\n【条目】 正文:index[正文词]。\n\n- 列表里的:index[列表词]\n\n::caption[表]\n\n| 项目 | 数量 |\n|---|---|\n| :index[表格词] | 1 |\n',
    });
    const unplaced = messages.filter((m) => m.rule === 'index-term-unplaced');
    expect(unplaced.map((m) => [m.file, m.line, m.reason.match(/“(.+?)”/)![1]])).toEqual([['01-编辑说明.md', 3, '前言词'], ['01-篇.md', 13, '表格词']]);
    const headings = paged.index.flatMap((g) => g.entries.map((e) => e.heading));
    expect(headings).toEqual(expect.arrayContaining(['正文词', '列表词']));
    expect(headings).not.toContain('前言词');
    expect(headings).not.toContain('表格词');
    const entry = paged.index.flatMap((g) => g.entries).find((e) => e.heading === '列表词')!;
    expect(entry.pages).toEqual([Number(paged.anchors.get(entry.anchors[0]!)!.folio)]);
    expect(glyphText(paged.pages[paged.anchors.get(entry.anchors[0]!)!.pageIndex]!).join('')).toContain('列表里的列表词');
  });

  test('a table too wide for the type area is set turned (卧排) on a page of its own, head to the left, and reported at that page', async () => {
    const cols = 14; // at 小五 (9 pt) 13 columns of 123456.78 are wider than the type area, narrower than it is high
    const head = `| 指标 | ${Array.from({ length: cols - 1 }, (_, i) => `${2008 + i}年`).join(' | ')} |`;
    const rows = Array.from({ length: 6 }, (_, r) => `| 指标${r + 1} | ${Array.from({ length: cols - 1 }, (_, i) => (123456.78 + r * 1000 + i).toFixed(2)).join(' | ')} |`);
    const table = [head, `|${'---|'.repeat(cols)}`, ...rows].join('\n');
    const { messages, paged, problems } = await laidOut({ '01-篇.md': `# 篇\n\n## 章\n\n正文。\n\n::caption[宽表]\n\n${table}\n\n表后的正文。\n` });
    const msg = messages.find((m) => m.rule === 'table-rotated')!;
    expect(msg).toMatchObject({ file: '01-篇.md', line: 9 });
    expect(messages.map((m) => m.rule)).not.toContain('table-too-wide');
    const at = problems.find((p) => p.kind === 'table-rotated')!.at!;
    expect(msg.reason).toContain(`（印在第 ${at.folio} 页）`);
    const page = paged.pages[at.pageIndex]!;
    // The whole table is one group turned a quarter anticlockwise: the frame's x runs up the page.
    const groups = page.items.filter((i) => i.kind === 'group');
    expect(groups).toHaveLength(1);
    expect(page.items.filter((i) => i.kind === 'glyphs' && /宽表|指标/.test(i.glyphs.toArray().map((x) => x.text).join('')))).toEqual([]); // only the head and folio stand upright
    const group = groups[0]!;
    if (group.kind !== 'group') return;
    expect(group.transform.slice(0, 4)).toEqual([0, -1, 1, 0]);
    const g = geometryOf(loadTemplate(await readTemplateFile(writeManuscript({}), 'yearbook-16k'))!);
    expect(group.transform[4]).toBeCloseTo(g.typeLeft(page.isRecto));
    expect(group.transform[5]).toBeCloseTo(g.typeTopPt + g.typeHeightPt);
    // In its own frame the table is wider than the type area is wide, and no wider than it is high.
    const rules = group.items.filter((i) => i.kind === 'rule');
    const right = Math.max(...rules.map((r) => (r.kind === 'rule' ? Math.max(r.x1, r.x2) : 0)));
    expect(right).toBeGreaterThan(g.typeWidthPt);
    expect(right).toBeLessThanOrEqual(g.typeHeightPt + 0.01);
    const text = group.items.flatMap((i) => (i.kind === 'glyphs' ? [i.glyphs.toArray().map((x) => x.text).join('')] : [])).join('');
    expect(text).toContain('宽表');
    expect(text).toContain('123456.78');
  });
});

test('the preflight report of a manuscript with every kind of layout finding lists each, with its file:line and printed page', async () => {
  const cols = 16;
  const wide = [`| 指标 | ${Array.from({ length: cols - 1 }, (_, i) => `${2008 + i}年`).join(' | ')} |`, `|${'---|'.repeat(cols)}`,
    ...Array.from({ length: 4 }, (_, r) => `| 指标${r + 1} | ${Array.from({ length: cols - 1 }, (_, i) => (123456.78 + r + i).toFixed(2)).join(' | ')} |`)].join('\n');
  const filler = '正文的填充文字，要排满一栏以上。'.repeat(60);
  const dir = writeManuscript({
    'front/01-编辑说明.md': '# 编辑说明\n\n说明里标了:index[前言词]。\n',
    '01-篇.md': [
      '# 篇', '', '## 章', '', `【条目】 ${filler}`, '', `链接${'x'.repeat(80)}结束。`, '',
      '有一个罕见字𪛖,还有ASCII逗号。', '', '![小图](photos/small.jpg "某提供")', '', '![不存在的图](photos/none.jpg "某提供")', '',
      '::caption[宽表]', '', wide, '', '表后的正文。', '', '### 落单的分目', '',
    ].join('\n'),
    'photos/small.jpg': await jpeg(120, 80),
  });
  const out = mkdtempSync(join(tmpdir(), 'nianjian-report-'));
  expect(await main(['build', dir, '--out', out], () => {})).toBe(1); // the missing image is an error
  const reportOf = () => readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('-report.html'))!), 'utf8');
  expect(reportOf()).toMatch(/01-篇\.md:13:1<\/code><\/td><td>error<\/td><td><code>figure-file-missing/);
  // An error stops the build before layout; without it, the layout findings come in.
  writeFileSync(join(dir, '01-篇.md'), readFileSync(join(dir, '01-篇.md'), 'utf8').replace('![不存在的图](photos/none.jpg "某提供")', ''));
  expect(await main(['build', dir, '--out', out], () => {})).toBe(0);
  const html = reportOf();
  const row = (rule: string) => html.split('<tr').find((r) => r.includes(`<code>${rule}</code>`)) ?? '';
  for (const [rule, group] of [
    ['image-low-resolution', '图片'], ['glyph-missing', '缺字'], ['line-overfull', '排版：过松、超宽的行'], ['line-loose', '排版：过松、超宽的行'],
    ['heading-stranded', '排版：栏末落单的标题'], ['table-rotated', '表格'], ['index-term-unplaced', '索引：没有页码的索引词'], ['normalize-punctuation', '文字规范化'],
  ] as const) {
    expect(row(rule), rule).toMatch(/01-(篇|编辑说明)\.md:\d+:\d+/);
    expect(html, rule).toContain(`${group}（`);
  }
  for (const rule of ['image-low-resolution', 'line-overfull', 'line-loose', 'heading-stranded', 'table-rotated']) expect(row(rule), rule).toMatch(/印在第 \d+ 页/);
  expect(row('line-overfull')).toMatch(/印在第 \d+ 页[左右]栏/);
});

test('a short cell (a name, a head like 学生数) is never broken over two lines, even in a crowded table', async () => {
  const head = '| 序号 | 校名 | 书记 | 校长 | 教职工数 | 年级数 | 班级数 | 学生数 | 校址 | 邮政编码 | 电话号码 |';
  const rows = Array.from({ length: 5 }, (_, i) => `| ${i + 1} | 天津市河西区第${i + 1}实验小学（小学部）暨河西区教育集团成员学校 | 张庆起 | 李德华 | 20 | 9 | 19 | 638 | 天津市河西区梅江南环岛东路${i + 1}号院内教学楼及体育馆 | 300222 | 88392096 |`);
  const { paged } = await laidOut({ '01-篇.md': `# 篇\n\n## 章\n\n::caption[学校名录]\n\n${[head, `|${'---|'.repeat(11)}`, ...rows].join('\n')}\n` });
  const runs = paged.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'glyphs' ? [i.glyphs.toArray().map((g) => g.text).join('')] : [])));
  for (const word of ['张庆起', '李德华', '学生数', '教职工数', '邮政编码']) expect(runs, word).toContain(word);
});

describe('numbers in a table column stand on their decimal point', () => {
  test('a minus sign (U+2212) is read as a number, and a whole number with a % stands with its digits over the others’ (its % past the point)', async () => {
    const { paged } = await laidOut({ '01-篇.md': '# 篇\n\n## 章\n\n::caption[表1　增减]\n\n| 项 | 增减 |\n| --- | --- |\n| 甲 | 1.5% |\n| 乙 | −3.25 |\n| 丙 | 12% |\n| 丁 | -3.2% |\n' });
    const cells = paged.pages.flatMap((p) => p.items).filter((i) => i.kind === 'glyphs').map((i) => i as Extract<typeof i, { kind: 'glyphs' }>)
      .map((i) => ({ x: i.x, glyphs: i.glyphs.toArray() })).filter((c) => ['1.5%', '−3.25', '12%', '-3.2%'].includes(c.glyphs.map((g) => g.text).join('')));
    // Where each number's point is, or where it would be after its last digit.
    const points = cells.map((c) => {
      const at = c.glyphs.findIndex((g) => g.text === '.');
      const after = at >= 0 ? at : c.glyphs.findLastIndex((g) => /\d/.test(g.text)) + 1;
      return c.x + (after < c.glyphs.length ? c.glyphs[after]!.xPt : c.glyphs.at(-1)!.xPt + 1e9);
    });
    expect(cells.map((c) => c.glyphs.map((g) => g.text).join(''))).toEqual(['1.5%', '−3.25', '12%', '-3.2%']);
    for (const x of points) expect(x).toBeCloseTo(points[0]!, 1);
  });
});

describe('a table in an entry keeps its notes', () => {
  test('注： and 资料来源： right after a table in an entry are its notes, set under it in small type; the entry’s text after them is text (they were set as body text, left behind when the table moved)', async () => {
    const text = '全区经济社会发展稳中有进。'.repeat(8);
    const { paged } = await laidOut({ '01-篇.md': `# 篇\n\n## 章\n\n【甲】 ${text}\n\n::caption[表1　窄表]\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n注：窄表注文。\n\n资料来源：区统计局。\n\n接着的正文还是条目的。\n` });
    const lines = paged.pages.flatMap((p) => (p.textLines ?? []).map((l) => ({ ...l, page: p.index })));
    const note = lines.find((l) => l.text.startsWith('注：窄表注文'))!;
    const source = lines.find((l) => l.text.startsWith('资料来源：区统计局'))!;
    const after = lines.find((l) => l.text.startsWith('接着的正文'))!;
    const title = lines.find((l) => l.text.includes('窄表') && !l.text.startsWith('注'))!;
    expect(note.sizePt).toBeLessThan(10);
    expect(source.sizePt).toBe(note.sizePt);
    expect(after.sizePt).toBe(10.5);
    expect(note.page).toBe(title.page);
  });
});

describe('floats at a part’s end', () => {
  test('a column table waiting behind a page-wide one goes under it on the part’s last page, not with it onto a page of their own (which left the page before with an empty column)', async () => {
    const text = '全区经济社会发展稳中有进。'.repeat(10);
    const wide = `| ${Array.from({ length: 16 }, (_, i) => `列${i + 1}`).join(' | ')} |\n| ${Array.from({ length: 16 }, () => '---').join(' | ')} |\n| ${Array.from({ length: 16 }, (_, i) => String(i * 3)).join(' | ')} |`;
    const { paged } = await laidOut({ '01-篇.md': `# 篇\n\n## 章\n\n【甲】 ${text}\n\n::caption[表1　宽表]\n\n${wide}\n\n注：宽表注文。\n\n【乙】 ${text}\n\n::caption[表2　窄表]\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n注：窄表注文。\n\n接着的正文。\n\n【丙】 ${text}\n` });
    const pageOf = (start: string) => paged.pages.find((p) => (p.textLines ?? []).some((l) => l.text.startsWith(start)))!.index;
    expect(pageOf('表2')).toBe(pageOf('接着的正文'));
    expect(pageOf('表1')).toBe(pageOf('【丙】'));
  });
});
