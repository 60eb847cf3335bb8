/** Text that cannot hold a GFM table is parsed without the table syntax (issue 24): the same trees. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { mayHoldTable, yearbookGfm } from './syntax.ts';

const withTables = unified().use(remarkParse).use(yearbookGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']);
const withoutTables = unified().use(remarkParse).use(yearbookGfm, { tables: false }).use(remarkDirective).use(remarkFrontmatter, ['yaml']);
const tree = (p: typeof withTables, text: string) => JSON.stringify(p.parse(text));

describe('mayHoldTable', () => {
  test('every table micromark finds is in text it says may hold one: pipes, and one-column delimiter rows with a colon', () => {
    for (const text of ['| a |\n| - |', 'a | b\n--|--', 'a\n:-', 'a\n--:', 'a\n :-: ', '> a\n> :--']) {
      expect(tree(withTables, text)).toContain('"type":"table"');
      expect(mayHoldTable(text), text).toBe(true);
    }
  });

  test('dashes alone are a setext underline or a thematic break, not a table', () => {
    for (const text of ['a\n---', 'a\n\n---', '- a\n- b', '甲：乙\n---']) {
      expect(mayHoldTable(text), text).toBe(false);
      expect(tree(withoutTables, text)).toBe(tree(withTables, text));
    }
  });

  test('the sample manuscript: each file without a table gives the same tree without the table syntax', () => {
    const dir = join(import.meta.dirname, '../../manuscript');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.md')), ...readdirSync(join(dir, 'front')).map((f) => `front/${f}`)];
    const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    const without = texts.filter((t) => !mayHoldTable(t));
    expect(without.length).toBe(files.length - 1); // 22-统计资料.md holds the tables
    for (const text of without) expect(tree(withoutTables, text)).toBe(tree(withTables, text));
  });
});
