/**
 * A line of text over a line of `---` or `===` is a heading to CommonMark
 * (setext), though a yearbook's headings are written with # (篇、章、分目).
 * Typed so, it is nearly always something else: a rule meant under a
 * paragraph, or front matter (`kind: statistics` between ---) put under the
 * title, which became a chapter in the TOC and the index. It is set as the
 * paragraph it reads as, with a warning.
 */
import type { Paragraph, RootContent } from 'mdast';
import { report, type VFile } from '../diagnostics/index.ts';

/** The root content with each setext heading turned back into a paragraph (reported). */
export function setextAsText(file: VFile, nodes: readonly RootContent[]): RootContent[] {
  const source = String(file.value);
  return nodes.map((node) => {
    const offset = node.position?.start.offset;
    if (node.type !== 'heading' || offset === undefined || source[offset] === '#') return node;
    report(file, node, 'heading-setext', { underline: node.depth === 1 ? '===' : '---' });
    return { type: 'paragraph', children: node.children, position: node.position } satisfies Paragraph;
  });
}
