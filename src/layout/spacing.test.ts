import { describe, expect, test } from 'vitest';
import { letterSpaced } from './spacing.ts';

describe('letter-spaced short titles', () => {
  test('R-HEAD-6: two hanzi take a full-width space between them, a part title page two', () => {
    expect(letterSpaced('综述')).toBe('综\u3000述');
    expect(letterSpaced('特载', 2)).toBe('特\u3000\u3000载');
  });

  test('R-HEAD-6: a month head of 大事记 is not letter-spaced, so 1月 and 10月 are set alike', () => {
    expect(['1月', '9月', '10月', '12月'].map((t) => letterSpaced(t))).toEqual(['1月', '9月', '10月', '12月']);
  });

  test('three hanzi, two Latin letters and a title already spaced stay as they are', () => {
    expect(['概况表', 'AI', '综\u3000述'].map((t) => letterSpaced(t))).toEqual(['概况表', 'AI', '综\u3000述']);
  });
});
