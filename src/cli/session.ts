/**
 * What `watch` and `preview` keep between builds: the fonts, and each
 * stage's cache (image probes, parsed files, composed paragraphs, laid-out
 * parts, deflated pages and font subsets); for the preview also the last
 * edit and what the last build made.
 */
import type { SourcePlace } from '../build/index.ts';
import { countMessages, type VFile } from '../diagnostics/index.ts';
import { fontsChanged, type LoadedFonts } from '../io/index.ts';
import { newCaches, type SessionCaches } from '../pipeline/index.ts';
import type { EditTracker } from './last-edit.ts';

/** What the last build made, for the preview. */
export interface Built {
  title: string;
  /** The PDF on disk: this build's, or the last good one when this build failed. */
  pdf?: string;
  wrotePdf: boolean;
  report?: string;
  pages?: number;
  errors: number;
  warnings: number;
  edit?: SourcePlace;
  /** 0-based page that prints the edit, and its page number (i, ii… or 1, 2…). */
  editPage?: number;
  editFolio?: string;
}

/** What a build keeps for the next; a plain `build` keeps nothing. */
export interface Session {
  fonts?: Promise<LoadedFonts>;
  caches?: SessionCaches;
  /** The preview's: where the last edit was, and what the build made. */
  edits?: EditTracker;
  last?: Built;
}

/**
 * Forgets the session's fonts when a file they came from changed since they
 * were loaded (a fonts.yaml edited, a font file replaced) or when they could
 * not be loaded (a fonts.yaml being mended), so the next build loads them
 * again; the composed caches go too, as their lines were set in the old fonts.
 */
export async function refreshFonts(session: Session): Promise<void> {
  if (!session.fonts) return;
  const loaded = await session.fonts.catch(() => undefined);
  if (loaded && !fontsChanged(loaded)) return;
  delete session.fonts;
  if (session.caches) session.caches = newCaches();
}

/** Keeps what a build made for the preview (only in a preview session). */
export function remember(session: Session, files: VFile[], built: Omit<Built, 'errors' | 'warnings'>): void {
  if (!session.edits) return;
  const c = countMessages(files);
  session.last = { ...built, errors: c.fatal + c.error, warnings: c.warning };
}

export { newCaches };
export { reuseLine, type SessionCaches } from '../pipeline/index.ts';
