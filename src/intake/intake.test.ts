/** Units of the intake stage: merged cells in tables, and heading levels under --part. */
import { describe, expect, test } from 'vitest';
import { NoteList } from './notes.ts';
import type { Cell } from './pieces.ts';
import { tableNode } from './table.ts';
import { htmlToPieces } from './pieces.ts';
import { structure } from './structure.ts';
import { toManuscript } from './markdown.ts';

const cell = (text: string, rowspan = 1, colspan = 1): Cell => ({ text, rowspan, colspan, header: false, para: 0 });
const texts = ({ table: t }: ReturnType<typeof tableNode>) => t.children.map((r) => r.children.map((c) => (c.children[0]?.type === 'text' ? c.children[0].value : '')));

describe('tables with merged cells', () => {
  test('a body cell merged down keeps its text in its first row, leaves the rows below empty, and is reported by place', () => {
    const notes = new NoteList('t.docx');
    const table = tableNode({
      rows: [[cell('街道'), cell('社区'), cell('户数')], [cell('马场街', 2), cell('友谊'), cell('1,200')], [cell('围堤'), cell('980')]],
      place: (r, c) => `R${r + 1}C${c + 1}`,
    }, notes);
    expect(texts(table)).toEqual([['街道', '社区', '户数'], ['马场街', '友谊', '1,200'], ['', '围堤', '980']]);
    expect(table.table.align).toEqual([null, null, 'right']);
    expect(notes.notes.map((n) => `${n.place} ${n.kind} ${n.severity}`)).toEqual(['R2C1 merged-cell warning']);
  });

  test('three header levels become a three-row head: < for a slot merged with its left, ^ for one merged with the cell above', () => {
    const notes = new NoteList('t.xlsx');
    const table = tableNode({
      rows: [
        [cell('项目', 3), cell('2023年', 1, 4)],
        [cell('上半年', 1, 2), cell('下半年', 1, 2)],
        [cell('金额'), cell('增长'), cell('金额'), cell('增长')],
        [cell('收入'), cell('1'), cell('2%'), cell('3'), cell('4%')],
      ],
      place: () => '',
    }, notes);
    expect(table.headRows).toBe(3);
    expect(texts(table).slice(0, 3)).toEqual([
      ['项目', '2023年', '<', '<', '<'],
      ['^', '上半年', '<', '下半年', '<'],
      ['^', '金额', '增长', '金额', '增长'],
    ]);
    expect(texts(table).slice(3)).toEqual([['收入', '1', '2%', '3', '4%']]);
    expect(notes.notes.map((n) => n.kind)).toEqual(['merged-header']);
  });
});

describe('structure under --part', () => {
  const html = '<h1>\uE0001\uE001区委组织部</h1><h2>\uE0002\uE001综述</h2><p>\uE0003\uE001【概况】内设科室8个。</p>';
  test('alone, the one top heading is the part title; under --part it is a chapter, the levels below follow', () => {
    const alone = structure({ pieces: htmlToPieces(html, new NoteList('a')), notes: new NoteList('a'), fallbackTitle: 'a', underPart: false, placeholders: [] });
    expect(alone.partTitle).toBe('区委组织部');
    expect(toManuscript(alone.content)).toBe('## 综述\n\n【概况】内设科室8个。\n');
    const under = structure({ pieces: htmlToPieces(html, new NoteList('a')), notes: new NoteList('a'), fallbackTitle: 'a', underPart: true, placeholders: [] });
    expect(under.partTitle).toBeUndefined();
    expect(toManuscript(under.content)).toBe('## 区委组织部\n\n### 综述\n\n【概况】内设科室8个。\n');
  });
});

describe('nothing mammoth read is lost', () => {
  const mark = (n: number) => `\uE000${n}\uE001`;
  test('text outside any paragraph is kept as a paragraph and reported by its paragraph number', () => {
    const notes = new NoteList('a');
    const pieces = htmlToPieces(`<p>${mark(1)}第一段。</p><div>${mark(2)}孤立的文字</div>`, notes);
    expect(pieces.map((p) => p.kind)).toEqual(['para', 'para']);
    expect(notes.notes.map((n) => `${n.place} ${n.kind} ${n.severity}`)).toEqual(['第 2 段 text-unplaced warning']);
  });

  test('list items, nested ones one depth down, counted within their list', () => {
    const pieces = htmlToPieces(`<ol><li>${mark(1)}甲<ol><li>${mark(2)}乙</li></ol></li><li>${mark(3)}丙</li></ol><ul><li>${mark(4)}丁</li></ul>`, new NoteList('a'));
    expect(pieces.map((p) => (p.kind === 'item' ? `${p.ordered ? 'ol' : 'ul'}${p.list}:${p.depth}:${p.index}:${p.para}` : p.kind))).toEqual(['ol1:0:1:1', 'ol2:1:1:2', 'ol1:0:2:3', 'ul3:0:1:4']);
  });
});

describe('strange characters', () => {
  test('a yearbook text has none; random code points are mostly strange', async () => {
    const { strangeShare } = await import('./damaged.ts');
    expect(strangeShare('【概况】2023年，河西区GDP增长5.1%（见表1）；“十四五”规划——稳步推进。')).toBe(0);
    const random = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(0x100 + ((i * 7919) % 0xfe00))).join('');
    expect(strangeShare(random)).toBeGreaterThan(0.2);
  });
});
