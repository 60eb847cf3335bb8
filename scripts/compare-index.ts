/**
 * Compares the subject index nianjian builds for the sample with the index
 * printed in the seed (the 条目索引 of the 2024 book, 607 headings): coverage,
 * headings only one side has, equal locators, the largest locator count, and
 * every place where the two orders disagree.
 *
 *   npx tsx scripts/compare-index.ts [--list]
 */
import { sampleIndex } from './sample-index.ts';
import { compareIndexes, readPrintedIndex, SEED_PATH } from './printed-index.ts';

const { entries, bodyPages } = await sampleIndex('manuscript');
const c = compareIndexes(entries, readPrintedIndex(SEED_PATH));
const widest = entries.reduce((m, e) => (e.pages.length > m.pages.length ? e : m), entries[0]!);
console.log(`printed index: ${c.printed} headings; ours: ${c.ours} headings (body pages: ours ${bodyPages}, printed 388 in all)`);
console.log(`coverage: ${c.shared} of ${c.printed} printed headings are in ours (${(100 * c.coverage).toFixed(1)} %); equal locators: ${c.equalLocators}`);
console.log(`largest locator count: ${widest.pages.length} (${widest.heading})`);
console.log(`extra headings (ours only): ${c.extra.length}`);
console.log(`order: ${c.orderDisagreements.length} disagreements between printed neighbours`);
for (const [a, b] of c.orderDisagreements) console.log(`  printed ${a} before ${b}; ours the other way`);
if (process.argv.includes('--list')) {
  console.log(`missing (${c.missing.length}): ${c.missing.join('、')}`);
  console.log(`extra (${c.extra.length}): ${c.extra.join('、')}`);
}
