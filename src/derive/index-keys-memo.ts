/**
 * The index headings' readings kept by a watch session: reading a heading
 * (pinyin-pro in context, then the single characters it guessed) took a
 * tenth of a one-paragraph rebuild's CPU for the sample's 968 headings,
 * though an edit changes one or none. A heading is read again only when it
 * is new or the book's readings (book.yaml index_readings) changed.
 */
import type { IndexKey, ReadingDictionary } from '../cjk/index.ts';
import { SessionCache } from '../units/index.ts';

/** A heading's sort key and the polyphones read on their own. */
export interface HeadingReading {
  key: IndexKey;
  guesses: Array<{ char: string; reading: string }>;
}

type Heading = { heading: string; reading?: string };

export class IndexKeyMemo {
  private readonly headings = new SessionCache<HeadingReading>();
  private dictionary = '';

  /** What `read` gives for each of `items`, reading only those not read before with this dictionary. */
  read(items: readonly Heading[], dictionary: ReadingDictionary, read: (items: readonly Heading[]) => HeadingReading[]): HeadingReading[] {
    const words = JSON.stringify(dictionary.words);
    if (words !== this.dictionary) {
      this.headings.startBuild();
      this.headings.startBuild(); // both generations gone: read with the old readings
      this.dictionary = words;
    }
    this.headings.startBuild();
    const keyOf = (i: Heading) => `${i.heading}\u0000${i.reading ?? '\u0001'}`;
    const found = items.map((i) => this.headings.lookup(keyOf(i)));
    const missing = items.filter((_, k) => found[k] === undefined);
    const fresh = missing.length > 0 ? read(missing) : [];
    let next = 0;
    return items.map((i, k) => found[k] ?? this.headings.store(keyOf(i), fresh[next++]!));
  }
}
