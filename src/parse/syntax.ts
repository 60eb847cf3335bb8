/**
 * The Markdown a yearbook is written in: CommonMark with GFM tables and
 * footnotes (footnotes are reported as unsupported, not dropped unseen),
 * directives and YAML front matter. Not the rest of GFM:
 * - strikethrough: GFM reads `1~3月和5~6月` as struck-out text, and its
 *   tildes vanish; a yearbook writes ranges with ~ and never strikes out;
 * - autolink literals: a web address is printed as text either way, and
 *   looking for them at every character was a sixth of all parsing;
 * - task lists: `[ ]` stays what the editor typed.
 */
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

interface SyntaxData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/** A unified plugin (as remark-gfm is one) adding GFM tables and footnotes to remark-parse. */
export function yearbookGfm(this: Processor): void {
  const data = this.data() as SyntaxData;
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}
