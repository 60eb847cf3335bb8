import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import type { Inline, StatTable } from '../../model/index.ts';
import { blocks } from './content.ts';

const text = (value: string): Inline[] => (value ? [{ type: 'text', value } as Inline] : []);
const tableOf = (rows: string[][]): StatTable => ({
  type: 'table', id: 't', align: rows[0]!.map(() => null), columns: rows[0]!.length, headRows: 1, head: [], rows: rows.map((r) => r.map(text)),
  source: { path: 'a.md', position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } },
}) as StatTable;

test('the EPUB stands a column as print does: a column of numbers with a 〔？〕 and no alignment given is right-aligned, every cell', () => {
  const t = tableOf([['3,046', '张庆起'], ['〔？〕', '94'], ['12.5%', '李红阳']]);
  const html = toHtml(blocks({ imageHref: (src) => src }, [t]));
  expect(html.match(/<td class="align-right">/g)).toHaveLength(3);
  expect(html).toContain('<td>94</td>');
});
