import { describe, expect, test } from 'vitest';
import { checkBuildDate, checkSourceDateEpoch } from './dates.ts';

describe('build dates are range-checked (issue 16)', () => {
  test('build_date: a real day between 1980 and 2107', () => {
    expect(checkBuildDate('2024-11-01')).toBeUndefined();
    expect(checkBuildDate('1980-01-01')).toBeUndefined();
    expect(checkBuildDate('2107-12-31')).toBeUndefined();
    expect(checkBuildDate('2024-02-30')).toBe('没有这一天');
    expect(checkBuildDate('2024-13-01')).toBe('没有这一天');
    expect(checkBuildDate('1979-12-31')).toContain('1980-01-01');
    expect(checkBuildDate('2108-01-01')).toContain('2107-12-31');
    expect(checkBuildDate('2024/11/01')).toContain('年-月-日');
  });

  test('SOURCE_DATE_EPOCH: whole seconds within the zip range, else why not', () => {
    expect(checkSourceDateEpoch('1730419200')).toEqual({ ok: true, date: new Date('2024-11-01T00:00:00Z') });
    expect(checkSourceDateEpoch('315532800').ok).toBe(true);
    expect(checkSourceDateEpoch('4354819199').ok).toBe(true);
    for (const bad of ['0', '315532799', '4354819200', '99999999999999999999', '-1', '1.5', '1e9', '', 'now']) {
      expect(checkSourceDateEpoch(bad).ok, bad).toBe(false);
    }
  });
});
