/**
 * What a watch session keeps between builds, for any stage: values by key,
 * in two generations. A build starts a generation; what the build before it
 * did not use is dropped, so a long session does not grow. Counters say how
 * much was reused, for the rebuild's report line and the tests.
 */
export class SessionCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  hits = 0;
  misses = 0;

  startBuild(): void {
    this.previous = this.current;
    this.current = new Map();
    this.hits = 0;
    this.misses = 0;
  }

  /** Keeps `key`'s value for this build without using it (its user was itself reused whole). */
  keep(key: string): void {
    const kept = this.current.get(key) ?? this.previous.get(key);
    if (kept !== undefined) this.current.set(key, kept);
  }

  /** The kept value for `key` if `isValid` accepts it, else `make()`'s, which is kept. */
  get(key: string, make: () => V, isValid: (v: V) => boolean = () => true): V {
    const kept = this.lookup(key, isValid);
    return kept !== undefined ? kept : this.store(key, make());
  }

  /** The kept value for `key` (counted as reused and kept for the next build), or undefined (counted as made). */
  lookup(key: string, isValid: (v: V) => boolean = () => true): V | undefined {
    const kept = this.current.get(key) ?? this.previous.get(key);
    if (kept === undefined || !isValid(kept)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.current.set(key, kept);
    return kept;
  }

  /** Keeps a value made after a `lookup` found none (values made asynchronously, or in a batch). */
  store(key: string, value: V): V {
    this.current.set(key, value);
    return value;
  }
}
