import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';
import { buildIndex, formatLocators } from './index-entries.ts';

describe('index entries', () => {
  test('R-IDX-5/6: locators joined by 、, three or more consecutive pages as a range with 一字线', () => {
    expect(formatLocators([94, 173])).toBe('94、173');
    expect(formatLocators([45, 46, 47, 48])).toBe('45—48');
    expect(formatLocators([3, 4, 9, 10, 11, 20])).toBe('3、4、9—11、20');
  });

  test('R-IDX-8: one heading in several places is one entry with merged locators; terms and entries both count', async () => {
    const r = await checkFiles({
      '01-篇.md': '# 篇\n\n## 甲\n\n【法律监督】 文字:index[长护险]{pinyin="chang2 hu4 xian3"}。\n\n## 乙\n\n【法律监督】 又一处。\n\n【安全生产】 :index[行业]{term="行业监管"}。\n',
    });
    const pages: Record<string, number[]> = {};
    let page = 10;
    const groups = buildIndex(r.book!, (id) => (pages[id] ??= [page++]));
    const flat = groups.flatMap((g) => g.entries.map((e) => `${g.letter}:${e.heading}:${e.pages.join(',')}`));
    expect(flat).toEqual(['A:安全生产:13', 'C:长护险:11', 'F:法律监督:10,12', 'H:行业监管:14']);
    const withHeadings = buildIndex(r.book!, (id) => (pages[id] ??= [page++]), {}, true).flatMap((g) => g.entries.map((e) => e.heading));
    expect(withHeadings).toContain('甲');
    expect(withHeadings).toContain('乙');
  });
});
