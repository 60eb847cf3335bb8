import { describe, expect, test } from 'vitest';
import { checkFormat, pressDefaults, sheetFraction } from './press.ts';

describe('开本 and trim (R-PAGE-8, GB/T 788)', () => {
  test('a sheet cut 16 and 32 ways: each fold halves the long side', () => {
    expect(sheetFraction('889 mm×1194 mm', 16)).toEqual({ widthMm: 222.25, heightMm: 298.5 });
    expect(sheetFraction('787 mm×1092 mm', 16)).toEqual({ widthMm: 196.75, heightMm: 273 });
    expect(sheetFraction('787 mm×1092 mm', 32)).toEqual({ widthMm: 136.5, heightMm: 196.75 });
    expect(sheetFraction('787 mm×1092 mm', 8)).toEqual({ widthMm: 273, heightMm: 393.5 });
  });

  test('the sample (889×1194 1/16, 210×285) and GB/T 788\'s 787×1092 sizes agree; 787×1092 on a 210×285 page does not', () => {
    expect(checkFormat('889 mm×1194 mm', 16, 210, 285)).toBeUndefined();
    expect(checkFormat('787 mm×1092 mm', 16, 185, 260)).toBeUndefined();
    expect(checkFormat('787 mm×1092 mm', 32, 130, 184)).toBeUndefined();
    expect(checkFormat('787 mm×1092 mm', 16, 210, 285)?.kind).toBe('too-small');
    expect(checkFormat('889 mm×1194 mm', 8, 210, 285)?.kind).toBe('too-large');
  });

  test('the press profile\'s defaults: PDF/X-1a, 3 mm bleed, a one-colour body, Debian\'s CMYK profile', () => {
    const p = pressDefaults();
    expect(p.standard).toBe('PDF/X-1a');
    expect(p.bleed_mm).toBe(3);
    expect(p.body_colour).toBe('black');
    expect(p.icc_profile).toMatch(/default_cmyk\.icc$/);
  });
});
