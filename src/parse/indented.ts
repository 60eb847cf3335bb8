/**
 * Text indented by a tab or four spaces, as Word pastes it, is an
 * “indented code block” to CommonMark: the entry it holds vanished from the
 * book (877 → 876 entries when one paragraph of the sample was indented).
 * A yearbook has no code, so such a block is read again as Markdown, in
 * place, and its entries, headings and paragraphs are set as if typed
 * without the indent.
 */
import type { Node, Root, RootContent } from 'mdast';
import { report, type VFile } from '../diagnostics/index.ts';
import type { Point } from '../units/index.ts';
import { FENCE } from './as-text.ts';

/** Characters micromark strips from a line of an indented block: up to 4 columns of spaces and tabs. */
function strippedChars(line: string): number {
  let columns = 0;
  let i = 0;
  while (i < line.length && columns < 4 && (line[i] === ' ' || line[i] === '\t')) {
    columns = line[i] === '\t' ? columns + 4 - (columns % 4) : columns + 1;
    i++;
  }
  return i;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Moves every position in `node` from the block's own text to the file's. */
function shift(node: Node, source: string, starts: number[], lineOffset: number): void {
  const move = (p: Point): Point => {
    const line = p.line + lineOffset;
    const lineStart = starts[line - 1] ?? source.length;
    const column = p.column + strippedChars(source.slice(lineStart, lineStart + 8));
    return { line, column, offset: lineStart + column - 1 };
  };
  if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
  for (const child of (node as { children?: Node[] }).children ?? []) shift(child, source, starts, lineOffset);
}

/** The root content with each indented code block replaced by its text read as Markdown. */
export function expandIndented(file: VFile, nodes: readonly RootContent[], parse: (text: string) => Root): RootContent[] {
  const source = String(file.value);
  let starts: number[] | undefined;
  return nodes.flatMap((node) => {
    const start = node.position?.start;
    if (node.type !== 'code' || start?.offset === undefined || FENCE.test(source.slice(start.offset, start.offset + 12))) return [node];
    report(file, node, 'indented-as-text');
    starts ??= lineStarts(source);
    const tree = parse(node.value);
    for (const child of tree.children) shift(child, source, starts, start.line - 1);
    return tree.children.filter((n) => n.type !== 'yaml');
  });
}
