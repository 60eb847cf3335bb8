/**
 * Compares the subject index nianjian builds for the sample with the index
 * printed in the seed (the 条目索引 of the 2024 book): entries, shared
 * headings, equal locators and the median difference. For closing notes.
 *
 *   npx tsx scripts/compare-index.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManuscript, layoutForPrint } from '../src/build/index.ts';
import { loadTemplate } from '../src/config/index.ts';
import { buildIndex } from '../src/derive/index.ts';
import { createFontProvider } from '../src/font/index.ts';
import { imageSizeOf, loadFontSet, readManuscript, readTemplateFile } from '../src/io/index.ts';

const SEED = join(import.meta.dirname, '../../shared/seed/hexi-yearbook-2024.txt');
const key = (s: string) => s.replace(/[\s\u3000"“”'‘’,，:：;；()（）、.。·・!！?？—《》]/g, '');

/** Printed index cells look like "法律监督94、 173"; tabs separate the two columns. */
function printedIndex(): Map<string, number[]> {
  const lines = readFileSync(SEED, 'utf8').split('\n').slice(6982, 7340);
  const out = new Map<string, number[]>();
  for (const cell of lines.flatMap((l) => l.split('\t'))) {
    const m = /^(.*?[\u4e00-\u9fff”》）)])\s*(\d{1,3}(?:\s*、\s*\d{1,3})*)\s*$/.exec(cell.trim());
    if (m) out.set(key(m[1]!), m[2]!.split('、').map((x) => Number(x.trim())));
  }
  return out;
}

const read = await readManuscript('manuscript');
const book = checkManuscript(read.files, read.all).book!;
const template = loadTemplate(await readTemplateFile('manuscript', book.settings.template))!;
const { paged } = layoutForPrint({ book, template, fonts: createFontProvider(await loadFontSet()), imageSize: imageSizeOf(read) });
const pagesOf = (id: string) => [paged.anchors.get(id), paged.anchors.get(`${id}~end`)].filter((a) => a !== undefined).map((a) => Number(a!.folio));
const ours = buildIndex(book, pagesOf, book.settings.index_readings).flatMap((g) => g.entries);
const printed = printedIndex();
let shared = 0;
let equal = 0;
const diffs: number[] = [];
for (const e of ours) {
  const p = printed.get(key(e.heading));
  if (!p) continue;
  shared++;
  if (p.join() === e.pages.join()) equal++;
  diffs.push(Math.abs((e.pages[0] ?? 0) - (p[0] ?? 0)));
}
diffs.sort((a, b) => a - b);
console.log(`our index: ${ours.length} entries; printed index (parsed from the seed): ${printed.size} entries`);
console.log(`shared headings: ${shared}; equal locators: ${equal}; median |first locator difference|: ${diffs[Math.floor(diffs.length / 2)]} pages`);
console.log(`body pages: ours ${paged.pages.filter((p) => /^\d+$/.test(p.number)).length}, total ${paged.pages.length} (printed book: 388)`);
