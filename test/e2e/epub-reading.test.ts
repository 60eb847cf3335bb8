/// <reference lib="dom" />
/**
 * The sample's EPUB read on a phone (issue 22): epub.js from npm, the
 * reading system, in Debian's chromium (.ci/run installs it), driven by
 * playwright-core at 390×844, paginated. Every screen of the documents with
 * tables and of the three densest in headings is turned to and measured
 * inside epub.js's iframe: nothing is drawn past the screen's sides, no
 * table needs sideways scrolling, and no screen ends on a heading. The
 * index and the front matter are reached from the nav, whose lists show no
 * numbers.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { CHROMIUM, openReader, type Reader, type Screen } from '../helpers/epub-reader.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');

let reader: Reader;
let files: Record<string, Uint8Array>;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `the reading test needs chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`).toBe(true);
  const out = mkdtempSync(join(tmpdir(), 'nianjian-epub-reading-'));
  expect(await main(['build', MANUSCRIPT, '--out', out], () => {})).toBe(0);
  const epub = new Uint8Array(readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('.epub'))!)));
  files = unzipSync(epub);
  reader = await openReader(epub, { width: 390, height: 844 });
}, 180_000);

afterAll(async () => {
  await reader?.close();
});

/** The part documents to page through: every one with a table, and the three with the most headings for their length. */
function documentsToRead(): { tables: string[]; headings: string[] } {
  const parts = Object.keys(files).filter((n) => /^OEBPS\/part-\d+\.xhtml$/.test(n)).map((n) => {
    const text = strFromU8(files[n]!);
    return { href: n.slice('OEBPS/'.length), tables: (text.match(/<table/g) ?? []).length, density: (text.match(/<h[1-6]/g) ?? []).length / text.length };
  });
  return {
    tables: parts.filter((p) => p.tables > 0).map((p) => p.href),
    headings: parts.filter((p) => p.tables === 0).sort((a, b) => b.density - a.density).slice(0, 3).map((p) => p.href),
  };
}

const where = (s: Screen, i: number) => `${s.href} screen ${i + 1}`;

describe('the sample’s EPUB in epub.js on a 390×844 phone screen', () => {
  test('table pages: no element past the screen’s sides, no table that must scroll sideways, no screen ending on a heading', async () => {
    const { tables } = documentsToRead();
    expect(tables.length).toBeGreaterThan(0);
    let cells = 0;
    for (const href of tables) {
      const screens = await reader.pageThrough(href);
      expect(screens.length, href).toBeGreaterThan(3);
      cells += screens.reduce((n, s) => n + s.tableCells, 0);
      expect(screens.flatMap((s, i) => s.overflow.map((o) => `${where(s, i)}: ${o}`))).toEqual([]);
      expect(screens.flatMap((s, i) => s.scrolling.map((o) => `${where(s, i)}: ${o}`))).toEqual([]);
      expect(screens.flatMap((s, i) => (s.last?.heading ? [`${where(s, i)}: ${s.last.text}`] : []))).toEqual([]);
    }
    // The tables were on the screens measured: the sample's six tables have over a thousand cells.
    expect(cells).toBeGreaterThan(1000);
  }, 120_000);

  test('R-HEAD-3 (issue 22): in the documents densest in headings, no screen ends on a heading', async () => {
    const { headings } = documentsToRead();
    let seen = 0;
    for (const href of headings) {
      const screens = await reader.pageThrough(href);
      seen += screens.reduce((n, s) => n + s.headings.length, 0);
      expect(screens.flatMap((s, i) => (s.last?.heading ? [`${where(s, i)}: ${s.last.text}`] : []))).toEqual([]);
      expect(screens.flatMap((s, i) => s.overflow.map((o) => `${where(s, i)}: ${o}`))).toEqual([]);
    }
    expect(seen).toBeGreaterThan(100);
  }, 120_000);

  test('no page turn parts a photo from its caption or a 大事记 date from its text (in the 彩页, the 大事记 and the part with the most photos)', async () => {
    const photos = Object.keys(files).filter((n) => /^OEBPS\/part-\d+\.xhtml$/.test(n))
      .sort((a, b) => (strFromU8(files[b]!).match(/<figure/g) ?? []).length - (strFromU8(files[a]!).match(/<figure/g) ?? []).length)[0]!.slice('OEBPS/'.length);
    const chronicle = Object.keys(files).find((n) => /^OEBPS\/part-\d+\.xhtml$/.test(n) && strFromU8(files[n]!).includes('class="chronicle"'))!.slice('OEBPS/'.length);
    for (const href of ['front-02.xhtml', chronicle, photos]) {
      const screens = await reader.pageThrough(href);
      expect(screens.flatMap((s, i) => s.parted.map((p) => `${where(s, i)}: ${p}`))).toEqual([]);
    }
  }, 180_000);

  test('the nav’s table of contents holds the front matter and the index, and the index opens from it', async () => {
    const toc = await reader.toc();
    const labels = toc.map((t) => t.label);
    for (const front of ['书名页', '版权页', '编辑委员会', '编辑说明', '彩页']) expect(labels).toContain(front);
    expect(labels.at(-1)).toBe('索引');
    const screen = await reader.display(toc.at(-1)!.href);
    expect(screen.href).toBe('index.xhtml');
    expect(screen.headings).toContain('索引');
    expect(screen.overflow).toEqual([]);
  }, 60_000);

  test('nav lists show no numbers in the reading system', async () => {
    await reader.display('nav.xhtml');
    const styles = await reader.page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('#viewer iframe')!.contentDocument!;
      return Array.from(doc.querySelectorAll('nav ol'), (ol) => getComputedStyle(ol).listStyleType);
    });
    expect(styles.length).toBeGreaterThan(20);
    expect(styles.filter((s) => s !== 'none')).toEqual([]);
  }, 60_000);

  test('the copyright page on screen: the CIP, the ebook’s identifier, none of print’s 印张, 开本, 印次, 定价', async () => {
    await reader.display('copyright.xhtml');
    const text = await reader.page.evaluate(() => document.querySelector<HTMLIFrameElement>('#viewer iframe')!.contentDocument!.body.textContent ?? '');
    expect(text).toContain('图书在版编目（CIP）数据');
    expect(text).toContain('中国国家版本馆CIP数据核字第2024D0350H号');
    expect(text).toMatch(/电子书标识　urn:uuid:[0-9a-f-]{36}/);
    for (const print of ['印　张', '开　本', '印　次', '定　价', '承印单位', '印装质量']) expect(text).not.toContain(print);
  }, 60_000);
});
