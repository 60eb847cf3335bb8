/**
 * Text after an editor's comment on the same line. A line that opens with
 * `<!--` is an HTML block to CommonMark up to the line that closes it, so
 * `<!-- 待核 --> 这一句……` was dropped whole with the comment, though the
 * guide says comments are left out and nothing else. What follows the
 * block's leading comments is read again as Markdown, in place (a comment
 * further on in it is then an inline one, left out as any).
 */
import type { Root, RootContent } from 'mdast';
import type { Point } from '../units/index.ts';
import { place } from './html.ts';
import { opensComment } from './inline.ts';

/** The length of the closed comments (and the white space after them) `html` opens with; 0 when it opens with none closed. */
function leadingComments(html: string): number {
  let i = 0;
  let end = 0;
  for (;;) {
    while (i < html.length && /\s/.test(html[i]!)) i++;
    if (!html.startsWith('<!--', i)) break;
    const close = html.indexOf('-->', i + 4);
    if (close === -1) break;
    i = end = close + 3;
  }
  while (end > 0 && (html[end] === ' ' || html[end] === '\t')) end++;
  return end;
}

/** Where in the file the text at `index` of a block that starts at `start` is. */
function pointAt(text: string, index: number, start: Point): Point {
  const before = text.slice(0, index);
  const lines = before.split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length === 1 ? start.column + index : lines.at(-1)!.length + 1;
  return { line, column, ...(start.offset !== undefined ? { offset: start.offset + index } : {}) };
}

/** The root content with each comment block that has text after its comments replaced by that text read as Markdown. */
export function expandCommentedText(nodes: readonly RootContent[], parse: (text: string) => Root): RootContent[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'html' || !opensComment(node.value) || !node.position) return [node];
    const lead = leadingComments(node.value);
    const rest = node.value.slice(lead);
    if (lead === 0 || rest.trim() === '') return [node];
    const at = pointAt(node.value, lead, node.position.start);
    const read = parse(rest).children.filter((n) => n.type !== 'yaml');
    for (const n of read) place(n, { start: at, end: node.position.end });
    return [{ ...node, value: node.value.slice(0, lead).trimEnd() }, ...read];
  });
}
