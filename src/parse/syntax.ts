/**
 * The Markdown a yearbook is written in: CommonMark with GFM tables and
 * footnotes (footnotes are reported as unsupported, not dropped unseen),
 * directives and YAML front matter, with emphasis as CJK text needs it
 * (remark-cjk-friendly: CommonMark does not take `**“提升”**，` after a hanzi
 * for bold, and printed the asterisks). Not the rest of GFM:
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

/** A unified plugin (as remark-gfm is one) adding GFM tables and footnotes (each unless its option is false) to remark-parse. */
export function yearbookGfm(this: Processor, options?: { tables?: boolean; footnotes?: boolean }): void {
  const data = this.data() as SyntaxData;
  const tables = options?.tables !== false;
  const footnotes = options?.footnotes !== false;
  (data.micromarkExtensions ??= []).push(...(tables ? [gfmTable()] : []), ...(footnotes ? [gfmFootnote()] : []));
  (data.fromMarkdownExtensions ??= []).push(...(tables ? [gfmTableFromMarkdown()] : []), ...(footnotes ? [gfmFootnoteFromMarkdown()] : []));
}

/**
 * Whether a text may hold a GFM table. A table's delimiter row has a `|`,
 * or, in a table of one column, a colon (`:--`, `--:`; micromark-extension-
 * gfm-table takes a row of dashes alone for a thematic break or a setext
 * underline). Without one, text is parsed without the table syntax, which
 * otherwise reads the first line of every paragraph as a possible table head,
 * character by character: 24 of the sample's 25 files have no table.
 */
export const mayHoldTable = (text: string): boolean => text.includes('|') || /^[ \t>]*(?::-+:?|-+:)[ \t]*$/m.test(text);

/**
 * Whether a text may hold a GFM footnote: a call `[^1]` and a definition
 * `[^1]: …` both begin with `[^`, and micromark-extension-gfm-footnote
 * acts on nothing else (an escape or a character reference cannot make
 * one). Without it, text is parsed without the footnote syntax, which
 * otherwise looks at every `[` and `]`: the sample has no footnote.
 */
export const mayHoldFootnote = (text: string): boolean => text.includes('[^');
