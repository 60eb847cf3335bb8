/**
 * An HTML block in a manuscript is read as the Markdown it stands for, in
 * place. Such blocks come from converters, not from editors: pandoc writes a
 * Word table whose cells are merged as an HTML <table> (GFM has no merged
 * cells), and text pasted from a web page comes as <p>…</p>. Dropped with a
 * warning, a statistics table vanished from the book. A table becomes the
 * format's table (span-grid.ts: merged head cells as a head of several rows,
 * a <caption> as its `::caption`), the rest what hast-util-to-mdast makes of
 * it (paragraphs, lists, images). A warning at the block asks the editor to
 * check it; a block with no text (a <script>, an empty <div>) stays HTML and
 * is dropped with its own warning (blocks.ts).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Html, Node, RootContent, Table } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { report, type VFile } from '../diagnostics/index.ts';
import type { Point, Position } from '../units/index.ts';
import { opensComment } from './inline.ts';
import { htmlDepth, MAX_HTML_NESTING } from './limits.ts';
import { type SpanCell, spannedTable } from './span-grid.ts';

/** What a table read from HTML says of its head: how many rows it has (a caption's `header=` says so in Markdown). */
export interface HtmlTableData {
  headRows?: number;
}

const isElement = (n: HastContent | ElementContent): n is Element => n.type === 'element';
/** Not a type guard: a node that is not this tag may still be an element. */
const isTag = (n: HastContent | ElementContent, tag: string): boolean => isElement(n) && n.tagName === tag;
const hasTable = (e: Element): boolean => e.children.some((c) => isElement(c) && (c.tagName === 'table' || hasTable(c)));

/** A cell's text on one line: its paragraphs joined by a space, runs of spaces one space. */
const cellText = (cell: Element) => toText(cell).split('\n').map((line) => line.trim()).filter(Boolean).join(' ').replace(/[ \t]+/g, ' ');

/** The rows of an HTML table in reading order (its thead, tbody and tfoot as they stand), its cells with their spans. */
function rowsOf(table: Element): SpanCell[][] {
  const rows: SpanCell[][] = [];
  const visit = (e: Element) => {
    for (const c of e.children) {
      if (isElement(c) && c.tagName === 'tr') {
        rows.push(c.children.filter((td): td is Element => isElement(td) && (td.tagName === 'td' || td.tagName === 'th')).map((td) => ({
          text: cellText(td), colspan: Math.max(1, Number(td.properties.colSpan ?? 1) || 1), rowspan: Math.max(1, Number(td.properties.rowSpan ?? 1) || 1), header: td.tagName === 'th',
        })));
      } else if (isElement(c) && c.tagName !== 'table' && c.tagName !== 'caption') visit(c);
    }
  };
  visit(table);
  return rows.filter((r) => r.length > 0);
}

/** An HTML table → its `::caption` (from <caption>) and the format's table, its head's rows in the node's data. */
function tableContent(table: Element): RootContent[] {
  const rows = rowsOf(table);
  if (rows.length === 0) return [];
  const { table: node, headRows } = spannedTable(rows);
  const data: HtmlTableData = { headRows };
  const out: RootContent[] = [{ ...node, data } as Table];
  const caption = table.children.find((c): c is Element => isTag(c, 'caption'));
  const title = caption ? cellText(caption) : '';
  if (title) out.unshift({ type: 'leafDirective', name: 'caption', attributes: {}, children: [{ type: 'text', value: title }] } satisfies LeafDirective);
  return out;
}

/** HTML content as Markdown: tables by tableContent, the rest (runs of it together) by hast-util-to-mdast. */
function contentOf(nodes: HastContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: HastContent[] = [];
  const flush = () => {
    if (run.length > 0) out.push(...(toMdast({ type: 'root', children: run } as HastRoot) as { children: RootContent[] }).children);
    run = [];
  };
  for (const n of nodes) {
    if (isElement(n) && n.tagName === 'table') {
      flush();
      out.push(...tableContent(n));
    } else if (isElement(n) && hasTable(n)) {
      flush();
      out.push(...contentOf(n.children));
    } else run.push(n);
  }
  flush();
  return out;
}

/** `p` of the block's own text moved to the file: lines below its first keep their columns. */
function moved(p: Point, at: Point): Point {
  return { line: at.line + p.line - 1, column: p.line === 1 ? at.column + p.column - 1 : p.column, ...(at.offset !== undefined && p.offset !== undefined ? { offset: at.offset + p.offset } : {}) };
}

/** Gives every node the place of its text in the file, or the block's place where it has none of its own (a cell made from spans). */
export function place(node: Node, block: Position): void {
  node.position = node.position ? { start: moved(node.position.start, block.start), end: moved(node.position.end, block.start) } : block;
  for (const child of (node as { children?: Node[] }).children ?? []) place(child, block);
}

const hasText = (nodes: RootContent[]): boolean => nodes.some((n) => n.type !== 'html' && ('value' in n && String(n.value).trim() !== '') || ('children' in n && hasText(n.children as RootContent[])));

/** The root content with each HTML block that holds text replaced by the Markdown it stands for. */
export function expandHtml(file: VFile, nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node) => {
    // A comment, closed or not, is left to blocks.ts: it drops it, or says it is unclosed.
    if (node.type !== 'html' || opensComment(node.value) || !node.position) return [node];
    const depth = htmlDepth(node.value);
    if (depth > MAX_HTML_NESTING) {
      report(file, node, 'html-too-deep', { depth, limit: MAX_HTML_NESTING });
      return [];
    }
    const read = contentOf(fromHtml(node.value, { fragment: true }).children);
    if (!hasText(read)) return [node];
    for (const n of read) place(n, node.position);
    const tables = read.filter((n) => n.type === 'table').length;
    report(file, node as Html, 'html-read', { tables });
    return read;
  });
}
