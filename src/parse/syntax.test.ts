/** Text that cannot hold a GFM table is parsed without the table syntax (issue 24): the same trees. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { mayHoldFootnote, mayHoldTable, yearbookGfm } from './syntax.ts';

const withTables = unified().use(remarkParse).use(yearbookGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']);
const withoutTables = unified().use(remarkParse).use(yearbookGfm, { tables: false }).use(remarkDirective).use(remarkFrontmatter, ['yaml']);
const withoutFootnotes = unified().use(remarkParse).use(yearbookGfm, { footnotes: false }).use(remarkDirective).use(remarkFrontmatter, ['yaml']);
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

/** Text that cannot hold a GFM footnote is parsed without the footnote syntax (issue 24): the same trees. */
describe('mayHoldFootnote', () => {
  test('every footnote call and definition micromark finds is in text it says may hold one', () => {
    for (const text of ['正文[^1]。\n\n[^1]: 注文', '[^a]: 只有定义', '甲[^注]乙\n\n[^注]: 丙', '> 引文[^1]\n>\n> [^1]: 注']) {
      expect(tree(withTables, text)).toMatch(/"type":"footnote(Reference|Definition)"/);
      expect(mayHoldFootnote(text), text).toBe(true);
    }
  });

  test('brackets, links and references without [^ give the same tree without the footnote syntax', () => {
    for (const text of ['[甲] 乙', '[链接](http://a.cn) 和 [ref]\n\n[ref]: http://b.cn', '^1] 与 [ ^1]', '〔？〕[1]', '\\[^1]']) {
      expect(mayHoldFootnote(text), text).toBe(text.includes('[^'));
      if (!mayHoldFootnote(text)) expect(tree(withoutFootnotes, text)).toBe(tree(withTables, text));
    }
  });

  test('the sample manuscript has no footnote: every file gives the same tree without the footnote syntax', () => {
    const dir = join(import.meta.dirname, '../../manuscript');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.md')), ...readdirSync(join(dir, 'front')).map((f) => `front/${f}`)];
    const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(texts.filter(mayHoldFootnote)).toEqual([]);
    for (const text of texts) expect(tree(withoutFootnotes, text)).toBe(tree(withTables, text));
  });

  test('the footnotes fixture holds them, and is parsed with them', () => {
    const dir = join(import.meta.dirname, '../../test/fixtures/footnotes');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const withNotes = texts.filter((t) => tree(withTables, t).includes('"type":"footnoteReference"'));
    expect(withNotes.length).toBeGreaterThan(0);
    for (const text of withNotes) expect(mayHoldFootnote(text)).toBe(true);
  });
});
