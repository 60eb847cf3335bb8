import { describe, expect, test } from 'vitest';
import { checkFiles, VALID_BOOK_YAML } from '../../test/helpers/manuscript.ts';
import { buildIndex, formatLocators, locatorParts, type PagesOf, twoLevelIndex } from './index-entries.ts';

/** Gives every anchor the next page, in the order the index asks (reading order). */
function countingPages(): PagesOf {
  const pages: Record<string, number> = {};
  let page = 10;
  return (id) => [{ page: (pages[id] ??= page++), anchor: id }];
}

const flat = (groups: ReturnType<typeof buildIndex>) => groups.flatMap((g) => g.entries.map((e) => `${g.letter}:${e.heading}:${e.pages.join(',')}`));
const headings = (groups: ReturnType<typeof buildIndex>) => groups.flatMap((g) => g.entries.map((e) => e.heading));

describe('index entries', () => {
  test('R-IDX-5/6: locators joined by 、, three or more consecutive pages as a range with 一字线, each number its own part', () => {
    expect(formatLocators([94, 173])).toBe('94、173');
    expect(formatLocators([45, 46, 47, 48])).toBe('45—48');
    expect(formatLocators([3, 4, 9, 10, 11, 20])).toBe('3、4、9—11、20');
    expect(locatorParts([3, 4, 9, 10, 11]).filter((p) => p.page !== undefined).map((p) => p.page)).toEqual([3, 4, 9, 11]);
  });

  test('R-IDX-8: one heading in several places is one entry with merged locators; terms and entries both count', async () => {
    const r = await checkFiles({
      '01-篇.md': '# 篇\n\n## 综述\n\n【法律监督】 文字:index[长护险]{pinyin="chang2 hu4 xian3"}。\n\n## 重要会议\n\n【法律监督】 又一处。\n\n【安全生产】 :index[行业]{term="行业监管"}。\n',
    });
    expect(flat(buildIndex(r.book!, countingPages()))).toEqual(['A:安全生产:14', 'C:长护险:12', 'F:法律监督:11,13', 'H:行业监管:15', 'P:篇:10']);
  });

  test('unit headings are in by level and part kind; generic sub-heads, months and numbered sections are out (book.yaml defaults)', async () => {
    const r = await checkFiles({
      '01-法治.md': '# 法治\n\n## 公安\n\n【政治安全】 文字。\n\n### 主要工作与活动\n\n【执法规范化】 文字。\n\n## 综述\n\n【平安建设】 文字。\n',
      '02-大事记.md': '---\nkind: chronicle\n---\n\n# 2023年大事记\n\n## 1月\n\n1日 某事。\n',
      '03-特载.md': '---\nkind: articles\n---\n\n# 特载\n\n## 讲话\n\n### 一、锚定目标\n\n文字。\n',
    });
    const h = headings(buildIndex(r.book!, countingPages()));
    expect(h).toEqual(expect.arrayContaining(['法治', '公安', '政治安全', '执法规范化', '平安建设']));
    for (const out of ['主要工作与活动', '综述', '1月', '2023年大事记', '特载', '讲话', '一、锚定目标']) expect(h).not.toContain(out);
  });

  test('{index=false} and {index} in the manuscript override the rules', async () => {
    const r = await checkFiles({
      '01-法治.md': '# 法治 {index=false}\n\n## 综述 {index}\n\n【政治安全】{index=false} 文字。\n\n【平安建设】 文字。\n',
    });
    expect(r.book!.parts[0]!.title).toBe('法治');
    expect(r.book!.parts[0]!.chapters[0]!.title).toBe('综述');
    expect(headings(buildIndex(r.book!, countingPages()))).toEqual(['平安建设', '综述']);
  });

  test('a title under three units or more is named with its unit, in the form book.yaml sets; unit_names shorten', async () => {
    const files = {
      '01-篇.md': '# 篇\n\n## 区人大常委会\n\n【概况】 文字。\n\n【参政议政】 文字。\n\n## 区政协\n\n【概况】 文字。\n\n【参政议政】 文字。\n\n## 河西区人民政府\n\n【概况】 文字。\n',
    };
    const r = await checkFiles(files);
    const h = headings(buildIndex(r.book!, countingPages()));
    expect(h).toEqual(expect.arrayContaining(['河西区人民政府概况', '区人大常委会概况', '区政协概况', '参政议政']));
    expect(h).not.toContain('概况');
    const custom = await checkFiles({
      ...files,
      'book.yaml': `${VALID_BOOK_YAML}index:\n  generic:\n    form: '{title}（{unit}）'\n    titles: [参政议政]\n    unit_names: { 河西区人民政府: 区政府 }\n`,
    });
    const g = buildIndex(custom.book!, countingPages());
    expect(headings(g)).toEqual(expect.arrayContaining(['概况（区政府）', '概况（区人大常委会）', '参政议政（区政协）']));
    expect(g.flatMap((x) => x.entries).find((e) => e.heading === '概况（区政府）')?.generic).toEqual({ title: '概况', unit: '区政府' });
  });

  test('exclude lists in book.yaml leave titles out', async () => {
    const r = await checkFiles({
      '01-篇.md': '# 篇\n\n## 甲\n\n【概况】 文字。\n\n【工作】 文字。\n',
      'book.yaml': `${VALID_BOOK_YAML}index:\n  exclude: [概况]\n  exclude_patterns: ['^工']\n  levels: [entry]\n`,
    });
    expect(headings(buildIndex(r.book!, countingPages()))).toEqual([]);
  });
});

