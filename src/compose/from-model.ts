/**
 * Book model → paragraph inputs for the composer: entries with their
 * run-in heads (R-HEAD-4), paragraphs, 大事记 date run-ins, credit lines.
 */
import type { FontStyle } from '../font/index.ts';
import { type ChronicleItem, type Credit, type Entry, type Inline, type Paragraph } from '../model/index.ts';
import type { ParagraphInput, Run } from './types.ts';

export const BODY: FontStyle = { role: 'body', bold: false };
export const BODY_BOLD: FontStyle = { role: 'body', bold: true };
/** Run-in heads (【条目】, 大事记 dates) are set in 黑体 at body size (R-YB-3, R-HEAD-4). */
export const RUN_IN_HEAD: FontStyle = { role: 'heading', bold: false };
/** Emphasis in Chinese text is set in 楷体 (the caption role), not slanted. */
export const EMPHASIS: FontStyle = { role: 'caption', bold: false };

/** R-PAR-1: every paragraph's first line is indented 2 em. */
export const PARAGRAPH_INDENT_EM = 2;
/** R-HEAD-4: a run-in head is followed by a 1-em space. */
export const RUN_IN_GAP_EM = 1;

export function inlineRuns(inlines: readonly Inline[], style: FontStyle = BODY): Run[] {
  return inlines.flatMap((n): Run[] => {
    switch (n.type) {
      case 'text': return n.value ? [{ kind: 'text', text: n.value, style, source: n.source, ...(n.lineStarts ? { lineStarts: n.lineStarts } : {}) }] : [];
      case 'strong': return inlineRuns(n.children, { ...style, bold: true });
      case 'emphasis': return inlineRuns(n.children, EMPHASIS);
      case 'indexTerm': return [{ kind: 'text', text: n.text, style, source: n.source, anchor: n.id, marksEnd: true }];
      case 'break': return [{ kind: 'break' }];
      case 'note': return [];
      // A question prints nothing, an unreadable item its 〔？〕; either is marked for a proof's margin.
      case 'query': return n.printed ? [{ kind: 'text', text: n.printed, style, source: n.source, anchor: n.id }] : [{ kind: 'mark', id: n.id }];
      // The note's mark in the text; the note itself is set at the column's foot (layout/footnotes.ts).
      case 'noteRef': return [{ kind: 'text', text: n.mark, style, source: n.source, anchor: n.id, superscript: true }];
    }
  });
}

function withRunIn(head: string, anchor: string | undefined, source: Entry['source'], body: Run[]): ParagraphInput {
  const headRun: Run = { kind: 'text', text: head, style: RUN_IN_HEAD, source, wordsWhole: true, ...(anchor ? { anchor } : {}) };
  const rest = body.length > 0 ? [{ kind: 'space', widthEm: RUN_IN_GAP_EM } as const, ...body] : [];
  return { runs: [headRun, ...rest], indentEm: PARAGRAPH_INDENT_EM, align: 'justify' };
}

/** 【标题】 + 1 em + the entry's first paragraph. */
export function entryParagraph(entry: Entry): ParagraphInput {
  return withRunIn(`【${entry.title}】`, entry.id, entry.source, inlineRuns(entry.lead));
}

export function chronicleParagraph(item: ChronicleItem): ParagraphInput {
  return withRunIn(item.date, undefined, item.source, inlineRuns(item.children));
}

export function bodyParagraph(p: Paragraph): ParagraphInput {
  return { runs: inlineRuns(p.children), indentEm: PARAGRAPH_INDENT_EM, align: 'justify' };
}

/** R-YB-4: the credit line stands flush right. Set as a ragged line here; layout aligns it. */
export function creditParagraph(c: Credit): ParagraphInput {
  return { runs: [{ kind: 'text', text: `（${c.text}）`, style: BODY, source: c.source }], indentEm: 0, align: 'end' };
}
