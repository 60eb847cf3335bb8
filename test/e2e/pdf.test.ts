/**
 * The print PDF of the sample, read back as a reader's tools read it
 * (poppler's pdftotext, installed by .ci/run): TOC folios, running heads,
 * every character of the body, and identical bytes from two builds.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { checkManuscript } from '../../src/build/index.ts';
import { readManuscript } from '../../src/io/index.ts';
import { compareIndexKeys, indexKeys } from '../../src/cjk/index.ts';
import { indexOccurrences, qualifyGeneric } from '../../src/derive/index.ts';
import { type Book, inlineText, walkBook } from '../../src/model/index.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');
/** Type area top and bottom (templates/yearbook-16k.yaml: 20 mm, 44 lines of 16 pt). */
const TYPE_TOP = 56.69;
const TYPE_BOTTOM = TYPE_TOP + 43 * 16 + 10.5;

interface Word { x: number; y: number; xMax: number; height: number; text: string }

function pdfPath(dir: string): string {
  return join(dir, readdirSync(dir).find((n) => n.endsWith('.pdf'))!);
}

async function build(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'nianjian-pdf-'));
  const code = await main(['build', MANUSCRIPT, '--out', out], () => {});
  expect(code).toBe(0);
  return pdfPath(out);
}

/** Words with positions, page by page (pdftotext -bbox). */
function wordsByPage(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 1 << 28 }).toString();
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), height: Number(m[4]) - Number(m[2]), text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
    })),
  );
}

function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { maxBuffer: 1 << 28 }).toString().split('\f');
}

const flat = (s: string) => s.replace(/[\s\u3000]/g, '');
const folioOf = (words: Word[]) => words.filter((w) => w.y > TYPE_BOTTOM).map((w) => w.text).join('');
const headOf = (words: Word[]) => flat(words.filter((w) => w.y < TYPE_TOP - 10).map((w) => w.text).join(''));
/** The index's first page: under its title, opening with 条目索引, with no running head (R-PAGE-4). */
const indexStart = () => words.findIndex((w, i) => i > bodyStart && headOf(w) === '' && w.some((x) => x.text === '条目索引'));

/** A column's text lines inside the type area (column 0 left of the gutter's middle, 1 right), top to bottom, each its words left to right. */
function columnLines(page: Word[], column: 0 | 1): Word[][] {
  const rows = new Map<number, Word[]>();
  for (const w of page.filter((x) => (column === 0 ? x.x < 297 : x.x >= 297) && x.y > TYPE_TOP - 10 && x.y < TYPE_BOTTOM)) {
    rows.set(Math.round(w.y), [...(rows.get(Math.round(w.y)) ?? []), w]);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row.sort((a, b) => a.x - b.x));
}

/** "94、173", "45—48" → [94, 173], [45…48]. */
function expandLocators(text: string): number[] {
  return text.split('、').flatMap((part) => {
    const [from, to] = part.split('—').map(Number);
    return to === undefined ? [from!] : Array.from({ length: to - from! + 1 }, (_, k) => from! + k);
  });
}

/** A list read back: in each column, the words up to a number at the right edge are one item. */
function tocItems(pages: Word[][], trailer = /^\d+$/): Array<{ title: string; folio: string }> {
  const items: Array<{ title: string; folio: string }> = [];
  for (const words of pages) {
    // Heads stand at about 26 pt; the page title (目录, 索引) is the only text taller than 20 pt.
    const inArea = words.filter((w) => w.y > TYPE_TOP - 10 && w.y < TYPE_BOTTOM && w.height < 20);
    for (const column of [inArea.filter((w) => w.x < 297), inArea.filter((w) => w.x >= 297)]) {
      // The right edge is where most numbers end (a line ending in 、 reads ½ em wider: R-PUN-10).
      const ends = column.filter((w) => trailer.test(w.text)).map((w) => w.xMax).sort((a, b) => a - b);
      const right = ends[Math.floor(ends.length / 2)] ?? 0;
      let title = '';
      for (const w of [...column].sort((a, b) => a.y - b.y || a.x - b.x)) {
        if (trailer.test(w.text) && (Math.abs(w.xMax - right) < 1 || (w.text.endsWith('、') && Math.abs(w.xMax - right) < 6))) {
          // A long list of locators goes on over lines of its own: they join the item above.
          if (title === '' && items.length > 0 && items.at(-1)!.folio.endsWith('、')) items.at(-1)!.folio += w.text;
          else items.push({ title, folio: w.text });
          title = '';
        } else title += w.text;
      }
    }
  }
  return items;
}

let pdf: string;
let words: Word[][];
let texts: string[];
let book: Book;
let bodyStart: number;

