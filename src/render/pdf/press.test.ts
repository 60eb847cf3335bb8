import { describe, expect, test } from 'vitest';
import type { ImageItem, Page } from '../../layout/index.ts';
import { priceAddOn, spineWidthMm } from './cover.ts';
import { pressItems, safetyFindings } from './press.ts';

const MM = 72 / 25.4;
const W = 210 * MM;
const H = 285 * MM;
const image = (x: number, y: number, width: number, height: number): ImageItem => ({ kind: 'image', src: 'a.jpg', x, y, width, height });
const page = (kind: Page['kind'], items: Page['items']): Page => ({ index: 0, kind, folio: '1', number: '1', isRecto: true, runningHead: '', items, sources: [] });
const sheet = { bleedMm: 3, markOffsetMm: 2, markLengthMm: 5, slugMm: 12, safetyMm: 3, bleedPages: ['gallery'] as const };

describe('press pages: bleed and safety margin', () => {
  test('a photo that meets the trim runs 3 mm into the bleed on the sides where it meets it, and only there', () => {
    const [full] = pressItems([image(0, 0, W, H / 2)], W, H, 3 * MM).bled;
    expect(full!.x).toBeCloseTo(-3 * MM);
    expect(full!.y).toBeCloseTo(-3 * MM);
    expect(full!.width).toBeCloseTo(W + 6 * MM);
    expect(full!.height).toBeCloseTo(H / 2 + 3 * MM);
    expect(pressItems([image(50, 50, 100, 100)], W, H, 3 * MM)).toEqual({ bled: [], items: [image(50, 50, 100, 100)] });
    // On a page that may not bleed (bleed 0), a photo at the trim stays as it is, and is a safety finding.
    expect(pressItems([image(0, 0, W, 100)], W, H, 0)).toEqual({ bled: [], items: [image(0, 0, W, 100)] });
  });

  test('links are left out (PDF/X: no annotations on the page)', () => {
    expect(pressItems([{ kind: 'link', x: 0, y: 0, width: 1, height: 1, pageIndex: 2 }, image(50, 50, 10, 10)], W, H, 0).items).toHaveLength(1);
  });

  test('a rule 1 mm from the trim is a finding; a bled photo on a 彩页 is not; a photo on a body page is', () => {
    const rule = { kind: 'rule' as const, x1: 1 * MM, y1: 100, x2: 100, y2: 100, widthPt: 0.5 };
    expect(safetyFindings(page('body', [rule]), W, H, sheet)).toEqual([{ pageIndex: 0, number: '1', what: 'rule', distanceMm: 1 }]);
    expect(safetyFindings(page('gallery', [image(0, 0, W, 100)]), W, H, sheet)).toEqual([]);
    expect(safetyFindings(page('body', [image(0, 0, W, 100)]), W, H, sheet)).toHaveLength(1);
    expect(safetyFindings(page('body', [image(20 * MM, 20 * MM, 100, 100)]), W, H, sheet)).toEqual([]);
  });
});

describe('cover', () => {
  test('spine: leaves × caliper, 精装 adds its two boards', () => {
    expect(spineWidthMm(388, { type: '平装', paper_caliper_mm: 0.1, board_mm: 2.5 })).toBe(19.4);
    expect(spineWidthMm(389, { type: '平装', paper_caliper_mm: 0.1, board_mm: 2.5 })).toBe(19.5);
    expect(spineWidthMm(360, { type: '精装', paper_caliper_mm: 0.08, board_mm: 2.5 })).toBe(19.4);
  });

  test('the EAN-5 add-on is the price in 分, five digits', () => {
    expect(priceAddOn('268.00元')).toBe('26800');
    expect(priceAddOn('68.00元')).toBe('06800');
    // Five digits hold up to 999.99元: 1280.00元 was cut to 28000 (280.00 in the bar code).
    expect(priceAddOn('999.99元')).toBe('99999');
    expect(priceAddOn('1280.00元')).toBeUndefined();
    expect(priceAddOn('99999999999999999999999.00元')).toBeUndefined();
  });
});

describe('the cover’s lines', () => {
  test('a title wider than the front panel is set smaller to fit it; a short one keeps its size', async () => {
    const { readFileSync } = await import('node:fs');
    const { openFont } = await import('../../font/index.ts');
    const { sizeToFit, textWidth } = await import('./marks.ts');
    const font = openFont(readFileSync('node_modules/@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf'));
    const panel = 0.8 * 185 * MM;
    const long = '中国共产党天津市河西区委员会年鉴编纂委员会';
    const size = sizeToFit(font, long, 40, panel);
    expect(size).toBeLessThan(40);
    expect(textWidth(font, long, size)).toBeLessThanOrEqual(panel + 1e-6);
    expect(sizeToFit(font, '河西年鉴', 40, panel)).toBe(40);
  });
});
