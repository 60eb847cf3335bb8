/** Entry titles and 大事记 dates typed in bold or italics (run-in-markup.ts). */
import { expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';
import { type Chapter, inlineText } from '../model/index.ts';

const entries = (blocks: Chapter['children']) => blocks.flatMap((b) => (b.type === 'entry' ? [`${b.title}|${inlineText(b.lead)}`] : []));

// Each of these was a plain paragraph of the entry before it: gone from the TOC and the index, no message.
test('【标题】 in bold or italics, inside or outside the brackets, is an entry; marks after a plain title are the text’s own', async () => {
  const r = await checkFiles({
    '01-篇.md': '# 篇\n\n## 章\n\n**【加粗外】** 文字一。\n\n【**加粗内**】 文字二。\n\n*【斜体】*文字三。\n\n【普通】 正文**重点**文字。\n\n**不是条目**的段落。\n',
  });
  const chapter = r.book!.parts[0]!.chapters[0]!;
  expect(entries(chapter.children)).toEqual(['加粗外|文字一。', '加粗内|文字二。', '斜体|文字三。', '普通|正文重点文字。']);
  expect(r.messages).toEqual(['01-篇.md 5:1 run-in-markup info', '01-篇.md 7:1 run-in-markup info', '01-篇.md 9:1 run-in-markup info']);
  // The last paragraph is the entry 普通's, as typed.
  const last = chapter.children.at(-1)!;
  expect(last.type === 'entry' && last.blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.type))).toEqual(['不是条目的段落。']);
});

test('a bold date in a 大事记 is a dated item', async () => {
  const r = await checkFiles({ '01-大事记.md': '---\nkind: chronicle\n---\n# 大事记\n\n## 1月\n\n**6日**　河西区召开全会。\n\n**同日**　另一会议。\n' });
  const month = r.book!.parts[0]!.chapters[0]!;
  expect(month.children.map((b) => (b.type === 'chronicleItem' ? `${b.date}|${inlineText(b.children)}` : b.type))).toEqual(['6日|河西区召开全会。', '同日|另一会议。']);
  expect(r.ruleIds).toEqual(['run-in-markup', 'run-in-markup']);
});

test('a line break inside 【…】 (<br>, or a backslash at the line end) is joined: the paragraph is its entry', async () => {
  const r = await checkFiles({ '01-篇.md': '# 篇\n\n## 章\n\n【概况<br>续题】 文字一。\n\n【标题\\\n接上】 文字二。\n\n【普通】 正文<br>换行。\n' });
  const chapter = r.book!.parts[0]!.chapters[0]!;
  expect(entries(chapter.children).map((e) => e.split('|')[0])).toEqual(['概况续题', '标题接上', '普通']);
  expect(r.messages).toEqual(['01-篇.md 5:1 run-in-markup info', '01-篇.md 7:1 run-in-markup info']);
});
