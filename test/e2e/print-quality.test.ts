/**
 * Issue 18, measured on the built sample's print PDF (poppler's pdftotext,
 * scripts/print-quality.ts): every line of every page, counted, as
 * `npm run bench` prints them.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { measurePrintQuality, type PrintQuality, printedLines } from '../../scripts/print-quality.ts';

const MANUSCRIPT = join(import.meta.dirname, '../../manuscript');
let q: PrintQuality;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'nianjian-quality-'));
  expect(await main(['build', MANUSCRIPT, '--out', out], () => {})).toBe(0);
  q = measurePrintQuality(printedLines(join(out, readdirSync(out).find((n) => n.endsWith('.pdf'))!)));
}, 240_000);

describe('print quality of the sample (issue 18)', () => {
  test('no multi-line heading or title turns over inside a word', () => {
    expect(q.multiLineHeadings).toBeGreaterThanOrEqual(10);
    expect(q.headingsCutInWords).toEqual([]);
  });

  test('R-HEAD-4, issue 18: an entry’s run-in head of more than a line turns over between words (before: 10 of 21 inside a word, 聘|任会, 夏|日购物季)', () => {
    expect(q.runInHeadsTurned).toBeGreaterThanOrEqual(15);
    expect(q.runInHeadsCutInWords).toEqual([]);
  });

  test('R-MIX-1, R-JUS-5: hanzi–digit gaps of ½ em or so in at most 1 % of the body lines with digits', () => {
    expect(q.linesWithDigits).toBeGreaterThan(5000);
    expect(q.wideDigitGapLines / q.linesWithDigits, q.wideDigitGapExamples.join('\n')).toBeLessThanOrEqual(0.01);
  });

  test('R-NORM-1/5: no ASCII punctuation between Chinese characters', () => {
    expect(q.asciiBetweenHanzi).toEqual([]);
  });

  test('R-KIN-1/2: no printed line starts or ends with a prohibited mark', () => {
    expect(q.kinsoku).toEqual([]);
  });

  test('R-PUN-9: every 【】 entry head starts exactly 2 em from its column edge', () => {
    expect(q.entryHeads).toBeGreaterThan(800);
    expect(q.entryHeadsOff).toEqual([]);
  });
});
