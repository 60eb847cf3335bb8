/**
 * Markdown a yearbook has no place for — code blocks, footnotes, link
 * definitions, headings inside quotes — is set as the text the editor typed,
 * with a message, never dropped (issue 16, “nothing typed is dropped
 * silently”).
 */
import type { Code, FootnoteDefinition, Heading, RootContent } from 'mdast';
import { report } from '../diagnostics/index.ts';
import type { Block, Inline, Paragraph } from '../model/index.ts';
import type { Point } from '../units/index.ts';
import { toInlines } from './inline.ts';
import { type ParseState, sourceOf } from './state.ts';

/** Paragraphs of `text` (blank lines part them), read as if typed at `start`. */
export function textParagraphs(state: ParseState, text: string, start: Point | undefined): Paragraph[] {
  const out: Paragraph[] = [];
  let line = start?.line ?? 1;
  for (const chunk of text.split(/\n[ \t]*\n/)) {
    const position = { start: { line, column: 1 }, end: { line: line + chunk.split('\n').length - 1, column: 1 } };
    line = position.end.line + 2;
    if (chunk.trim() === '') continue;
    const children = toInlines(state, [{ type: 'text', value: chunk.trim(), position }]);
    out.push({ type: 'paragraph', children, source: state.source({ position }) });
  }
  return out;
}

export const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** True when the fenced block's last line closes it (micromark runs an unclosed one to the end of its container). */
function isClosed(source: string, fence: string): boolean {
  const lines = source.split('\n');
  if (lines.length < 2) return false;
  const last = lines.at(-1)!.trim();
  return last.length >= fence.length && [...last].every((c) => c === fence[0]);
}

/** A code block: its lines as paragraphs; an unclosed fence is an error at its line. */
export function codeAsText(state: ParseState, node: Code): Block[] {
  const fence = FENCE.exec(sourceOf(state, node))?.[1];
  if (!fence) report(state.file, node, 'indented-as-text');
  else if (!isClosed(sourceOf(state, node), fence)) report(state.file, node, 'code-fence-unclosed');
  else report(state.file, node, 'code-as-text');
  const start = node.position?.start;
  return textParagraphs(state, node.value, start && fence ? { ...start, line: start.line + 1 } : start);
}

/** [^1]: 注文 → a paragraph “[1] 注文” where it stands. */
export function footnoteAsText(state: ParseState, node: FootnoteDefinition, toBlocks: (nodes: readonly RootContent[]) => Block[]): Block[] {
  const label = node.label ?? node.identifier;
  // A note whose marks all stand where no note is set is reported at them (footnote-misplaced), not as unreferenced.
  if (![...state.noteless.keys()].some((r) => r.identifier === node.identifier)) report(state.file, node, 'footnote-as-text', { label });
  const mark: Inline = { type: 'text', value: `[${label}] `, source: state.source(node) };
  const blocks = toBlocks(node.children);
  const first = blocks[0];
  if (first?.type === 'paragraph') return [{ ...first, children: [mark, ...first.children] }, ...blocks.slice(1)];
  return [{ type: 'paragraph', children: [mark], source: state.source(node) }, ...blocks];
}

/** A heading where no part, chapter or section can start: a paragraph of its words. */
export function headingAsText(state: ParseState, node: Heading): Block[] {
  report(state.file, node, 'heading-as-text');
  return [{ type: 'paragraph', children: [{ type: 'strong', children: toInlines(state, node.children), source: state.source(node) }], source: state.source(node) }];
}

/** Anything else (a link definition `[注]: 见上`, …): its source as a paragraph. */
export function sourceAsText(state: ParseState, node: RootContent): Block[] {
  report(state.file, node, 'unsupported-markdown', { type: node.type });
  return textParagraphs(state, sourceOf(state, node), node.position?.start);
}