describe('index readings (project dictionary under book.yaml index_readings)', () => {
  test('polyphonic yearbook terms not in the sample get their letters and order, as entries and as :index terms', async () => {
    const r = await checkFiles({
      '01-篇.md': [
        '# 篇 {index=false}', '', '## 甲 {index=false}', '',
        '【街长制】 文字。', '', '【处长办公会】 文字。', '', '【增量项目】 文字。', '',
        '【招商】 :index[乐清商会]与:index[单县]，:index[分行]和:index[执行]，:index[载体]、:index[行长]。', '',
      ].join('\n'),
    });
    const groups = buildIndex(r.book!, countingPages());
    expect(groups.flatMap((g) => g.entries.map((e) => `${g.letter}:${e.heading}`))).toEqual([
      'C:处长办公会', 'F:分行', 'H:行长', 'J:街长制', 'S:单县', 'Y:乐清商会', 'Z:载体', 'Z:增量项目', 'Z:招商', 'Z:执行',
    ]);
    const reading = (h: string) => groups.flatMap((g) => g.entries).find((e) => e.heading === h)!.key.units.map((u) => `${u.letters}${u.tone}`).join(' ');
    expect(reading('街长制')).toBe('jie1 zhang3 zhi4');
    expect(reading('处长办公会')).toBe('chu4 zhang3 ban4 gong1 hui4');
    expect(reading('分行')).toBe('fen1 hang2');
    expect(reading('执行')).toBe('zhi2 xing2');
    expect(reading('行长')).toBe('hang2 zhang3');
  });

  test('book.yaml index_readings are layered over the project dictionary, word by word, and the dictionary leaks into nothing else', async () => {
    const r = await checkFiles({
      '01-篇.md': '# 篇 {index=false}\n\n## 甲 {index=false}\n\n【河长制】 文字。\n\n【乐清】 文字。\n',
      'book.yaml': `${VALID_BOOK_YAML}index_readings:\n  河长: he2 chang2\n`,
    });
    const groups = buildIndex(r.book!, countingPages());
    const units = (h: string) => groups.flatMap((g) => g.entries).find((e) => e.heading === h)!.key.units.map((u) => u.letters).join(' ');
    expect(units('河长制')).toBe('he chang zhi');
    expect(units('乐清')).toBe('yue qing');
    const { pinyin } = await import('pinyin-pro');
    expect(pinyin('乐清', { toneType: 'none' })).toBe('le qing');
  });

  test('a malformed reading is an error with file:line, in the manuscript and in book.yaml', async () => {
    const r = await checkFiles({
      '01-篇.md': '# 篇\n\n## 甲\n\n【条目】 :index[乐清]{pinyin="yue4qing1"} 与 :index[单县]{pinyin="!shan4 xian4"}。\n',
      'book.yaml': `${VALID_BOOK_YAML}index_readings:\n  乐清: yue4 qing1 shi4\n`,
    });
    expect(r.messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^01-篇\.md 5:\d+ index-reading-invalid/),
      expect.stringMatching(/^book\.yaml 2\d:\d+ config-invalid-value/),
    ]));
    expect(r.messages.filter((m) => m.includes('index-reading-invalid'))).toHaveLength(2);
  });
});

describe('two-level style (R-IDX-7)', () => {
  test('a recurring title becomes one main heading, sorted as the bare title, with its units under it in index order', async () => {
    const r = await checkFiles({
      '01-篇.md': '# 篇 {index=false}\n\n## 区政协\n\n【概况】 文字。\n\n## 区人大常委会\n\n【概况】 文字。\n\n【法治】 文字。\n\n## 河西区人民政府\n\n【概况】 文字。\n',
    });
    const two = twoLevelIndex(buildIndex(r.book!, countingPages()));
    const lines = two.flatMap((g) => g.entries.flatMap((e) => [`${g.letter}:${e.heading}:${e.pages.join(',')}`, ...(e.subentries ?? []).map((s) => `  ${s.heading}:${s.pages.join(',')}`)]));
    expect(lines).toEqual([
      'F:法治:14', 'G:概况:', '  河西区人民政府:16', '  区人大常委会:13', '  区政协:11',
      'H:河西区人民政府:15', 'Q:区人大常委会:12', 'Q:区政协:10',
    ]);
  });
});
