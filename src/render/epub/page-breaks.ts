/**
 * Print page markers inside the EPUB's text (issue 19, EPUB 3 page-list):
 * a page that begins inside a paragraph gets its marker at the very
 * character the print page begins with, as the layout counted it (spaces
 * not counted, since the composer sets them anew).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';

/** A print page that begins `offset` counted characters into a block's text. */
export interface PageBreak {
  offset: number;
  label: string;
}

export const pageBreakId = (label: string) => `page-${label}`;

const marker = (label: string): Element =>
  h('span', { id: pageBreakId(label), 'epub:type': 'pagebreak', role: 'doc-pagebreak', 'aria-label': label });

/** `content` with each page's marker set before its character; a marker past the end goes at the end. */
export function withPageBreaks(content: ElementContent[], breaks: readonly PageBreak[] | undefined): ElementContent[] {
  if (!breaks?.length) return content;
  const pending = [...breaks].sort((a, b) => a.offset - b.offset);
  let counted = 0;
  const visit = (nodes: ElementContent[]): ElementContent[] => nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') return [{ ...node, children: visit(node.children) }];
    if (node.type !== 'text') return [node];
    const out: ElementContent[] = [];
    let from = 0;
    const chars = [...node.value];
    let at = 0;
    for (const c of chars) {
      if (!/\s/.test(c)) {
        while (pending.length && pending[0]!.offset <= counted) {
          if (at > from) out.push({ type: 'text', value: chars.slice(from, at).join('') });
          from = at;
          out.push(marker(pending.shift()!.label));
        }
        counted++;
      }
      at++;
    }
    if (from < chars.length) out.push({ type: 'text', value: chars.slice(from).join('') });
    return out;
  });
  const marked = visit(content);
  return [...marked, ...pending.map((b) => marker(b.label))];
}
