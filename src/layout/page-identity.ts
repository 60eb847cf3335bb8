/**
 * A token for what a page shows, so a watch session's PDF renderer can keep
 * the pages it drew: the same draft (a part reused whole), in the same place,
 * with the same running head, folio and proof marks, gets the same token from
 * build to build; anything else gets a new one. Tokens live as long as their
 * drafts, in the session's LayoutCaches (caches.ts); a plain build has none.
 */
import type { PageDraft } from './draft.ts';
import type { Page } from './types.ts';

export class PageIdentities {
  private readonly tokens = new WeakMap<PageDraft, Map<string, object>>();
  private readonly byPage = new WeakMap<Page, object>();

  /** Gives `page`, made from `draft` with the proof marks `marks`, its token. */
  assign(draft: PageDraft, page: Page, marks: string): void {
    let byPlace = this.tokens.get(draft);
    if (!byPlace) this.tokens.set(draft, (byPlace = new Map()));
    const key = [page.index, page.isRecto, page.number, page.folio, page.runningHead, marks].join('\u0000');
    let token = byPlace.get(key);
    if (!token) byPlace.set(key, (token = {}));
    this.byPage.set(page, token);
  }

  /** The token of a page of this session's last layout: the same object means the same page as before. */
  of(page: Page): object | undefined {
    return this.byPage.get(page);
  }
}
