/**
 * npm run bench — times the stages of a build of the sample yearbook and
 * reports composition quality. Numbers for the closing notes, not tests.
 *
 *   npm run bench [-- manuscript-dir]
 */
import { benchWatch } from './bench-watch.ts';
import { fitCounts } from './fit-counts.ts';
import { makeupCounts } from './makeup-counts.ts';
import { measurePrintQuality, printedLines, tableDigits, tableRoomUnder } from './print-quality.ts';
import { median as middle, sideBySide, sideBySideRows } from './typst-bench.ts';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { compareIndexes, readPrintedIndex, SEED_PATH } from './printed-index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildEpub, checkManuscript, layoutForPrint, setParagraphs } from '../src/build/index.ts';
import { type Line, LOOSE_LINE_EM } from '../src/compose/index.ts';
import { loadTemplate } from '../src/config/index.ts';
import { createFontProvider } from '../src/font/index.ts';
import { buildDate, ImageProbeCache, imageSizeOf, loadFonts, readImageBytes, readManuscript, readTemplateFile } from '../src/io/index.ts';
import { LayoutCaches, squeezedStops } from '../src/layout/index.ts';
import { walkBook } from '../src/model/index.ts';
import { ParseCache } from '../src/parse/index.ts';
import { RenderCache, renderPdf } from '../src/render/index.ts';

const dir = process.argv[2] ?? 'manuscript';
const rows: Array<[string, string]> = [];
const timed = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
  const t = performance.now();
  const out = await f();
  rows.push([label, `${(performance.now() - t).toFixed(0)} ms`]);
  return out;
};

const started = performance.now();
const loaded = await timed('load fonts', () => loadFonts());
const fontSet = loaded.set;
const read = await timed('read manuscript (files, images)', () => readManuscript(dir));
const checked = await timed('parse + validate', () => checkManuscript(read.files, read.all));
if (!checked.book) throw new Error('the manuscript does not parse; run npx nianjian check');
const book = checked.book;
const readOnly = performance.now() - started;

// The print PDF, stage by stage, with fresh font caches as a build has them.
const buildStart = performance.now();
const template = loadTemplate(await readTemplateFile(dir, book.settings.template))!;
const srcs: string[] = [];
walkBook(book, (n) => n.type === 'figure' && srcs.push(n.src));
const imageBytes = (await timed('read images (decoded whole, no verdict cache)', () => readImageBytes(dir, srcs))).bytes;
const laid = await timed('layout (compose + pages + TOC)', () => layoutForPrint({ book, template, fonts: createFontProvider(fontSet), imageSize: imageSizeOf(read) }));
const s = book.settings;
const metadata = { title: s.title, author: s.compiler, subject: s.title, language: s.language, date: buildDate(s.build_date) };
const pdf = await timed('render PDF', () => renderPdf({
  document: laid.paged, fontFiles: loaded.opened, imageBytes: (src) => imageBytes.get(src),
  metadata,
}));
const printOnly = performance.now() - buildStart;
const epub = await timed('EPUB (no image cache)', () => buildEpub({
  book, paged: laid.paged, imageBytes, coverFont: fontSet.roles.heading.regular, date: buildDate(s.build_date),
  fontFiles: { body: loaded.bytes.get(fontSet.roles.body.regular.postscriptName)!, heading: loaded.bytes.get(fontSet.roles.heading.regular.postscriptName)! },
}));
const total = performance.now() - started;

