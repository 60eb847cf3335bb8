/**
 * A token for what a page shows, so a watch session's PDF renderer can keep
 * the pages it drew: the same draft (a part reused whole), in the same place,
 * with the same running head, folio and proof marks, gets the same token from
 * build to build; anything else gets a new one. Tokens live as long as their
 * drafts.
 */
import type { PageDraft } from './draft.ts';
import type { Page } from './types.ts';

const tokens = new WeakMap<PageDraft, Map<string, object>>();

export function pageIdentity(draft: PageDraft, page: Omit<Page, 'items' | 'identity'>, marks: string): object {
  let byPlace = tokens.get(draft);
  if (!byPlace) tokens.set(draft, (byPlace = new Map()));
  const key = [page.index, page.isRecto, page.number, page.folio, page.runningHead, marks].join('\u0000');
  let token = byPlace.get(key);
  if (!token) byPlace.set(key, (token = {}));
  return token;
}
