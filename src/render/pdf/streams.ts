/**
 * The heavy streams of a PDF in a watch session: each page's content is
 * deflated before pdfkit would do it (zlib's defaults, so the bytes are the
 * same), and the session keeps what it made, so an unchanged page or an
 * unchanged font subset is not made again. (Deflating on the thread pool was
 * tried: 360 small jobs cost more in hand-offs than they save on two cores.)
 */
import { deflateSync } from 'node:zlib';
import { SessionCache } from '../../units/index.ts';

/** What pdfkit keeps of a stream object until the document ends. */
interface StreamRef {
  buffer: Uint8Array[];
  compress: boolean;
  data: Record<string, unknown>;
}

/** A font subset as fontkit builds it. */
interface Subset {
  glyphs: number[];
  encode(): Uint8Array;
}

/** Kept between the builds of a watch session: deflated pages by content, font programs by glyph list. */
export class RenderCache {
  readonly pages = new SessionCache<Buffer>();
  readonly subsets = new SessionCache<Uint8Array>();

  startBuild(): void {
    this.pages.startBuild();
    this.subsets.startBuild();
  }
}

/** Deflates each page's content in place; pdfkit then writes the bytes as they are, with /Filter /FlateDecode. */
export function deflatePageContents(pages: ReadonlyArray<{ content: StreamRef }>, cache: RenderCache): void {
  for (const { content } of pages) {
    if (!content.compress || content.buffer.length === 0) continue;
    const raw = Buffer.concat(content.buffer);
    content.buffer = [cache.pages.get(raw.toString('latin1'), () => deflateSync(raw))];
    content.compress = false;
    content.data.Filter = 'FlateDecode';
  }
}

/** A font program made once per glyph list in a watch session. */
export function cacheSubset(subset: Subset, fontKey: string, cache: RenderCache): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => cache.subsets.get(`${fontKey}\u0000${subset.glyphs.join(',')}`, encode);
}
