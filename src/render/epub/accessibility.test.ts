import { describe, expect, test } from 'vitest';
import { accessibilityMetadata } from './accessibility.ts';

const values = (lines: string[], p: string) => lines.filter((l) => l.includes(`schema:${p}"`)).map((l) => />([^<]*)</.exec(l)![1]);

describe('EPUB accessibility metadata claims only what the book has', () => {
  test('a book without photos, page list or index: text alone, no alt text claimed', () => {
    const m = accessibilityMetadata({ images: 0, uncaptioned: 0, tables: 0, index: false, pageList: false });
    expect(values(m, 'accessMode')).toEqual(['textual']);
    expect(values(m, 'accessModeSufficient')).toEqual(['textual']);
    expect(values(m, 'accessibilityFeature')).not.toContain('alternativeText');
    expect(values(m, 'accessibilityFeature')).not.toContain('pageNavigation');
    expect(values(m, 'accessibilityFeature')).not.toContain('index');
  });

  test('one uncaptioned photo: text alone is not claimed sufficient, and the summary counts it', () => {
    const m = accessibilityMetadata({ images: 5, uncaptioned: 1, tables: 2, index: true, pageList: true });
    expect(values(m, 'accessModeSufficient')).toEqual(['textual,visual']);
    expect(values(m, 'accessibilityFeature')).toEqual(expect.arrayContaining(['alternativeText', 'pageNavigation', 'pageBreakMarkers', 'index']));
    expect(values(m, 'accessibilitySummary')[0]).toContain('其中 1 幅无说明');
  });

  test('every photo captioned: text alone is sufficient too', () => {
    const m = accessibilityMetadata({ images: 5, uncaptioned: 0, tables: 0, index: true, pageList: true });
    expect(values(m, 'accessModeSufficient')).toEqual(['textual,visual', 'textual']);
  });
});
