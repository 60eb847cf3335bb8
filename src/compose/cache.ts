/**
 * Composed paragraphs kept between builds of one session (watch), keyed by
 * everything composition reads: the paragraph's runs with their sources, the
 * size, the measure and the book's punctuation rules. The fonts are the
 * session's, so they are not part of the key. Entries not used by a build are
 * dropped after the next one, so a long session does not grow.
 */
import type { ComposedParagraph, ComposeOptions, ParagraphInput } from './types.ts';

export interface CacheCounters {
  hits: number;
  misses: number;
}

export class CompositionCache {
  private current = new Map<string, ComposedParagraph>();
  private previous = new Map<string, ComposedParagraph>();
  counters: CacheCounters = { hits: 0, misses: 0 };

  /** Starts a build: what the last build did not use is forgotten, and the counters restart. */
  startBuild(): void {
    this.previous = this.current;
    this.current = new Map();
    this.counters = { hits: 0, misses: 0 };
  }

  /** The cached composition of `input`, or `compose()`'s, which is then kept. Lines are never mutated by layout. */
  compose(input: ParagraphInput, options: ComposeOptions, compose: () => ComposedParagraph): ComposedParagraph {
    const key = JSON.stringify([input, options.fontSizePt, options.measurePt, options.punctuation, options.kinsoku]);
    const found = this.current.get(key) ?? this.previous.get(key);
    if (found) this.counters.hits++;
    else this.counters.misses++;
    const composed = found ?? compose();
    this.current.set(key, composed);
    return composed;
  }
}
