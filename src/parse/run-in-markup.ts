/**
 * An entry title or a 大事记 date typed in bold or italics: `**【概况】** 文字`,
 * `【**概况**】 文字`, `**6日**　会议` (Word's bold titles, pasted or converted),
 * or broken by a line break inside its brackets (`【概况<br>续题】`).
 * The run-in was looked for in the paragraph's first text node only, so these
 * were set as plain paragraphs of the entry before: the entry silently gone
 * from the TOC and the index, its text run into another entry's. The title is
 * printed bold anyway, so the marks are taken off and the paragraph read again.
 */
import type { Paragraph as MdParagraph, PhrasingContent, Text } from 'mdast';
import { isLineBreak } from './inline.ts';

/** The text of an emphasis or strong holding only text (nested ones too), '' for a line break; undefined for anything else. */
function plainText(node: PhrasingContent): string | undefined {
  if (node.type === 'text') return node.value;
  // 【概况<br>续题】 or a backslash at a line's end inside the brackets: a title is one line, the break a slip.
  if (node.type === 'break' || (node.type === 'html' && isLineBreak(node.value))) return '';
  if (node.type !== 'strong' && node.type !== 'emphasis') return undefined;
  const parts = node.children.map(plainText);
  return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
}

/**
 * `node` with its leading bold or italic runs and the text right after them
 * made one text node, when that text opens as `opens` says (a 【标题】 or a
 * date run-in); else undefined. The merged node spans its pieces' source, so
 * a message inside it points at its line (its column may be off by the marks).
 */
export function withoutRunInMarkup(node: MdParagraph, opens: (text: string) => boolean): MdParagraph | undefined {
  const first = node.children[0];
  // A run-in typed plain is read as it is (structure.ts); marks after it are the text's own.
  if (!first || first.type === 'text' && (!first.value.startsWith('【') || opens(first.value))) return undefined;
  let value = '';
  let count = 0;
  let marked = false;
  for (const child of node.children) {
    const text = plainText(child);
    if (text === undefined) break;
    value += text;
    count++;
    if (child.type !== 'text') marked = true;
    else if (marked) break; // the text after the marks: its run-in ends here at the latest
  }
  if (!marked || !opens(value)) return undefined;
  const last = node.children[count - 1]!;
  const merged: Text = { type: 'text', value, ...(first.position && last.position ? { position: { start: first.position.start, end: last.position.end } } : {}) };
  return { ...node, children: [merged, ...node.children.slice(count)] };
}
