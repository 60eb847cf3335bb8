/**
 * Queries (存疑) and editors' notes in the manuscript (issue 23): `:q[…]{to=…}`,
 * `:::query`, the 〔？〕 mark, and `:note` / `:::note`, which are never printed.
 */
import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';
import { type Entry, inlineText, queriesOf } from '../model/index.ts';

const part = (body: string) => ({ '01-篇.md': `# 区情概览\n\n## 综述\n\n${body}\n` });

describe('queries and notes', () => {
  test('an inline :q, a :::query block and each 〔？〕 are queries with their line and unit', async () => {
    const r = await checkFiles(part([
      '【人口】 全区常住人口:q[2023年末数是否已由统计局核定？]{to="区统计局"}82.7万人。',
      '',
      ':::query{to="区教育局"}',
      '学校数请核对。',
      ':::',
      '',
      '| 校名 | 班数 |',
      '| --- | --- |',
      '| 一中 | 〔？〕 |',
    ].join('\n')));
    expect(r.ruleIds).toEqual(['table-caption-missing']);
    const qs = queriesOf(r.book!);
    expect(qs.map((q) => [q.kind, q.to, q.source.position?.start.line, q.text])).toEqual([
      ['question', '区统计局', 5, '2023年末数是否已由统计局核定？'],
      ['question', '区教育局', 7, '学校数请核对。'],
      ['unreadable', '编辑部', 13, '原稿此处无法辨认'],
    ]);
    // The question prints nothing; the unreadable mark prints as typed.
    const entry = r.book!.parts[0]!.chapters[0]!.children[0] as Entry;
    expect(inlineText(entry.lead)).toBe('全区常住人口82.7万人。');
  });

  test('editors\' notes are kept in the model, never printed, never queries', async () => {
    const r = await checkFiles(part('【概况】 文字:note[据区政府办2024年3月来函]。\n\n:::note\n此条待主编审定。\n:::'));
    expect(r.ruleIds).toEqual([]);
    const entry = r.book!.parts[0]!.chapters[0]!.children[0] as Entry;
    expect(inlineText(entry.lead)).toBe('文字。');
    expect(entry.blocks).toMatchObject([{ type: 'note', text: '此条待主编审定。' }]);
    expect(queriesOf(r.book!)).toEqual([]);
  });

  test('an empty query and a misspelt attribute are errors at their line', async () => {
    const r = await checkFiles(part('【概况】 文字:q[]{to="区统计局"}。\n\n:::query{too="区统计局"}\n问题。\n:::'));
    expect(r.messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^01-篇\.md 5:\d+ query-empty error$/),
      expect.stringMatching(/^01-篇\.md 7:1 directive-attribute-unknown error$/),
    ]));
  });
});
