/**
 * Nothing typed is dropped silently (issue 16): what each form the parser
 * used to lose becomes in the book model.
 */
import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';
import { type Block, inlineText, type Paragraph } from '../model/index.ts';
import { prefixDepth } from './limits.ts';

const part = (body: string) => ({ '01-篇.md': `# 篇\n\n## 章\n\n${body}\n` });
const text = (b: Block | undefined): string => (b?.type === 'paragraph' ? inlineText(b.children) : '');

describe('forms that used to vanish', () => {
  test('an entry indented by a tab is an entry, at its own line and column', async () => {
    const r = await checkFiles(part('【甲】 文字。\n\n\t【乙】 缩进的条目。\n\n【丙】 文字。'));
    expect(r.stats.entries).toBe(3);
    const entry = r.book!.parts[0]!.chapters[0]!.children[1]!;
    expect(entry).toMatchObject({ type: 'entry', title: '乙', source: { position: { start: { line: 7, column: 2 } } } });
    expect(r.messages).toEqual(['01-篇.md 7:1 indented-as-text info']);
  });

  test(':::names{title} sets its title above the names', async () => {
    const r = await checkFiles(part(':::names{title="区政协委员"}\n张三 李四\n:::'));
    const [title, names] = r.book!.parts[0]!.chapters[0]!.children;
    expect(title?.type === 'paragraph' && inlineText(title.children)).toBe('区政协委员');
    expect(names).toMatchObject({ type: 'nameList', names: ['张三', '李四'] });
  });

  test('a footnote travels with its reference, numbered ①② in its chapter; one never referenced is set as text and reported', async () => {
    const r = await checkFiles(part('【甲】 正文[^a]，又一处[^b]。\n\n[^b]: 注二。\n\n[^a]: 注文。\n\n[^x]: 无人引用。'));
    const entry = r.book!.parts[0]!.chapters[0]!.children[0]!;
    const refs = entry.type === 'entry' ? entry.lead.filter((n) => n.type === 'noteRef') : [];
    expect(refs.map((n) => [n.number, inlineText(n.note)])).toEqual([[1, '注文。'], [2, '注二。']]);
    expect(entry.type === 'entry' && entry.blocks.map(text)).toEqual(['[x] 无人引用。']);
    expect(r.ruleIds).toEqual(['footnote-as-text']);
  });

  test('a nested list keeps every item', async () => {
    const r = await checkFiles(part('- 一\n  - 二\n    1. 三'));
    const list = r.book!.parts[0]!.chapters[0]!.children[0]!;
    expect(list.type === 'list' && list.items[0]!.map((p: Paragraph) => inlineText(p.children))).toEqual(['一', '二', '1.三']);
  });

  test('a list in the front matter becomes paragraphs the PDF sets', async () => {
    const r = await checkFiles({ ...part('【甲】 文字。'), 'front/01-说明.md': '# 说明\n\n1. 第一条\n2. 第二条\n' });
    expect(r.book!.front[0]!.blocks.map(text)).toEqual(['1.第一条', '2.第二条']);
  });

  test('a misspelt attribute names the one it was meant to be', async () => {
    const r = await checkFiles(part('【甲】 :index[供热]{piyin="gong1 re4"}。'));
    expect(r.messages).toEqual(['01-篇.md 5:5 directive-attribute-unknown error']);
    expect(r.files.find((f) => f.basename === '01-篇.md')!.messages[0]!.reason).toContain('是否应为“pinyin”');
  });
});

describe('nesting is measured from line prefixes, before micromark', () => {
  test.each([
    ['正文', 0], ['- 项', 1], ['> 引文', 1], ['> - 项', 2], ['  - 项', 2], ['1. 项', 1], ['    缩进的正文', 0], ['**粗体**', 0], ['2024. 年', 1],
  ])('%s → %i', (line, depth) => expect(prefixDepth(line)).toBe(depth));
});

describe('what a paragraph never prints is not printed where text is set plain either', () => {
  test('an editor\'s comment in a heading, a byline, names or a credit line is left out', async () => {
    const r = await checkFiles({
      ...part('::byline[王某<!-- 待核 -->]{office="主任"}\n\n### 分目<!-- 待核 -->\n\n【乙】 文字。\n\n:::names\n张三<!-- 待核 --> 李四\n:::\n\n（区委办<!-- 待核 -->提供）'),
    });
    const chapter = r.book!.parts[0]!.chapters[0]!;
    expect(chapter.article?.author).toBe('王某');
    const section = chapter.children.find((c) => c.type === 'section');
    expect(section?.type === 'section' && section.title).toBe('分目');
    const all = JSON.stringify(chapter);
    expect(all).not.toContain('待核');
    expect(all).toContain('"names":["张三","李四"]');
    expect(all).toContain('"text":"区委办提供"');
    expect(r.ruleIds).toEqual([]);
  });

  test('a query in a heading is an error at it, not printed in the heading, the TOC and the running heads', async () => {
    const r = await checkFiles(part('### 分目:q[是否准确]{to="区统计局"}\n\n【乙】 文字。'));
    expect(r.messages).toEqual(['01-篇.md 5:7 directive-misplaced error']);
    expect(JSON.stringify(r.book!.parts[0]!.chapters[0]!.children[0])).not.toContain('是否准确');
  });
});
