/**
 * Each construct of the manuscript format (docs/manuscript-format.md) with a
 * small fixture, through the real io → parse path.
 */
import { describe, expect, test } from 'vitest';
import { checkFiles, jpeg } from '../../test/helpers/manuscript.ts';
import { inlineText, type Chapter, type Entry, type Paragraph } from '../model/index.ts';

const part = (body: string, front = '') => ({ '01-篇.md': `${front}# 区情概览\n\n${body}\n` });

describe('manuscript constructs', () => {
  test('parts, chapters, sections and 【】 entries with their following paragraphs', async () => {
    const r = await checkFiles(part('## 综述\n\n【概况】 河西区位于\n天津市区东南部。\n\n第二段。\n\n### 分目\n\n【二】 文字。'));
    expect(r.ruleIds).toEqual([]);
    const ch = r.book!.parts[0]!.chapters[0]!;
    const e = ch.children[0] as Entry;
    expect(e.title).toBe('概况');
    expect(inlineText(e.lead)).toBe('河西区位于天津市区东南部。');
    expect(e.blocks).toHaveLength(1);
    expect(ch.children[1]).toMatchObject({ type: 'section', title: '分目', level: 3 });
    expect(e.source.position?.start.line).toBe(5);
  });

  test('a credit line closes the entries above it', async () => {
    const r = await checkFiles(part('## 组织工作\n\n【概况】 文字。\n\n（区委组织部提供）'));
    const ch = r.book!.parts[0]!.chapters[0]!;
    expect(ch.children[1]).toMatchObject({ type: 'credit', text: '区委组织部提供' });
  });

  test('figures: plain Markdown image with credit, and the ::figure directive with options', async () => {
    const r = await checkFiles({
      ...part('## 综述\n\n![5月19日，中国旅游日活动现场](photos/a.jpg "区文旅局提供")\n\n::figure[图注]{src="photos/a.jpg" credit="某某摄" width="page" place="top"}'),
      'photos/a.jpg': await jpeg(),
    });
    expect(r.ruleIds).toEqual([]);
    const [a, b] = r.book!.parts[0]!.chapters[0]!.children;
    expect(a).toMatchObject({ type: 'figure', src: 'photos/a.jpg', credit: '区文旅局提供', width: 'column' });
    expect(b).toMatchObject({ type: 'figure', credit: '某某摄', width: 'page', placement: 'top' });
  });

  test('galleries (彩页) with a group title', async () => {
    const r = await checkFiles({
      'front/01-彩页.md': '---\nkind: galleries\n---\n\n# 彩页\n\n:::gallery{title="城市建设"}\n\n![甲](photos/a.jpg "甲提供")\n\n![乙](photos/a.jpg "乙提供")\n\n:::\n',
      ...part('## 综述\n\n正文。'),
      'photos/a.jpg': await jpeg(),
    });
    expect(r.ruleIds).toEqual([]);
    expect(r.book!.front[0]!.blocks[0]).toMatchObject({ type: 'gallery', title: '城市建设' });
    expect(r.stats.galleries).toBe(1);
    expect(r.stats.figures).toBe(2);
  });

  test('bold and emphasis beside Chinese punctuation are bold and emphasis, not asterisks printed (remark-cjk-friendly)', async () => {
    const r = await checkFiles(part('## 综述\n\n【概况】 持续改造供热管网**“提升城市精细化管理水平”**，全年*完成*改造。'));
    const e = r.book!.parts[0]!.chapters[0]!.children[0] as Entry;
    expect(inlineText(e.lead)).toBe('持续改造供热管网“提升城市精细化管理水平”，全年完成改造。');
    expect(e.lead.map((i) => i.type)).toEqual(['text', 'strong', 'text', 'emphasis', 'text']);
  });

  test('R-NORM-1: a colon typed in a time, a ratio or a Latin run is text, not a directive (micromark-extension-directive reads :30 as one); beside hanzi it becomes ：', async () => {
    const r = await checkFiles(part('## 上午10:30开会\n\n【时间】 上午10:30召开会议，比例3:2，网址abc:def，会议:开始。\n\n| 时间 | 事项 |\n| --- | --- |\n| 9:00 | 开会 |'));
    expect(r.ruleIds.filter((id) => id !== 'normalize-punctuation' && id !== 'table-caption-missing')).toEqual([]);
    const ch = r.book!.parts[0]!.chapters[0]!;
    expect(ch.title).toBe('上午10:30开会');
    const e = ch.children[0] as Entry;
    expect(inlineText(e.lead)).toBe('上午10:30召开会议，比例3:2，网址abc:def，会议：开始。');
    expect(JSON.stringify(e.blocks)).toContain('"9:00"');
  });

  test('a range written with ~ keeps its tildes; a web address and [ ] stay as typed (syntax.ts: no GFM strikethrough, autolinks or task lists)', async () => {
    const text = '全年1~3月和5~6月共举办活动，详见www.tjhx.gov.cn。';
    const r = await checkFiles(part(`## 综述\n\n${text}\n\n- [ ] 待办`));
    expect(r.ruleIds).toEqual(['normalize-space']); // the space after [ ], before a hanzi
    const [p, list] = r.book!.parts[0]!.chapters[0]!.children as [Paragraph, { type: 'list'; items: Paragraph[][] }];
    expect(inlineText(p.children)).toBe(text);
    expect(inlineText(list.items[0]![0]!.children)).toBe('[ ]待办');
  });

  test('tables with a ::caption, alignment and inline cells', async () => {
    const r = await checkFiles(part('## 附表\n\n::caption[2023年学校名录]\n\n| 校名 | 学生数 |\n| --- | ---: |\n| 台湾路小学 | 858 |'));
    expect(r.ruleIds).toEqual([]);
    const t = r.book!.parts[0]!.chapters[0]!.children[0];
    expect(t).toMatchObject({ type: 'table', align: [null, 'right'] });
    expect(t?.type === 'table' && inlineText(t.caption!)).toBe('2023年学校名录');
  });

  test('index terms with an optional reading and a separate sort term', async () => {
    const r = await checkFiles(part('## 综述\n\n【长护险】 推进:index[长护险]{pinyin="chang2 hu4 xian3"}和:index[行业]{term="行业协会"}。'));
    expect(r.ruleIds).toEqual([]);
    const e = r.book!.parts[0]!.chapters[0]!.children[0] as Entry;
    expect(e.lead.filter((i) => i.type === 'indexTerm')).toMatchObject([
      { text: '长护险', term: '长护险', reading: 'chang2 hu4 xian3' },
      { text: '行业', term: '行业协会' },
    ]);
    expect(r.stats.indexTerms).toBe(2);
  });

  test('articles: title, subtitle, dateline and byline with the author’s office', async () => {
    const r = await checkFiles(part('## 工作报告\n\n::subtitle[——在第四次会议上]\n\n::dateline[2024年1月16日]\n\n::byline[王润生]{office="政协主席"}\n\n各位委员：', '---\nkind: articles\n---\n\n'));
    expect(r.ruleIds).toEqual([]);
    expect((r.book!.parts[0]!.chapters[0] as Chapter).article).toEqual({
      subtitle: '——在第四次会议上', dateline: '2024年1月16日', author: '王润生', office: '政协主席',
    });
  });

  test('大事记: month headings and date run-ins', async () => {
    const r = await checkFiles(part('## 1月\n\n6日　河西区召开全会。\n\n同日　签署协议。', '---\nkind: chronicle\n---\n\n'));
    expect(r.ruleIds).toEqual([]);
    expect(r.book!.parts[0]!.chapters[0]!.children).toMatchObject([
      { type: 'chronicleItem', date: '6日' }, { type: 'chronicleItem', date: '同日' },
    ]);
  });

  test('name lists (名录)', async () => {
    const r = await checkFiles(part('## 博士后人员名单\n\n:::names\n龚科家 董悦\n:::'));
    expect(r.book!.parts[0]!.chapters[0]!.children[0]).toMatchObject({ type: 'nameList', names: ['龚科家', '董悦'] });
  });

  test('ordered by file name; a source newline between hanzi is no space', async () => {
    const r = await checkFiles({ '02-乙.md': '# 乙篇\n\n## 章\n\n正文。', '01-甲.md': '# 甲篇\n\n## 章\n\n河西\n区。' });
    expect(r.book!.parts.map((p) => p.title)).toEqual(['甲篇', '乙篇']);
    expect(inlineText((r.book!.parts[0]!.chapters[0]!.children[0] as Paragraph).children)).toBe('河西区。');
  });
});
