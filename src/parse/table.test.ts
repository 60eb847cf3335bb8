/** Multi-level table heads: `::caption[…]{header=N}` and the `<` / `^` merge marks. */
import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../test/helpers/manuscript.ts';
import { inlineText, type StatTable } from '../model/index.ts';

const part = (body: string) => ({ '01-篇.md': `# 篇\n\n## 章\n\n${body}\n` });
const tableOf = (r: Awaited<ReturnType<typeof checkFiles>>) => r.book!.parts[0]!.chapters[0]!.children.find((b): b is StatTable => b.type === 'table')!;
const spans = (t: StatTable) => t.head.map((c) => `${inlineText(c.content)}@${c.row},${c.col} ${c.rowspan}×${c.colspan}`);

describe('table heads with merged cells', () => {
  test('header=2: a cell over two columns (<) above two sub-heads, cells spanning both rows (^)', async () => {
    const r = await checkFiles(part([
      '::caption[财政收支情况（单位：万元）]{header=2}', '',
      '| 项目 | 2023年 | < | 比上年增长 |', '| --- | ---: | ---: | ---: |', '| ^ | 金额 | 占比 | ^^ |', '| 一般公共预算收入 | 571,800 | 64.8% | 13.1% |',
    ].join('\n')));
    const t = tableOf(r);
    expect(r.ruleIds).toEqual([]);
    expect(t.headRows).toBe(2);
    expect(t.columns).toBe(4);
    expect(spans(t)).toEqual(['项目@0,0 2×1', '2023年@0,1 1×2', '比上年增长@0,3 2×1', '金额@1,1 1×1', '占比@1,2 1×1']);
    expect(t.rows.map((row) => row.map(inlineText))).toEqual([['一般公共预算收入', '571,800', '64.8%', '13.1%']]);
  });

  test('three levels, and a 2×2 area spelt with < and ^', async () => {
    const r = await checkFiles(part([
      '::caption[表]{header=3}', '',
      '| 项目 | < | 2023年 | < | < | < |', '| - | - | - | - | - | - |', '| ^ | ^ | 上半年 | < | 下半年 | < |', '| ^ | ^ | 金额 | 增长 | 金额 | 增长 |', '| 收入 | 合计 | 1 | 2% | 3 | 4% |',
    ].join('\n')));
    expect(r.ruleIds).toEqual([]);
    expect(spans(tableOf(r))).toEqual(['项目@0,0 3×2', '2023年@0,2 1×4', '上半年@1,2 1×2', '下半年@1,4 1×2', '金额@2,2 1×1', '增长@2,3 1×1', '金额@2,4 1×1', '增长@2,5 1×1']);
  });

  test('without header=, a plain GFM table has a one-row head; marks in the body are text', async () => {
    const r = await checkFiles(part('::caption[表]\n\n| a | b |\n| - | - |\n| ^ | < |'));
    const t = tableOf(r);
    expect(t.headRows).toBe(1);
    expect(spans(t)).toEqual(['a@0,0 1×1', 'b@0,1 1×1']);
    expect(t.rows[0]!.map(inlineText)).toEqual(['^', '<']);
  });

  test('a mark with nothing to merge with, or one that breaks a rectangle, is kept as text and reported; a bad header= is reported', async () => {
    const r = await checkFiles(part('::caption[表]{header=2}\n\n| < | A | < |\n| - | - | - |\n| x | ^ | B |\n| 1 | 2 | 3 |'));
    expect(r.messages.filter((m) => m.includes('table-merge-invalid'))).toEqual(['01-篇.md 7:1 table-merge-invalid warning', '01-篇.md 9:1 table-merge-invalid warning']);
    expect(spans(tableOf(r))).toEqual(['<@0,0 1×1', 'A@0,1 2×2', 'x@1,0 1×1']);
    const bad = await checkFiles(part('::caption[表]{header=5}\n\n| a |\n| - |\n| 1 |'));
    expect(bad.ruleIds).toEqual(['directive-attribute-invalid']);
    expect(tableOf(bad).headRows).toBe(1);
  });
});

test('a ragged row is made whole as its warning says: short cells empty, cells over joined into the last (the PDF lost them, the EPUB gave them columns of their own)', async () => {
  const r = await checkFiles(part('::caption[表]\n\n| 一 | 二 |\n| --- | --- |\n| A1 | A2 | EXTRA3 | EXTRA4 |\n| B1 |'));
  expect(r.ruleIds.filter((id) => id === 'table-ragged')).toHaveLength(2);
  expect(tableOf(r).rows.map((row) => row.map((cell) => inlineText(cell)))).toEqual([['A1', 'A2 EXTRA3 EXTRA4'], ['B1', '']]);
});
