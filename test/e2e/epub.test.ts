/**
 * The EPUB of the sample: valid under epubcheck (Debian's epubcheck, installed
 * by .ci/run), navigation down to 条目 level, index links that resolve,
 * figures with caption and credit, a fixed zip layout, identical bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkManuscript } from '../../src/build/index.ts';
import { main } from '../../src/cli/index.ts';
import { readManuscript } from '../../src/io/index.ts';
import { type Book, inlineText, walkBook } from '../../src/model/index.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');
const EPUBCHECK = '/usr/share/java/epubcheck.jar';

async function build(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'nianjian-epub-'));
  expect(await main(['build', MANUSCRIPT, '--out', out], () => {})).toBe(0);
  return join(out, readdirSync(out).find((n) => n.endsWith('.epub'))!);
}

let path: string;
let files: Record<string, Uint8Array>;
let book: Book;
const text = (name: string) => strFromU8(files[`OEBPS/${name}`]!);
/** Every id="…" of every XHTML document, by document name. */
const idsOf = (name: string) => new Set([...text(name).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

beforeAll(async () => {
  path = await build();
  files = unzipSync(new Uint8Array(readFileSync(path)));
  const read = await readManuscript(MANUSCRIPT);
  book = checkManuscript(read.files, read.all).book!;
}, 180_000);

describe('the EPUB of the sample', () => {
  test('epubcheck reports 0 errors and 0 warnings', () => {
    const report = execFileSync('java', ['-jar', EPUBCHECK, path], { encoding: 'utf8' });
    expect(report).toContain('Messages: 0 fatals / 0 errors / 0 warnings');
  }, 120_000);

  test('mimetype comes first and is stored, uncompressed', () => {
    const bytes = readFileSync(path);
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip');
  });

  test('the nav covers every part, chapter and entry, each link to an existing id', () => {
    const nav = text('nav.xhtml');
    const hrefs = [...nav.matchAll(/href="([^"#]+)#([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    const linked = new Set(hrefs.map(([, id]) => id));
    const wanted: string[] = [];
    walkBook({ ...book, front: [] }, (n) => {
      if (n.type === 'part' || n.type === 'chapter' || (n.type === 'entry')) wanted.push(n.id);
    });
    // Articles list their title only, as in the print TOC; their entries are none.
    expect(wanted.filter((id) => !linked.has(id))).toEqual([]);
    const broken = hrefs.filter(([doc, id]) => !idsOf(doc).has(id));
    expect(broken).toEqual([]);
    // Every print page of the body can be followed: 1, 2, … up to the last.
    const pageList = nav.slice(nav.indexOf('epub:type="page-list"'));
    const labels = [...pageList.matchAll(/<a href="[^"]+">(\d+)<\/a>/g)].map((m) => Number(m[1]));
    expect(labels.length).toBeGreaterThan(300);
    expect(labels).toEqual(labels.map((_, i) => i + 1));
    expect(nav).toContain('epub:type="landmarks"');
    // A #### subsection nests under its ### section, as in the print TOC (统计资料: 一、经济发展 › 经济总量).
    expect(nav).toMatch(/<li><a href="[^"]+">一、经济发展<\/a><ol><li><a href="[^"]+">经济总量<\/a>/);
  });

  test('every index locator is a link to an existing anchor, with the print page as its text', () => {
    const index = text('index.xhtml');
    const links = [...index.matchAll(/<a href="([^"#]+)#([^"]+)">(\d+)<\/a>/g)];
    expect(links.length).toBeGreaterThan(700);
    const broken = links.filter((m) => !idsOf(m[1]!).has(m[2]!)).map((m) => m[0]);
    expect(broken).toEqual([]);
    // Every page number printed is a link of its own: as many links as numbers after the headings.
    const items = [...index.matchAll(/<li><span class="heading">[^<]*<\/span>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    const numbers = items.reduce((n, li) => n + (li.replace(/<[^>]+>/g, '').match(/\d+/g) ?? []).length, 0);
    const anchors = items.reduce((n, li) => n + (li.match(/<a href=/g) ?? []).length, 0);
    expect(items.length).toBeGreaterThan(900);
    expect(anchors).toBe(numbers);
  });

  test('the index is in the nav’s table of contents, and the page-list sends the index’s own pages to it', () => {
    const nav = text('nav.xhtml');
    const toc = nav.slice(nav.indexOf('epub:type="toc"'), nav.indexOf('epub:type="landmarks"'));
    expect(toc).toContain('<a href="index.xhtml#index">索引</a>');
    const pageList = [...nav.slice(nav.indexOf('epub:type="page-list"')).matchAll(/<a href="([^"]+)">(\d+)<\/a>/g)].map((m) => [m[1]!, Number(m[2])] as const);
    const toIndex = pageList.filter(([href]) => href === 'index.xhtml#index').map(([, page]) => page);
    expect(toIndex.length).toBeGreaterThanOrEqual(10);
    // They are the last pages, one run: no body page is sent to the index, and no index page elsewhere.
    expect(toIndex).toEqual(pageList.slice(-toIndex.length).map(([, page]) => page));
  });

  test('every figure has a figcaption with its credit', () => {
    const docs = Object.keys(files).filter((n) => n.endsWith('.xhtml'));
    const figures = docs.flatMap((d) => [...strFromU8(files[d]!).matchAll(/<figure[\s\S]*?<\/figure>/g)].map((m) => m[0]));
    expect(figures).toHaveLength(189);
    expect(figures.filter((f) => !/<figcaption>[\s\S]+<span class="credit">（[^）]+）<\/span><\/figcaption>/.test(f))).toEqual([]);
  });

  test('every image’s alt text is its figure’s caption as plain text (issue 22)', () => {
    const docs = Object.keys(files).filter((n) => n.endsWith('.xhtml'));
    const figures = docs.flatMap((d) => [...strFromU8(files[d]!).matchAll(/<figure[\s\S]*?<\/figure>/g)].map((m) => m[0]));
    const decode = (x: string) => x.replace(/<[^>]*>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));
    const wrong = figures.filter((f) => {
      const alt = decode(/<img[^>]* alt="([^"]*)"/.exec(f)![1]!);
      const caption = decode(/<figcaption>([\s\S]*?)(?:<span class="credit">|<\/figcaption>)/.exec(f)![1]!).trim();
      return caption ? alt !== caption : alt === '';
    });
    expect(figures.length).toBe(189);
    expect(wrong).toEqual([]);
  });

  test('the EPUB has its own identifier, the print ISBN as its source; tables sit in a scrolling box (issue 22)', () => {
    const opf = text('content.opf');
    expect(opf).toMatch(/<dc:identifier id="bookid">urn:uuid:[0-9a-f-]{36}<\/dc:identifier>/);
    expect(opf).toContain('<dc:source>urn:isbn:9787573815729</dc:source>');
    const copyright = text('copyright.xhtml');
    expect(copyright).toContain(/<dc:identifier id="bookid">([^<]+)</.exec(opf)![1]);
    expect(copyright).not.toMatch(/印　张|开　本|定　价/);
    const all = Object.keys(files).filter((n) => /part-\d+\.xhtml$/.test(n)).map((n) => strFromU8(files[n]!)).join('');
    const tables = all.match(/<table/g)!.length;
    expect(all.match(/<div class="table-wrap"><div class="table-scroll[^"]*"><table/g)).toHaveLength(tables);
    const css = text('style.css');
    expect(css).toMatch(/nav ol \{ list-style: none;/);
    expect(css).toMatch(/h1, h2, h3, h4, h5, h6 \{[^}]*break-after: avoid; page-break-after: avoid;/);
  });

  test('the accessibility metadata claims what the book has: page list, index, alt text, text alone sufficient when every photo is captioned', () => {
    const opf = text('content.opf');
    const values = (p: string) => [...opf.matchAll(new RegExp(`<meta property="schema:${p}">([^<]+)</meta>`, 'g'))].map((m) => m[1]!);
    const nav = text('nav.xhtml');
    const figures: string[] = [];
    walkBook(book, (n) => { if (n.type === 'figure') figures.push(inlineText(n.caption).trim()); });
    expect(figures.length).toBeGreaterThan(0);
    expect(values('accessMode')).toEqual(['textual', 'visual']);
    expect(values('accessModeSufficient').includes('textual')).toBe(figures.every((c) => c !== ''));
    const features = values('accessibilityFeature');
    expect(features.includes('pageNavigation')).toBe(/epub:type="page-list"/.test(nav));
    expect(features.includes('index')).toBe(/<a [^>]*href="[^"]+"/.test(text('index.xhtml')));
    expect(features).toContain('alternativeText');
    expect(values('accessibilityHazard')).toEqual(['none']);
    expect(values('accessibilitySummary')[0]).toMatch(/^本书为可重排的 EPUB 3.*页码导航.*主题索引.*替代文本.*。$/);
  });

  test('the text is the same normalised text as the PDF’s: every entry title, in order', () => {
    const all = Object.keys(files).filter((n) => /part-\d+\.xhtml$/.test(n)).sort().map((n) => strFromU8(files[n]!)).join('');
    let at = 0;
    const missing: string[] = [];
    walkBook({ ...book, front: [] }, (n) => {
      if (n.type !== 'entry') return;
      const found = all.indexOf(`【${n.title.replace(/&/g, '&#x26;')}】`, at);
      if (found < 0) missing.push(n.title);
      else at = found;
    });
    expect(missing).toEqual([]);
  });

  test('every character of the manuscript body appears in the EPUB text, in order', () => {
    const decode = (x: string) => x.replace(/<[^>]*>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));
    const flat = (x: string) => x.replace(/[\s\u3000]/g, '');
    const body = flat(decode(Object.keys(files).filter((n) => /part-\d+\.xhtml$/.test(n)).sort().map((n) => strFromU8(files[n]!)).join('')));
    const pieces: string[] = [];
    walkBook({ ...book, front: [] }, (n) => {
      if (n.type === 'entry') pieces.push(`【${n.title}】${inlineText(n.lead)}`);
      else if (n.type === 'paragraph' || n.type === 'chronicleItem') pieces.push((n.type === 'chronicleItem' ? n.date : '') + inlineText(n.children));
    });
    let at = 0;
    const missing: string[] = [];
    for (const piece of pieces.map(flat)) {
      const found = body.indexOf(piece, at);
      if (found < 0) missing.push(piece.slice(0, 30));
      else at = found + piece.length;
    }
    expect(missing).toEqual([]);
  });

  test('two builds give identical bytes', async () => {
    const again = await build();
    expect(readFileSync(again).equals(readFileSync(path))).toBe(true);
  }, 180_000);
});
