/** HTML blocks in a manuscript (html.ts): read as the Markdown they stand for, never dropped with their text. */
import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';
import { inlineText, type Paragraph, type StatTable } from '../model/index.ts';

const part = (body: string) => ({ '01-篇.md': `# 篇\n\n## 章\n\n${body}\n` });
const blocksOf = (r: Awaited<ReturnType<typeof checkFiles>>) => r.book!.parts[0]!.chapters[0]!.children;
const spans = (t: StatTable) => t.head.map((c) => `${inlineText(c.content)}@${c.row},${c.col} ${c.rowspan}×${c.colspan}`);

/** What pandoc 2.17 (`pandoc t.html -t commonmark`) writes for a table with merged head cells: CommonMark has no tables, so it is HTML. */
const PANDOC_TABLE = [
  '<table data-border="1">', '<caption>2023年河西区财政收支情况（单位：万元）</caption>', '<tbody>',
  '<tr class="odd">', '<td rowspan="2">项目</td>', '<td colspan="2">2023年</td>', '<td rowspan="2">比上年增长</td>', '</tr>',
  '<tr class="even">', '<td>金额</td>', '<td>占比</td>', '</tr>',
  '<tr class="odd">', '<td>一般公共预算收入</td>', '<td>571,800</td>', '<td>64.8%</td>', '<td>13.1%</td>', '</tr>',
  '<tr class="even">', '<td>税收收入</td>', '<td>402,100</td>', '<td>45.6%</td>', '<td>9.8%</td>', '</tr>',
  '</tbody>', '</table>',
].join('\n');

describe('HTML blocks', () => {
  test('a table pandoc wrote as HTML for its merged cells is the format’s table: caption, a head of two rows, numbers flush right', async () => {
    const r = await checkFiles(part(`财政收入情况如下表。\n\n${PANDOC_TABLE}\n\n表中数据为快报数。`));
    const t = blocksOf(r).find((b): b is StatTable => b.type === 'table')!;
    expect(r.messages).toEqual(['01-篇.md 7:1 html-read warning']);
    expect(t.caption && inlineText(t.caption)).toBe('2023年河西区财政收支情况（单位：万元）');
    expect(t.headRows).toBe(2);
    expect(spans(t)).toEqual(['项目@0,0 2×1', '2023年@0,1 1×2', '比上年增长@0,3 2×1', '金额@1,1 1×1', '占比@1,2 1×1']);
    expect(t.rows.map((row) => row.map(inlineText))).toEqual([['一般公共预算收入', '571,800', '64.8%', '13.1%'], ['税收收入', '402,100', '45.6%', '9.8%']]);
    expect(t.align).toEqual([null, 'right', 'right', 'right']);
    // Its cells point at their lines in the file: a problem in one is found there.
    expect(t.source.position?.start.line).toBe(7);
  });

  test('paragraphs and a line break in HTML keep their text; a merged body cell keeps its text in its first slot', async () => {
    const r = await checkFiles(part('<div><p>第一段<br>接续。</p><p>第二段。</p></div>\n\n<table><tr><th>街道</th><th>社区</th></tr><tr><td rowspan="2">下瓦房街道</td><td>甲社区</td></tr><tr><td>乙社区</td></tr></table>'));
    const blocks = blocksOf(r);
    const text = blocks.filter((b): b is Paragraph => b.type === 'paragraph').map((p) => inlineText(p.children));
    expect(text.join('|')).toContain('第二段。');
    expect(text.join('|')).toMatch(/第一段.?接续。/);
    const t = blocks.find((b): b is StatTable => b.type === 'table')!;
    expect(t.headRows).toBe(1);
    expect(t.rows.map((row) => row.map(inlineText))).toEqual([['下瓦房街道', '甲社区'], ['', '乙社区']]);
    expect(r.ruleIds.filter((id) => id === 'html-read')).toHaveLength(2);
  });

  // An inline <br> (how a GFM table breaks a line in a cell) was dropped with raw-html: two phone
  // numbers in a cell were printed as one number of 16 digits, an address ran into its unit.
  test('an inline <br> in a table cell or a paragraph is a line break, not dropped HTML', async () => {
    const r = await checkFiles(part('第一行<br>第二行。\n\n::caption[表]\n\n| 单位 | 电话 |\n| - | -: |\n| 马场街 | 23559435<br/>23559436 |\n| 友谊路街 | 23289915<BR /> |'));
    expect(r.messages).toEqual([]);
    const t = blocksOf(r).find((b): b is StatTable => b.type === 'table')!;
    expect(t.rows[0]![1]!.map((i) => (i.type === 'text' ? i.value : i.type))).toEqual(['23559435', 'break', '23559436']);
    expect(t.rows[1]![1]!.map((i) => i.type)).toEqual(['text', 'break']);
    const paragraph = blocksOf(r).find((b): b is Paragraph => b.type === 'paragraph')!;
    expect(paragraph.children.map((i) => i.type)).toEqual(['text', 'break', 'text']);
  });

  test('HTML with no text (a script) is still dropped with its warning; a comment is no text', async () => {
    const r = await checkFiles(part('<script>alert(1)</script>\n\n<!-- 编者按 -->\n\n正文。'));
    expect(r.messages).toEqual(['01-篇.md 5:1 raw-html warning']);
  });
});
