/**
 * What a watch session keeps of the manifest between builds: each page's
 * signature (by the Page object, which layout/page-identity.ts hands back
 * unchanged for a page that did not change) and the hash of each text (a
 * printed line, a block), so a rebuild hashes only what is new. Making the
 * manifest afresh took a tenth of a one-paragraph rebuild's CPU, hashing
 * 30 000 lines and 356 pages that had not changed.
 */
import { SessionCache } from '../units/index.ts';
import type { Page } from '../layout/index.ts';

export class ManifestMemo {
  private readonly pages = new WeakMap<Page, string>();
  private readonly texts = new SessionCache<string>();

  /** Starts a build: hashes of texts no longer printed are let go after it. */
  startBuild(): void {
    this.texts.startBuild();
  }

  /** `hash(text)`, worked out once a session. */
  text(text: string, hash: (text: string) => string): string {
    return this.texts.get(text, () => hash(text));
  }

  /** `hash(page)`, worked out once for each Page object. */
  page(page: Page, hash: (page: Page) => string): string {
    let known = this.pages.get(page);
    if (known === undefined) this.pages.set(page, (known = hash(page)));
    return known;
  }
}
