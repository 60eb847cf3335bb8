/**
 * npm run bench — times the stages of a build of the sample yearbook and
 * reports composition quality. Numbers for the closing notes, not tests.
 *
 *   npm run bench [-- manuscript-dir]
 */
import { performance } from 'node:perf_hooks';
import { bodyComposeOptions, checkManuscript, composeBody } from '../src/build/index.ts';
import { LOOSE_LINE_EM } from '../src/compose/index.ts';
import { createFontProvider } from '../src/font/index.ts';
import { loadFontSet, readManuscript } from '../src/io/index.ts';

const dir = process.argv[2] ?? 'manuscript';
const rows: Array<[string, string]> = [];
const timed = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
  const t = performance.now();
  const out = await f();
  rows.push([label, `${(performance.now() - t).toFixed(0)} ms`]);
  return out;
};

const started = performance.now();
const fontSet = await timed('load fonts', () => loadFontSet());
const read = await timed('read manuscript (files, images)', () => readManuscript(dir));
const checked = await timed('parse + validate', () => checkManuscript(read.files, read.all));
if (!checked.book) throw new Error('the manuscript does not parse; run npx nianjian check');
const book = checked.book;
const fonts = createFontProvider(fontSet);
const composed = await timed('compose body (cold caches)', () => composeBody(book, bodyComposeOptions(book.settings, fonts)));
await timed('compose body (warm caches)', () => composeBody(book, bodyComposeOptions(book.settings, fonts)));
const total = performance.now() - started;

const lines = composed.flatMap((b) => b.composed.lines);
const justified = lines.filter((l) => !l.isLast);
const loose = justified.filter((l) => l.spreadEm > LOOSE_LINE_EM).length;
const spreads = justified.map((l) => l.spreadEm).sort((a, b) => a - b);
const characters = lines.reduce((n, l) => n + l.glyphs.length, 0);
rows.push(
  ['total (to composed lines)', `${total.toFixed(0)} ms`],
  ['peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`],
  ['paragraphs / lines / glyphs', `${composed.length} / ${lines.length} / ${characters}`],
  ['loose lines (> ⅓ em per gap, R-JUS-7)', `${loose} (${((100 * loose) / justified.length).toFixed(2)} % of justified lines)`],
  ['spread per gap: median / p99 / max', [0.5, 0.99, 1].map((q) => `${spreads[Math.min(spreads.length - 1, Math.floor(q * spreads.length))]!.toFixed(3)} em`).join(' / ')],
);
const width = Math.max(...rows.map(([k]) => [...k].length));
console.log(`nianjian bench — ${dir} (node ${process.version})`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