// What `watch` does after a one-paragraph edit, stage by stage in this process
// (whose heap holds the whole bench, so its collector runs longer than watch's):
// read and parse again, lay out with the session's caches, render the PDF (issue 8).
const copy = join(mkdtempSync(join(tmpdir(), 'nianjian-bench-')), 'manuscript');
cpSync(dir, copy, { recursive: true });
const caches = new LayoutCaches();
const parseCache = new ParseCache();
const renderCache = new RenderCache();
const probeCache = new ImageProbeCache();
const watchStages: Array<[string, number]> = [];
const layoutCopy = async () => {
  const t = [performance.now()];
  const r = await readManuscript(copy, probeCache);
  t.push(performance.now());
  const b = checkManuscript(r.files, r.all, parseCache).book!;
  t.push(performance.now());
  caches.startBuild();
  renderCache.startBuild();
  const l = layoutForPrint({ book: b, template, fonts: createFontProvider(fontSet), imageSize: imageSizeOf(r), layoutCaches: caches });
  t.push(performance.now());
  const bytes = await renderPdf({ document: l.paged, fontFiles: loaded.opened, imageBytes: (src) => imageBytes.get(src), metadata, cache: renderCache, pageIdentity: (page) => caches.pages.of(page) });
  t.push(performance.now());
  watchStages.splice(0, watchStages.length, ...(['read', 'parse', 'layout', 'render PDF'] as const).map((s, i): [string, number] => [s, t[i + 1]! - t[i]!]));
  return bytes;
};
await layoutCopy();
const edited = readdirSync(copy).filter((n) => n.endsWith('.md')).sort()[5]!;
// Two edits in a row: the first brings a character the book did not have yet (添), which renumbers
// the font subset from its first use on; the second uses known characters only.
for (const [label, words] of [['one-paragraph edit, a new character', '，又添一句'], ['next one-paragraph edit', '，又说一句']] as const) {
  const text = readFileSync(join(copy, edited), 'utf8');
  const at = text.indexOf('。', text.length >> 1);
  writeFileSync(join(copy, edited), `${text.slice(0, at)}${words}${text.slice(at)}`);
  await timed(`in-process rebuild after ${label} (${edited})`, layoutCopy);
  rows.push(['  of which ' + watchStages.map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join(', '), 'ms']);
}
rows.push(['watch: files parsed / reused', `${parseCache.files.misses} / ${parseCache.files.hits}`]);
rows.push(['watch: parts laid out / reused', `${caches.parts.counters.misses} / ${caches.parts.counters.hits}`]);
rows.push(['watch: paragraphs composed / reused', `${caches.composition.counters.misses} / ${caches.composition.counters.hits}`]);
rows.push(['watch: pages drawn / kept', `${renderCache.drawn.misses} / ${renderCache.drawn.hits}`]);

const watched = await benchWatch(dir, join(import.meta.dirname, '../bin/nianjian.js'));
rows.push(
  [`nianjian watch (own process): one-paragraph edit, median of ${watched.known.length}`, `${middle(watched.known)} ms (all: ${watched.known.join(', ')} ms; ${watched.file})`],
  ['nianjian watch: the first edit, with a character new to the book', `${watched.newCharacter} ms`],
  ['nianjian watch: what the last rebuild made and reused', watched.reuse],
);
// `nianjian build` as an editor runs it (PDF + EPUB, image cache warm, every file parsed) and Typst on the same text, in turns (issue 24).
const PAIRS = Number(process.env.NIANJIAN_BENCH_PAIRS ?? 5);
const typst = sideBySide(dir, PAIRS);
const builds = typst.nianjian;
const buildSeconds = middle(builds.map((b) => b.seconds));
rows.push(
  [`nianjian build (PDF + EPUB, every file parsed, own process, median of ${builds.length})`, `${buildSeconds.toFixed(2)} s, peak RSS ${middle(builds.map((b) => b.rssMB)).toFixed(0)} MB (runs: ${builds.map((r) => `${r.seconds.toFixed(2)} s ${r.rssMB.toFixed(0)} MB`).join(', ')})`],
  [`Typst 0.14 (typst-ts-node-compiler, PDF only): same text, ${typst.typstPages} pages`, `runs: ${typst.typst.map((r) => `${r.seconds.toFixed(2)} s ${r.rssMB.toFixed(0)} MB`).join(', ')}`],
  ...sideBySideRows(typst),
  ['watch rebuild / full build (medians, this run)', `${(middle(watched.known) / 1000 / buildSeconds).toFixed(3)}`],
);

