/**
 * What a watch session keeps of the manifest between builds: each page's
 * signature (by the Page object, which layout/page-identity.ts hands back
 * unchanged for a page that did not change) and each block's entry, while
 * the block prints the same lines on the same pages. Making the manifest
 * afresh took a tenth of a one-paragraph rebuild's CPU and a fifth of its
 * garbage, hashing 30 000 lines and 356 pages that had not changed.
 */
import type { Page } from '../layout/index.ts';
import { SessionCache } from '../units/index.ts';
import type { ManifestParagraph } from './manifest.ts';

interface KeptBlock {
  lines: ReadonlyArray<string | undefined>;
  pages: readonly string[];
  entry: ManifestParagraph;
}

/** Two arrays with the same items (a line not printed is a hole, which `every` would skip). */
function same<T>(a: ReadonlyArray<T | undefined>, b: ReadonlyArray<T | undefined>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class ManifestMemo {
  private readonly pages = new WeakMap<Page, string>();
  private readonly blocks = new SessionCache<KeptBlock>();

  /** Starts a build: blocks no longer printed are let go after it. */
  startBuild(): void {
    this.blocks.startBuild();
  }

  /** The entry of the block `key`, made by `make` unless it printed these lines on these pages before. */
  paragraph(key: string, lines: ReadonlyArray<string | undefined>, pages: readonly string[], make: () => ManifestParagraph): ManifestParagraph {
    return this.blocks.get(key, () => ({ lines, pages, entry: make() }), (k) => same(k.lines, lines) && same(k.pages, pages)).entry;
  }

  /** `hash(page)`, worked out once for each Page object. */
  page(page: Page, hash: (page: Page) => string): string {
    let known = this.pages.get(page);
    if (known === undefined) this.pages.set(page, (known = hash(page)));
    return known;
  }
}
