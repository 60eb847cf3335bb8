import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Font } from '../font/index.ts';
import { parseFontFaces, SplitFamily } from './split-font.ts';

const require = createRequire(import.meta.url);

/** A subset that has every character its face lists: which subset answers is what is tested. */
const piece = (i: number) => ({ postscriptName: `piece-${i}`, hasGlyphForCodePoint: () => true }) as unknown as Font;

test('pieceFor finds the first face listing a code point, as a scan of the CSS in order does (issue 24: binary search)', () => {
  const css = require.resolve('@chinese-fonts/lxgwwenkai/dist/LXGWWenKai-Regular/result.css');
  const faces = parseFontFaces(readFileSync(css, 'utf8'), css);
  // Two overlapping faces added at the end and the start: the earlier face wins.
  faces.unshift({ file: 'first.woff2', ranges: [[0x4e00, 0x4e05]] });
  faces.push({ file: 'last.woff2', ranges: [[0x20, 0x9fff]] });
  const pieces = faces.map((_, i) => piece(i));
  const family = new SplitFamily(faces, pieces);
  // Every 31st code point of the BMP, and both sides of both ends of every 40th range.
  const points = new Set<number>();
  for (let cp = 0; cp <= 0xffff; cp += 31) points.add(cp);
  faces.flatMap((f) => f.ranges).filter((_, k) => k % 40 === 0).forEach(([a, b]) => [a - 1, a, b, b + 1].forEach((cp) => points.add(cp)));
  let compared = 0;
  for (const cp of points) {
    const i = faces.findIndex((f) => f.ranges.some(([a, b]) => cp >= a && cp <= b));
    expect(family.pieceFor(cp)?.postscriptName, `U+${cp.toString(16)}`).toBe(i >= 0 ? `piece-${i}` : undefined);
    compared += 1;
  }
  expect(compared).toBeGreaterThan(3000);
  expect(family.pieceFor(0x4e00)?.postscriptName).toBe('piece-0');
});