beforeAll(async () => {
  pdf = await build();
  words = wordsByPage(pdf);
  texts = pageTexts(pdf);
  const read = await readManuscript(MANUSCRIPT);
  book = checkManuscript(read.files, read.all).book!;
  // Body page 1 is the first part's opener, which prints no folio (R-PAGE-5): find page 2.
  bodyStart = words.findIndex((w) => folioOf(w) === '2') - 1;
}, 120_000);

describe('the print PDF of the sample', () => {
  test('has front matter, then the body from 1 on a recto', () => {
    expect(bodyStart).toBeGreaterThan(0);
    expect(bodyStart % 2).toBe(0); // physical page bodyStart + 1 is odd: a recto
    expect(words.length).toBeGreaterThan(300);
  });

  test('page labels name every page by its printed number: i, ii… for the front matter, then 1, 2… (PDF /PageLabels)', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
    const labels = (await doc.getPageLabels())!;
    await doc.destroy();
    expect(labels).toHaveLength(words.length);
    expect(labels.slice(0, 3)).toEqual(['i', 'ii', 'iii']);
    expect(labels[bodyStart]).toBe('1');
    expect(labels[bodyStart - 1]).toMatch(/^[ivxlc]+$/);
    // Wherever a folio is printed, the label says the same.
    const printed = words.map(folioOf).map((f, i) => [f, labels[i]] as const).filter(([f]) => /^\d+$/.test(f));
    expect(printed.length).toBeGreaterThan(250);
    for (const [folio, label] of printed) expect(label).toBe(folio);
  });

  test('every TOC entry’s folio is the page on which its heading is printed', () => {
    // TOC pages: from the page titled 目　录 (a recto, with no running head over its title) to the body; the rest have running heads.
    const firstToc = texts.findIndex((t) => flat(t).startsWith('目录'));
    expect(headOf(words[firstToc]!)).toBe('');
    expect(headOf(words[firstToc + 1]!)).not.toBe('');
    const tocPages = words.slice(firstToc, bodyStart).filter((w, i) => i === 0 || headOf(w) !== '');
    const items = tocItems(tocPages);
    let tocCount = 0;
    walkBook(book, (n) => {
      if (n.type === 'part' || n.type === 'chapter' || n.type === 'section' || n.type === 'entry') tocCount++;
    });
    expect(items.length).toBeGreaterThan(1000);
    expect(items.length).toBeLessThanOrEqual(tocCount);
    const wrong = items.filter(({ title, folio }) => {
      const page = texts[bodyStart + Number(folio) - 1] ?? '';
      return !flat(page).includes(flat(title));
    });
    expect(wrong).toEqual([]);
  });

  test('every running head matches its page: the book on versos, the part on rectos', () => {
    const partTitles = book.parts.map((p) => flat(p.title));
    let part = '';
    const wrong: string[] = [];
    for (let i = bodyStart; i < words.length; i++) {
      const head = headOf(words[i]!);
      const text = flat(texts[i] ?? '');
      if (text.startsWith('索引条目索引')) part = '索引'; // the index follows the last part
      const opener = partTitles.find((t) => text === t);
      if (opener) {
        part = opener;
        if (head !== '') wrong.push(`${i + 1}: a part opener has a running head`);
        continue;
      }
      if (head === '') continue; // blank pages
      const expected = i % 2 === 0 ? part : flat(`${book.settings.title}${book.settings.year}`);
      if (head !== expected) wrong.push(`${i + 1}: "${head}" ≠ "${expected}"`);
    }
    expect(wrong).toEqual([]);
  });

  test('every character of the manuscript body appears in the PDF text, in order', () => {
    // Superscript note digits ⁴…⁹ ⁰ are drawn with the digit glyphs, so the text layer reads 4 for ⁴.
    const digits = (t: string) => t.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)));
    const body = digits(flat(texts.slice(bodyStart).join('')));
    const pieces: string[] = [];
    walkBook({ ...book, front: [] }, (n) => {
      if (n.type === 'entry') pieces.push(`【${n.title}】${inlineText(n.lead)}`);
      else if (n.type === 'paragraph' || n.type === 'chronicleItem') pieces.push((n.type === 'chronicleItem' ? n.date : '') + inlineText(n.children));
    });
    const expected = digits(flat(pieces.join('')));
    // A subsequence: captions, headings, running heads and folios may stand between.
    let at = 0;
    let matched = 0;
    for (const ch of expected) {
      const found = body.indexOf(ch, at);
      if (found < 0) break;
      at = found + 1;
      matched++;
    }
    expect(expected.slice(matched, matched + 40)).toBe('');
    expect(matched).toBe(expected.length);
    // And nothing much else: the extra text is headings, captions and page furniture.
    expect(body.length - expected.length).toBeLessThan(expected.length * 0.1);
  });

  test('R-IDX: the index is in order, and each heading is printed on every page it cites', () => {
    const first = indexStart();
    expect(first).toBeGreaterThan(bodyStart);
    const pages = words.slice(first).filter((w, k) => k === 0 || headOf(w) !== '');
    // An entry is the words up to the locators at the right edge; letters and 条目索引 are headings.
    const entries = tocItems(pages.map((ws) => ws.filter((w) => !/^[A-Z]$/.test(w.text) && w.text !== '条目索引')), /^[\d、—]+$/);
    expect(entries.length).toBeGreaterThan(600);
    const readings = book.settings.index_readings;
    const keys = indexKeys(entries.map((e) => ({ heading: e.title, ...(readings[e.title] ? { reading: readings[e.title] } : {}) })), { words: readings });
    const out: string[] = [];
    for (let i = 0; i + 1 < entries.length; i++) {
      if (compareIndexKeys(keys[i]!, keys[i + 1]!) > 0) out.push(`${entries[i]!.title} > ${entries[i + 1]!.title}`);
    }
    expect(out).toEqual([]);
    // A recurring title named with its unit (区人大常委会概况) is printed on its page as the bare title.
    const bare = new Map(qualifyGeneric(indexOccurrences(book), book.settings.index).flatMap((o) => (o.generic ? [[flat(o.heading), o.generic.title] as const] : [])));
    const missing: string[] = [];
    for (const { title, folio } of entries) {
      const printed = flat(bare.get(flat(title)) ?? title);
      for (const page of expandLocators(folio)) {
        if (!flat(texts[bodyStart + page - 1] ?? '').includes(printed)) missing.push(`${title} ${page}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('R-IDX: every page number in the index is a link of its own, to the page it names', async () => {
    const first = indexStart();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(pdf)), verbosity: 0 }).promise;
    const labels = (await doc.getPageLabels())!;
    let numbers = 0;
    let links = 0;
    const wrong: string[] = [];
    for (let i = first; i < words.length; i++) { // the index is the last thing in the book
      const page = await doc.getPage(i + 1);
      const height = page.view[3]!;
      // Locators are the words of digits and 、— that end at the right edge of a column (a year in a heading does not).
      const digitWords = words[i]!.filter((w) => w.y > TYPE_TOP - 10 && w.y < TYPE_BOTTOM && /^[\d、—]+$/.test(w.text) && w.height < 20);
      const rightOf = (w: Word) => Math.max(...digitWords.filter((d) => d.x < 297 === w.x < 297).map((d) => d.xMax));
      const locatorWords = digitWords.filter((w) => rightOf(w) - w.xMax < 6);
      numbers += locatorWords.reduce((n, w) => n + (w.text.match(/\d+/g) ?? []).length, 0);
      for (const a of (await page.getAnnotations()).filter((x: { subtype: string }) => x.subtype === 'Link')) {
        links++;
        const [x1, y1, x2, y2] = a.rect as number[];
        const word = locatorWords.find((w) => w.x < x2! && w.xMax > x1! && w.y < height - y1! && w.y + w.height > height - y2!);
        const target = labels[await doc.getPageIndex(a.dest[0])];
        if (!word || !(word.text.match(/\d+/g) ?? ([] as string[])).includes(target!)) wrong.push(`${word?.text ?? '?'} → ${target} (page ${labels[i]})`);
      }
    }
    await doc.destroy();
    expect(numbers).toBeGreaterThan(1000);
    expect(links).toBe(numbers);
    expect(wrong).toEqual([]);
  });

  test('the labels of the 版本记录 and of the committee lists are spread to the widest (均排): 出 版 社 and 开　　本 end where 承印单位 ends, 主　　任 and 编辑部’s 主　　编 where 名誉主任 does', () => {
    const lineOf = (page: Word[], first: Word) => page.filter((w) => Math.abs(w.y - first.y) < 0.5).sort((a, b) => a.x - b.x);
    const left = (page: Word[]) => Math.min(...page.map((w) => w.x));
    /** Where the last character of `label` ends, on the line of `page` that begins with it. */
    const labelEnd = (page: Word[], label: string) => {
      for (const start of page.filter((w) => w.x === left(page) && label.startsWith(w.text))) {
        let text = '';
        for (const w of lineOf(page, start)) {
          text += w.text;
          if (text === label) return w.xMax;
          if (!label.startsWith(text)) break;
        }
      }
      return undefined;
    };
    const copyright = words[1]!;
    const ends = ['承印单位', '出版社', '开本', '定价', '印次'].map((l) => labelEnd(copyright, l));
    expect(ends.every((e) => e !== undefined && Math.abs(e - ends[0]!) < 0.01), String(ends)).toBe(true);
    // The committee page: each role's last character stands one em before its colon, as 名誉主任's 任 does.
    const committee = words.findIndex((p) => p.some((w) => w.text.startsWith('名誉主任：')));
    const page = words[committee]!;
    const beforeColon = page.filter((w) => w.text.includes('：') && lineOf(page, w)[0]!.x === left(page))
      .map((w) => w.x + ([...w.text].indexOf('：') - 1) * 10.5);
    expect(beforeColon.length).toBeGreaterThanOrEqual(6);
    const [main] = page.filter((w) => w.text.startsWith('名誉主任：')).map((w) => w.x + 3 * 10.5);
    // Both lists of the page (领导小组, 编辑部): one column of names.
    expect(beforeColon.every((x) => Math.abs(x - main!) < 0.01), String(beforeColon)).toBe(true);
  });

  test('R-HEAD-3: no letter of the index stands at a column’s foot with fewer than two of its entries under it', () => {
    const alone: string[] = [];
    let letters = 0;
    words.slice(indexStart()).forEach((page, p) => {
      for (const column of [0, 1] as const) {
        const lines = columnLines(page, column).map((row) => row.map((w) => w.text).join(''));
        lines.forEach((line, i) => {
          if (!/^[A-Z]$/.test(line)) return;
          letters++;
          if (i >= lines.length - 2) alone.push(`${line} on index page ${p + 1}: ${lines.slice(i + 1).join(' | ')}`);
        });
      }
    });
    expect(letters).toBeGreaterThanOrEqual(18);
    expect(alone).toEqual([]);
  });

  test('R-HEAD-3 in 目录: no part or chapter line stands at a column’s foot without the first line under it', () => {
    const firstToc = texts.findIndex((t) => flat(t).startsWith('目录'));
    const tocPages = words.slice(firstToc, bodyStart);
    // Each column's left edge, by the side of the page: where its part and chapter lines start.
    const leftOf = (p: number, column: 0 | 1) => Math.min(...tocPages.filter((_, q) => q % 2 === p % 2).flatMap((page) => columnLines(page, column).map((row) => row[0]!.x)));
    const lines = tocPages.flatMap((page, p) => ([0, 1] as const).flatMap((column) => columnLines(page, column).map((row) => ({
      at: `${p}:${column}`, indented: row[0]!.x - leftOf(p, column) > 4, text: row.map((w) => w.text).join(''),
    }))));
    expect(lines.length).toBeGreaterThan(1000);
    const alone = lines.filter((l, i) => !l.indented && lines[i + 1] && lines[i + 1]!.at !== l.at && lines[i + 1]!.indented).map((l) => `${l.at} ${l.text}`);
    expect(alone).toEqual([]);
  });

  test('R-YB-8: a 篇 title stands in the middle three quarters of the type area; the longest turns over between words into two balanced lines', () => {
    const typeWidth = 48 * 10.5; // two columns of 23 em and a 2 em gutter
    const opener = words.findIndex((p) => p.length <= 3 && p.some((w) => w.text.startsWith('中国人民政治协商会议')));
    expect(opener).toBeGreaterThan(0);
    expect(words[opener]!.map((w) => w.text)).toEqual(['中国人民政治协商会议', '天津市河西区委员会']);
    const openers = words.filter((p) => p.length > 0 && p.length <= 3 && p.every((w) => w.height > 20));
    expect(openers.length).toBeGreaterThanOrEqual(20);
    for (const w of openers.flat()) expect(w.xMax - w.x, w.text).toBeLessThanOrEqual(0.75 * typeWidth);
  });

  test('the copyright page carries the book’s data, with 印张 from the PDF’s own page count', () => {
    const page = texts.findIndex((t) => t.includes('图书在版编目'));
    expect(page).toBe(1); // the verso of the title page (R-CIP-1)
    const text = flat(texts[page]!);
    const sheets = String(Math.round((texts.length - 1) / 16 * 100) / 100); // the text ends with a form feed
    expect((texts.length - 1) % 4).toBe(0);
    for (const expected of ['ISBN978-7-5738-1572-9', '中国国家版本馆CIP数据核字第2024D0350H号', 'Ⅰ.Z522.13', '889mm×1194mm1/16',
      `印张${sheets}`, '字数800千字', '版次2024年11月第1版', '印次2024年11月第1次印刷', '定价268.00元', '责任编辑李祖哲',
      '承印单位山东黄氏印务有限公司', '邮编：450016', '本书如有印装质量问题，请联系出版社调换。']) {
      expect(text, expected).toContain(expected);
    }
  });

  test('two builds give identical bytes', async () => {
    const again = await build();
    const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    expect(hash(again)).toBe(hash(pdf));
  }, 120_000);
});
