/**
 * What `watch` and `preview` keep between builds: the fonts, and each
 * stage's cache (image probes, parsed files, composed paragraphs, laid-out
 * parts, deflated pages and font subsets); for the preview also the last
 * edit and what the last build made.
 */
import type { SourcePlace } from '../build/index.ts';
import { CompositionCache } from '../compose/index.ts';
import { countMessages, type VFile } from '../diagnostics/index.ts';
import { ImageProbeCache, type LoadedFonts } from '../io/index.ts';
import { PartLayoutCache } from '../layout/index.ts';
import { ParseCache } from '../parse/index.ts';
import { RenderCache } from '../render/index.ts';
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

export interface SessionCaches {
  images: ImageProbeCache;
  parse: ParseCache;
  composition: CompositionCache;
  parts: PartLayoutCache;
  render: RenderCache;
}

/** What a build keeps for the next; a plain `build` keeps nothing. */
export interface Session {
  fonts?: Promise<LoadedFonts>;
  caches?: SessionCaches;
  /** The preview's: where the last edit was, and what the build made. */
  edits?: EditTracker;
  last?: Built;
}

export function newCaches(): SessionCaches {
  return { images: new ImageProbeCache(), parse: new ParseCache(), composition: new CompositionCache(), parts: new PartLayoutCache(), render: new RenderCache() };
}

/** The layout and render caches start a build (the probe and parse caches start theirs when they are used). */
export function startBuild(caches: SessionCaches | undefined): void {
  caches?.composition.startBuild();
  caches?.parts.startBuild();
  caches?.render.startBuild();
}

/** What a rebuild did again and what it reused: files parsed, parts laid out, paragraphs composed, pages deflated. */
export function reuseLine(c: SessionCaches): string {
  const { parse, parts, composition, render } = c;
  return `解析 files parsed ${parse.files.misses}, reused ${parse.files.hits} · 排版 parts laid out ${parts.counters.misses}, reused ${parts.counters.hits}`
    + ` · 排段 paragraphs composed ${composition.counters.misses}, reused ${composition.counters.hits} · 页面 pages drawn ${render.drawn.misses}, kept ${render.drawn.hits}`;
}

/** Keeps what a build made for the preview (only in a preview session). */
export function remember(session: Session, files: VFile[], built: Omit<Built, 'errors' | 'warnings'>): void {
  if (!session.edits) return;
  const c = countMessages(files);
  session.last = { ...built, errors: c.fatal + c.error, warnings: c.warning };
}
