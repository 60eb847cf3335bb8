/**
 * The EPUB's page-list is exact to the character (issue 19): a print page
 * that begins inside a paragraph has its marker at the very character the
 * page begins with. Checked against the print PDF of the same build, read
 * back with pdf.js: the text after each marker begins a line printed on
 * that page, and the text before it ends a line printed on the page before.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');
/** Counted characters compared on each side of a marker. */
const SPAN = 6;

const flat = (s: string) => s.replace(/[\s\u3000]/g, '');
const decode = (x: string) => x.replace(/<[^>]*>/g, '').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Each print page's lines, by page label: text items on one baseline in one half of the page, left to right. */
async function printedLines(bytes: Uint8Array): Promise<Map<string, string[]>> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const labels = (await doc.getPageLabels()) ?? [];
  const out = new Map<string, string[]>();
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const middle = page.view[2]! / 2;
    const lines = new Map<string, Array<{ x: number; s: string }>>();
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , , , x, y] = item.transform as number[];
      const key = `${x! < middle ? 0 : 1}:${Math.round(y! * 2)}`;
      lines.set(key, [...(lines.get(key) ?? []), { x: x!, s: item.str }]);
    }
    out.set(labels[p - 1] ?? String(p), [...lines.values()].map((l) => flat(l.sort((a, b) => a.x - b.x).map((i) => i.s).join(''))));
    page.cleanup();
  }
  await doc.destroy();
  return out;
}

let files: Record<string, Uint8Array>;
let lines: Map<string, string[]>;
beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'nianjian-pagelist-'));
  expect(await main(['build', MANUSCRIPT, '--out', out], () => {})).toBe(0);
  const named = (ext: string) => readFileSync(join(out, readdirSync(out).find((n) => n.endsWith(ext))!));
  files = unzipSync(new Uint8Array(named('.epub')));
  lines = await printedLines(new Uint8Array(named('.pdf')));
}, 240_000);

test('each page that begins inside a paragraph has its marker at the character it begins with (issue 19)', () => {
  const nav = strFromU8(files['OEBPS/nav.xhtml']!);
  const listed = [...nav.slice(nav.indexOf('epub:type="page-list"')).matchAll(/<a href="([^"#]+)#(page-(\d+))">\3<\/a>/g)];
  const docs = new Map<string, string>();
  const doc = (name: string) => docs.get(name) ?? docs.set(name, strFromU8(files[`OEBPS/${name}`]!)).get(name)!;
  const wrong: string[] = [];
  for (const [, file, id, label] of listed) {
    const text = doc(file!);
    const at = text.indexOf(`id="${id}"`);
    const open = text.lastIndexOf('<', at);
    // The text after the marker, to the end of its block (a credit line stands alone on its line).
    const end = text.slice(at).search(/<\/(p|dd|li)>/) + at;
    const after = flat(decode(text.slice(text.indexOf('>', at) + 1, end))).slice(0, SPAN);
    const before = flat(decode(text.slice(Math.max(0, open - 400), open))).slice(-SPAN);
    const here = lines.get(label!) ?? [];
    const previous = lines.get(String(Number(label) - 1)) ?? [];
    const begins = here.some((l) => l.startsWith(after));
    // The page before ends with the text before the marker (its last line may be shorter than SPAN).
    const ends = previous.some((l) => l.length > 0 && (l.endsWith(before) || before.endsWith(l)));
    if (!begins || !ends) wrong.push(`p. ${label}: …${before}‖${after}…`);
  }
  // Pages that begin inside a paragraph are most of the body (the others open with a heading or an entry).
  expect(listed.length).toBeGreaterThan(200);
  expect(wrong).toEqual([]);
});

test('page markers stand in reading order, one per page at most, and only where the page-list sends a page', () => {
  const parts = Object.keys(files).filter((n) => /part-\d+\.xhtml$/.test(n)).sort();
  const markers = parts.flatMap((n) => [...strFromU8(files[n]!).matchAll(/<span id="page-(\d+)" epub:type="pagebreak" role="doc-pagebreak" aria-label="\1"><\/span>/g)].map((m) => Number(m[1])));
  expect(markers.length).toBeGreaterThan(200);
  expect(markers).toEqual([...markers].sort((a, b) => a - b));
  expect(new Set(markers).size).toBe(markers.length);
});
