/**
 * mdast → the manuscript's Markdown, by mdast-util-to-markdown with the
 * format's extensions (directives, GFM tables), as remark-stringify does.
 */
import type { Root, RootContent } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';

/** Markdown for `content`, headed by `# partTitle` when given. */
export function toManuscript(content: RootContent[], partTitle?: string): string {
  const root: Root = {
    type: 'root',
    children: [...(partTitle ? [{ type: 'heading', depth: 1, children: [{ type: 'text', value: partTitle }] } as RootContent] : []), ...content],
  };
  return toMarkdown(root, { extensions: [directiveToMarkdown(), gfmTableToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '*', strong: '*' });
}
