/**
 * Composed paragraphs kept between builds of one session (watch), keyed by
 * everything composition reads: the paragraph's runs with their sources, the
 * size, the measure and the book's punctuation rules. The fonts are the
 * session's, so they are not part of the key. Entries not used by a build are
 * dropped after the next one, so a long session does not grow.
 */
import { SessionCache } from '../units/index.ts';
import type { ComposedParagraph, ComposeOptions, ParagraphInput } from './types.ts';

export interface CacheCounters {
  hits: number;
  misses: number;
}

export class CompositionCache {
  private cache = new SessionCache<ComposedParagraph>();
  private recording: string[][] = [];

  /** Starts a build: what the last build did not use is forgotten, and the counters restart. */
  startBuild(): void {
    this.cache.startBuild();
  }

  get counters(): CacheCounters {
    return { hits: this.cache.hits, misses: this.cache.misses };
  }

  /** The cached composition of `input`, or `compose()`'s, which is then kept. Lines are never mutated by layout. */
  compose(input: ParagraphInput, options: ComposeOptions, compose: () => ComposedParagraph): ComposedParagraph {
    const key = JSON.stringify([input, options.fontSizePt, options.measurePt, options.punctuation, options.kinsoku]);
    for (const keys of this.recording) keys.push(key);
    return this.cache.get(key, compose);
  }

  /** Runs `f` and returns the keys of the compositions it used, so that a whole part reused later can keep them. */
  recordKeys<T>(f: () => T): { value: T; keys: string[] } {
    const keys: string[] = [];
    this.recording.push(keys);
    try {
      return { value: f(), keys };
    } finally {
      this.recording.pop();
    }
  }

  /** Keeps compositions for this build that a reused part would have used: an edit there later composes only what changed. */
  keep(keys: readonly string[]): void {
    for (const key of keys) this.cache.keep(key);
  }
}