// Every body line as the layout set it, at the template's measure.
const paragraphs = setParagraphs(book, laid.paged);
const lines = paragraphs.flatMap((p) => p.lines);
const justified = lines.filter((l) => !l.isLast);
const loose = justified.filter((l) => l.spreadEm > LOOSE_LINE_EM).length;
const spreads = justified.map((l) => l.spreadEm).sort((a, b) => a - b);
const characters = lines.reduce((n, l) => n + l.glyphs.length, 0);
const pages = laid.paged.pages.length;
rows.push(
  ['fonts + read + parse', `${readOnly.toFixed(0)} ms`],
  ['template + images + layout + PDF', `${printOnly.toFixed(0)} ms`],
  ['total', `${total.toFixed(0)} ms`],
  ['pages (printed book: 388)', `${pages} (${(pages / (printOnly / 1000)).toFixed(0)} pages/s for layout + PDF)`],
  ['PDF / EPUB size', `${(pdf.length / 1048576).toFixed(1)} MB / ${(epub.length / 1048576).toFixed(1)} MB`],
  ['peak RSS of this bench process (it keeps everything)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
  ['paragraphs / lines / glyphs', `${paragraphs.length} / ${lines.length} / ${characters}`],
  ['loose lines (> ⅓ em per gap, R-JUS-7)', `${loose} (${((100 * loose) / justified.length).toFixed(2)} % of justified lines)`],
  ['body lines with two stops or more squeezed in mid-line (，。、；： under ¾ em) / with a 。 so', squeezedStopLines(lines)],
  ['body lines spread by over 0.1 em / over 0.15 em per gap', `${justified.filter((l) => l.spreadEm > 0.1).length} / ${justified.filter((l) => l.spreadEm > 0.15).length} of ${justified.length}`],
  ['spread per gap: median / p99 / max', [0.5, 0.99, 1].map((q) => `${spreads[Math.min(spreads.length - 1, Math.floor(q * spreads.length))]!.toFixed(3)} em`).join(' / ')],
);
// The index against the printed 条目索引 (issue 19): coverage and the largest locator count.
const indexEntries = laid.paged.index.flatMap((g) => g.entries);
const widestEntry = indexEntries.reduce((m, e) => (e.pages.length > m.pages.length ? e : m), indexEntries[0]!);
rows.push(['index: headings / largest locator count', `${indexEntries.length} / ${widestEntry.pages.length} (${widestEntry.heading})`]);
if (existsSync(SEED_PATH)) {
  const c = compareIndexes(indexEntries, readPrintedIndex(SEED_PATH));
  rows.push(['index: coverage of the printed 条目索引', `${c.shared} of ${c.printed} (${(100 * c.coverage).toFixed(1)} %); ${c.extra.length} headings ours only; ${c.orderDisagreements.length} order disagreements (the printed book's 2 slips)`]);
} else rows.push(['index: coverage of the printed 条目索引', `seed not found (${SEED_PATH}; set NIANJIAN_SEED)`]);
// Page make-up counted from the print PDF (issue 17; asserted in test/e2e/makeup.test.ts).
const makeup = await makeupCounts(new Uint8Array(pdf), template);
const pagesOf = (xs: readonly number[]) => (xs.length > 0 ? ` (PDF pages ${xs.map((i) => i + 1).join(', ')})` : '');
rows.push(
  ['make-up: short columns mid-part (R-COL-1)', `${makeup.shortColumns.length} of ${makeup.bodyPages} body pages (${((100 * makeup.shortColumns.length) / makeup.bodyPages).toFixed(1)} %)${pagesOf(makeup.shortColumns.map((c) => c.pageIndex))}`],
  ['make-up: pages of a table alone, a third empty', `${makeup.tableOnlyPages.length}${pagesOf(makeup.tableOnlyPages)}`],
  ['make-up: credit lines under a figure', `${makeup.figureBeforeCredit.length}${pagesOf(makeup.figureBeforeCredit)}`],
  ['make-up: gallery rows misaligned', `${makeup.galleryRowsMisaligned.length} of ${makeup.galleryRows}`],
  ['make-up: gallery pages whose rows’ outer edges differ', `${makeup.galleryEdgesMisaligned.length} of ${makeup.galleryEdgePages}`],
  ['make-up: gallery pages ending above an empty band', `${makeup.galleryBands.length} of ${makeup.galleryPages}${pagesOf(makeup.galleryBands)}`],
  ['make-up: gallery pages whose photos stand on another measure than the most', `${makeup.galleryWidthsOff.length} of ${makeup.galleryPages}${pagesOf(makeup.galleryWidthsOff)}`],
  ['make-up: gallery pages running below the type area', `${makeup.galleryPastFoot.length} of ${makeup.galleryPages}${pagesOf(makeup.galleryPastFoot)}`],
  ['make-up: parts’ last pages whose right column ends lower than the left; two lines or more above it', `${makeup.partLastPagesRightLonger.length}; ${makeup.partLastPagesApart.length} of ${makeup.partLastPages}`],
  ['make-up: last TOC and index pages unbalanced', `${makeup.listLastPagesUnbalanced.length} of ${makeup.listLastPages.length}`],
  ['make-up: credit lines first in a column (R-YB-4)', `${makeup.creditsAtColumnTop.length} of ${makeup.credits}${pagesOf(makeup.creditsAtColumnTop)}`],
  ['make-up: table headers side by side not level; 续表 not level with the title beside it (R-COL-2)', `${makeup.tableHeadsMisaligned.length}; ${makeup.tableLabelsMisaligned.length} of ${makeup.tableHeadPairs}${pagesOf([...makeup.tableHeadsMisaligned, ...makeup.tableLabelsMisaligned])}`],
  ['make-up: TOC page numbers going backwards (float order)', `${makeup.tocBackwards.length} of ${makeup.tocNumbers}`],
  ['make-up: captions over half a line under the photo', `${makeup.captionGapsWide.length} of ${makeup.figures}${pagesOf(makeup.captionGapsWide)}`],
  ['make-up: page-wide photos at the page foot; columns over them uneven', `${makeup.wideFiguresAtFoot.length}${pagesOf(makeup.wideFiguresAtFoot)}; ${makeup.columnsUnbalancedOverFoot.length}`],
  ['make-up: TOC turnovers not hung; levels flattened', `${makeup.tocTurnoversFlush.length} of ${makeup.tocTurnovers}; ${makeup.tocLevelsFlattened.length}`],
  ['make-up: photos between text with less room above than half that under the caption', `${makeup.photosTightAbove.length} of ${makeup.photosBetweenText}`],
  ['make-up: credit lines（…）whose ） ink passes the column’s edge (R-PUN-10)', `${makeup.creditsPastEdge.length} of ${makeup.creditLines}`],
  ['make-up: TOC and index lines whose opening mark stands ½ em in; ½ em out (R-PUN-9)', `${makeup.listOpeningMarksSetIn.length}; ${makeup.listOpeningMarksHungOut.length} of ${makeup.listOpeningMarks}`],
);
// Table columns and list headings fitted (session 28, scripts/fit-counts.ts; asserted in test/e2e/makeup.test.ts).
const fit = fitCounts(laid.paged, template);
rows.push(
  ['table cells turned over though other columns have the room', `${fit.tableCellsTurnedNeedlessly.length} of ${fit.tableCells}`],
  ['table columns with cells flush left and flush right (〔？〕 among numbers)', `${fit.tableColumnsMixed.length} of ${fit.tableColumns}`],
  ['pages with two pieces of one table one above the other', `${fit.tablePiecesStacked.length} (of ${fit.tablePieces} table pieces)`],
  ['table lines turned over; short entries (numbers, phones, names) turned', `${fit.tableLinesTurned}; ${fit.shortCellsTurned.length} of ${fit.shortCells}`],
  ['table cells turned over inside a word', `${fit.tableCellsCutInWords.length} of ${fit.tableCells}`],
  ['headings standing farther above their text than the others of their size (R-HEAD-1)', `${fit.headingsApart.length} of ${fit.headingsOverText}`],
  ['index/TOC turned lines ≥ 2 em short though the next word fits', `${fit.listTurnoversShort.length} of ${fit.listTurnovers}`],
  ['index/TOC headings whose last line is a runt of under 5 characters', `${fit.listRunts.length} of ${fit.listTurnovers}`],
);
// Print quality read back from the PDF (issue 18, scripts/print-quality.ts).
const pdfFile = join(mkdtempSync(join(tmpdir(), 'nianjian-bench-pdf-')), 'book.pdf');
writeFileSync(pdfFile, pdf);
const q = measurePrintQuality(printedLines(pdfFile));
rows.push(
  ['multi-line headings and titles / turned over inside a word', `${q.multiLineHeadings} / ${q.headingsCutInWords.length}`],
  ['run-in heads 【…】 of more than a line / turned over inside a word', `${q.runInHeadsTurned} / ${q.runInHeadsCutInWords.length}`],
  ['body lines with hanzi–digit gaps / with one ≥ 0.45 em', `${q.linesWithDigits} / ${q.wideDigitGapLines} (${((100 * q.wideDigitGapLines) / Math.max(1, q.linesWithDigits)).toFixed(2)} %)`],
  ['ASCII punctuation between Chinese characters', String(q.asciiBetweenHanzi.length)],
  ['禁则 violations on printed lines (R-KIN-1/2)', String(q.kinsoku.length)],
  ['【】 entry heads / not at 2 em', `${q.entryHeads} / ${q.entryHeadsOff.length}`],
  ['table digits / distinct advances (tabular figures)', ((d) => `${d.length} / ${new Set(d.map((x) => x.advanceEm.toFixed(4))).size}`)(tableDigits(laid.paged, template))],
  ['table pieces with text under them whose room under is not half a line (R-COL-1)', ((r) => `${r.filter((x) => Math.abs(x.lines - 0.5) > 0.1).length} of ${r.length}`)(tableRoomUnder(laid.paged, template))],
);
const width = Math.max(...rows.map(([k]) => [...k].length));
console.log(`nianjian bench — ${dir} (node ${process.version})`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);


/** Body lines with two mid-line stops or more squeezed, and with a full stop squeezed (layout/squeeze.ts). */
function squeezedStopLines(set: readonly Line[]): string {
  const counts = set.map(squeezedStops);
  return `${counts.filter((c) => c.count >= 2).length} / ${counts.filter((c) => c.periods > 0).length} of ${set.length}`;
}
