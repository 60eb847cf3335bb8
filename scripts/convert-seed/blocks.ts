/**
 * Turns the lines of one part of the seed into blocks: headings, paragraphs
 * rejoined across column and page breaks, photos with their credits, and
 * credit lines. Special parts (articles, chronicle, people, statistics) only
 * change which lines count as headings.
 */
import { cleanHeading, cleanParagraph } from './clean-text.ts';

export type Block =
  | { t: 'h'; level: number; text: string }
  | { t: 'p'; raw: string }
  | { t: 'fig'; caption: string; credit: string; line: number }
  | { t: 'credit'; text: string }
  | { t: 'byline'; office?: string; name: string }
  | { t: 'subtitle'; text: string }
  | { t: 'dateline'; text: string }
  | { t: 'names'; names: string[] }
  | { t: 'table'; header: string[]; rows: string[][] }
  | { t: 'md'; text: string };

/** A credit line alone: (区委办公室提供), (王文振), (张瑞伟 王浩). */
export const CREDIT_LINE = /^[(（]([^()（）]{1,40})[)）]?$/;
/** A photo caption's credit at the end of its line. */
const INLINE_PHOTO_CREDIT = /\s*[(（]([^()（）]{2,40}(?:提供|摄|供稿))[)）]?\s*$/;
const SENTENCE_END = /[。！？!?…：:；;]$|[。！？!?][”"）)]$/;

export function isComplete(raw: string): boolean {
  return SENTENCE_END.test(raw.trim());
}

function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}

/** Joins two fragments of one paragraph cut by a column or page break. */
export function joinFragments(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  const needsSpace = /[A-Za-z0-9]$/.test(left) && /^[A-Za-z0-9]/.test(right);
  return left + (needsSpace ? ' ' : '') + right;
}

export function isPhotoCredit(text: string): boolean {
  return /(提供|摄|供稿)$/.test(text.trim());
}

/** Splits a line before every 【 that starts a run-in entry head mid-line. */
export function splitEntries(line: string): string[] {
  return line.split(/(?<=\S)\s*(?=【[^】]{1,80}】)/u).filter((s) => s.trim().length > 0);
}

export interface Caption {
  caption: string;
  credit: string;
}

/**
 * A photo caption: no run-in head, short, no full stop, and a credit either
 * at its end or on the next line.
 */
export function readCaption(line: string, next: string | undefined): Caption | 'needs-credit' | null {
  if (line.startsWith('【') || line.length > 170 || line.includes('。')) return null;
  const inline = INLINE_PHOTO_CREDIT.exec(line);
  if (inline) return { caption: line.slice(0, inline.index).trim(), credit: inline[1]!.trim() };
  const nextCredit = next === undefined ? null : CREDIT_LINE.exec(next.trim());
  if (nextCredit && isPhotoCredit(nextCredit[1]!) && !isComplete(line)) return 'needs-credit';
  return null;
}

/** Body text that the print closes with a paragraph full stop and then the credit: "…。(区委办公室提供)". */
export function splitTrailingCredit(line: string): [string, string] | null {
  const m = /^(.*[。！？])\s*[(（]([^()（）]{2,30})[)）]$/.exec(line);
  return m && hasCjk(m[1]!) ? [m[1]!, m[2]!] : null;
}

/**
 * Accumulates blocks for one part. A paragraph stays open while it does
 * not end a sentence, so a fragment after a break joins it; photos met while
 * a paragraph is open follow that paragraph.
 */
export class BlockBuilder {
  readonly blocks: Block[] = [];
  private openParagraph: { t: 'p'; raw: string } | null = null;
  private heldFigures: Block[] = [];

  heading(level: number, text: string): void {
    this.closeParagraph();
    this.blocks.push({ t: 'h', level, text: cleanHeading(text) });
  }

  push(block: Block): void {
    this.closeParagraph();
    this.blocks.push(block);
  }

  figure(caption: string, credit: string, line: number): void {
    const fig: Block = { t: 'fig', caption, credit, line };
    if (this.openParagraph) this.heldFigures.push(fig);
    else this.blocks.push(fig);
  }

  credit(text: string): void {
    this.closeParagraph();
    this.blocks.push({ t: 'credit', text });
  }

  /** Adds text; `isNewParagraph` forces a break (a run-in head, a date run-in). */
  text(raw: string, isNewParagraph: boolean): void {
    if (this.openParagraph && !isNewParagraph) {
      this.openParagraph.raw = joinFragments(this.openParagraph.raw, raw);
    } else {
      this.closeParagraph();
      this.openParagraph = { t: 'p', raw };
      this.blocks.push(this.openParagraph);
    }
    if (isComplete(this.openParagraph.raw)) this.closeParagraph();
  }

  /** Puts a fragment the extraction moved back at the end of the paragraph it continues. */
  appendToParagraphEndingWith(tail: string, fragment: string): void {
    const target = this.blocks.findLast((x): x is { t: 'p'; raw: string } => x.t === 'p' && x.raw.replace(/\s/g, '').endsWith(tail));
    if (!target) throw new Error(`no paragraph ends with ${tail} for the fragment ${fragment}`);
    target.raw = joinFragments(target.raw, fragment);
  }

  closeParagraph(): void {
    this.openParagraph = null;
    this.blocks.push(...this.heldFigures);
    this.heldFigures = [];
  }
}

/** Cleans the paragraph text of every block once the part is complete. */
export function cleanBlocks(blocks: Block[]): Block[] {
  return blocks.map((b) => {
    if (b.t === 'p') return { t: 'p', raw: cleanParagraph(b.raw) };
    if (b.t === 'fig') return { ...b, caption: cleanParagraph(b.caption), credit: cleanParagraph(b.credit) };
    return b;
  });
}
