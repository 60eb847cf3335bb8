/**
 * What a proof prints in its margin besides each entry's place (issue 23):
 * every query (存疑), numbered in reading order, with its file:line and the
 * unit asked; and the warnings that must be acted on where they stand —
 * duplicate entries, entries with no text, figures without a credit.
 * Keyed by the anchor the layout prints them beside.
 */
import type { MarginNote } from '../layout/index.ts';
import { type Block, type Book, type Chapter, type Entry, inlineText, type Query, queriesOf, queriesOfBlock, type Section, walkBook } from '../model/index.ts';

/** "23:120": a part file's number (or its name) and the line. */
export function shortPlace(source: Query['source']): string {
  const file = source.path.replace(/^.*\//, '').replace(/^(\d+)-.*$/, '$1');
  return `${file}:${source.position?.start.line ?? 0}`;
}

/** The queries of the book numbered 1… in reading order. */
export function numberedQueries(book: Book): Array<{ number: number; query: Query }> {
  return queriesOf(book).map((query, i) => ({ number: i + 1, query }));
}

function add(notes: Map<string, MarginNote[]>, id: string, note: MarginNote): void {
  const list = notes.get(id) ?? [];
  list.push(note);
  notes.set(id, list);
}

/** A table's unreadable cells as one note: “存疑12–30 〔？〕19 处 23:12–35 问编辑部”. */
function tableNote(numbers: Map<Query, number>, cells: Query[]): MarginNote {
  const first = numbers.get(cells[0]!)!;
  const last = numbers.get(cells.at(-1)!)!;
  const lastLine = cells.at(-1)!.source.position?.start.line ?? 0;
  const lines = `${shortPlace(cells[0]!.source)}${lastLine !== cells[0]!.source.position?.start.line ? `–${lastLine}` : ''}`;
  return { tone: 'query', text: `存疑${first}${last > first ? `–${last}` : ''}　〔？〕${cells.length} 处　${lines}　问${cells[0]!.to}` };
}

function queryNotes(book: Book, notes: Map<string, MarginNote[]>): void {
  const numbers = new Map(numberedQueries(book).map(({ number, query }) => [query, number]));
  const inTables = new Set<Query>();
  walkBook(book, (n) => {
    if (n.type !== 'table') return;
    const cells = queriesOfBlock(n).filter((q) => q.kind === 'unreadable');
    cells.forEach((q) => inTables.add(q));
    if (cells.length > 0) add(notes, n.id, tableNote(numbers, cells));
  });
  for (const [query, number] of numbers) {
    if (inTables.has(query)) continue;
    add(notes, query.id, { tone: 'query', text: `存疑${number}　${shortPlace(query.source)}　问${query.to}：${query.text}` });
  }
}

/** Entries with the title of one before them in the same chapter or section (as `check` finds them). */
function duplicateNotes(items: ReadonlyArray<Section | Entry | Block>, notes: Map<string, MarginNote[]>): void {
  const seen = new Map<string, Entry>();
  for (const item of items) {
    if (item.type === 'section') duplicateNotes(item.children, notes);
    if (item.type !== 'entry') continue;
    const first = seen.get(item.title);
    if (first) add(notes, item.id, { tone: 'warning', text: `重复条目【${item.title}】，首见 ${shortPlace(first.source)}` });
    else seen.set(item.title, item);
  }
}

function warningNotes(book: Book, notes: Map<string, MarginNote[]>): void {
  for (const part of book.parts) part.chapters.forEach((c: Chapter) => duplicateNotes(c.children, notes));
  walkBook(book, (n) => {
    if (n.type === 'entry' && inlineText(n.lead).trim() === '' && n.blocks.every((b) => b.type === 'query' || b.type === 'note')) {
      add(notes, n.id, { tone: 'warning', text: `条目【${n.title}】没有正文` });
    }
    if (n.type === 'figure' && n.credit === '') add(notes, n.id, { tone: 'warning', text: '图片没有署名（提供单位或摄影者）' });
  });
}

/** The proof's margin notes by anchor: queries first, then warnings. */
export function marginNotes(book: Book): Map<string, MarginNote[]> {
  const notes = new Map<string, MarginNote[]>();
  queryNotes(book, notes);
  warningNotes(book, notes);
  return notes;
}
