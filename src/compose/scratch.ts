/**
 * Working memory that composing a paragraph takes over from the paragraph
 * before. A typed array of a paragraph's size lives outside the JS heap, and
 * making one costs several µs (calloc, and the collector's bookkeeping of it
 * until it is freed): the three made for every paragraph (the line metrics,
 * the breaker's table and its gap flags) were a sixth of composing. What is
 * read from them is valid only while one paragraph is composed: nothing that
 * outlives it (its lines, a paragraph's other settings) is kept in them.
 */
import type { PunctuationStyle } from '../cjk/index.ts';
import type { FontProvider, FontStyle } from '../font/index.ts';
import type { Unit } from './types.ts';

/** Doubles in one slab of kept glyph positions: 256 kB, a few dozen paragraphs. */
const SLAB_LENGTH = 1 << 15;

export class Scratch {
  private readonly floatSets: Float64Array[][] = [];
  private readonly byteSets: Uint8Array[][] = [];
  private slab = new Float64Array(0);
  private slabUsed = 0;

  /**
   * `count` buffers of at least `length` doubles each, for one use (`which`:
   * the metrics 0, the breaker's table 1) at a time; their contents are left
   * over. Whole buffers, not views of one cut to the paragraph's size: a
   * view costs a fifth of a µs to make, and a paragraph took fifteen.
   */
  floatSet(which: 0 | 1, count: number, length: number): readonly Float64Array[] {
    const had = this.floatSets[which];
    if (had && had.length >= count && had[0]!.length >= length) return had;
    const size = Math.max(length, 2 * (had?.[0]?.length ?? 256));
    return (this.floatSets[which] = Array.from({ length: count }, () => new Float64Array(size)));
  }

  /** As floatSet, of bytes (the breaker's gap flags). */
  byteSet(count: number, length: number): readonly Uint8Array[] {
    const had = this.byteSets[0];
    if (had && had.length >= count && had[0]!.length >= length) return had;
    const size = Math.max(length, 2 * (had?.[0]?.length ?? 256));
    return (this.byteSets[0] = Array.from({ length: count }, () => new Uint8Array(size)));
  }

  /**
   * `length` doubles that are never handed out again: a paragraph's glyph
   * positions, which its lines keep (views of a slab shared with the
   * paragraphs composed before and after it, as a typed array of their own
   * cost as much to make as the scratch above).
   */
  kept(length: number): Float64Array {
    if (this.slabUsed + length > this.slab.length) {
      this.slab = new Float64Array(Math.max(length, SLAB_LENGTH));
      this.slabUsed = 0;
    }
    return this.slab.subarray(this.slabUsed, (this.slabUsed += length));
  }
}

/**
 * What composing a book's paragraphs carries from one to the next: the
 * scratch above and the shared units (build-units.ts), both valid for one
 * font provider only. Whoever composes a book's paragraphs makes one with its
 * provider and passes it in the options (layout: the build's context), so
 * that no state is kept by the module; a paragraph composed without one (a
 * test) gets a fresh one.
 */
export class ComposeWorkspace {
  readonly scratch = new Scratch();
  /** Shared units by punctuation style and font style, then by character. */
  readonly sharedUnits = new Map<string, UnitsByCode>();
  /** The same, by the style object a run names (styles are values, never changed). */
  readonly sharedUnitsOfStyle = new WeakMap<FontStyle, { punctuation: PunctuationStyle; units: UnitsByCode }>();

  constructor(readonly fonts: FontProvider) {}
}

/** The options' workspace when it serves their fonts, otherwise a new one (it would hold another provider's glyphs). */
export function workspaceOf(opts: { fonts: FontProvider; workspace?: ComposeWorkspace }): ComposeWorkspace {
  return opts.workspace?.fonts === opts.fonts ? opts.workspace : new ComposeWorkspace(opts.fonts);
}

/**
 * Units by UTF-16 code, in pages of 256 codes: two array reads instead of a
 * Map's hashing, asked once for every character of the book (a Map lookup
 * was a sixth of building units).
 */
export class UnitsByCode {
  private readonly pages = new Array<Array<Unit | undefined> | undefined>(256).fill(undefined);

  get(code: number): Unit | undefined {
    return this.pages[code >> 8]?.[code & 0xff];
  }

  set(code: number, unit: Unit): void {
    let page = this.pages[code >> 8];
    if (!page) {
      // Filled, so that the page stays a packed array: a hole read is slower.
      this.pages[code >> 8] = page = new Array<Unit | undefined>(256).fill(undefined);
    }
    page[code & 0xff] = unit;
  }
}
