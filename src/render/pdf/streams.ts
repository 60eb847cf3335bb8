/**
 * The heavy streams of a PDF: each page's content is deflated as soon as the
 * page is drawn (at zlib's fastest level, as the font programs are at the
 * end), so a 3,000-page book never holds all its pages uncompressed; and a
 * watch session keeps what it made, so an unchanged page (drawn-pages.ts)
 * or an unchanged font subset is not made again. (Deflating on the thread pool
 * was tried: 360 small jobs cost more in hand-offs than they save on two cores.)
 */
import { createHash } from 'node:crypto';
import zlib, { deflateSync } from 'node:zlib';
import { SessionCache } from '../../units/index.ts';
import { DrawnPages } from './drawn-pages.ts';

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

/** Kept between the builds of a watch session: drawn pages, font programs by glyph list and their deflated streams. */
export class RenderCache {
  readonly subsets = new SessionCache<Uint8Array>();
  /** What pdfkit deflates itself when the document ends: the font programs and their ToUnicode maps. */
  readonly streams = new SessionCache<Buffer>();
  /** Pages drawn in the last build, by identity. */
  readonly drawn = new DrawnPages();

  startBuild(): void {
    this.subsets.startBuild();
    this.streams.startBuild();
    this.drawn.startBuild();
  }
}

/**
 * zlib's fastest level. Page content streams are long runs of text operators,
 * where the default level's lazy matching took a quarter of a second of a
 * build for 2.6 % less PDF (7.27 → 7.09 MB on the sample).
 */
const DEFLATE = { level: 1 } as const;
const deflate = (data: Buffer) => deflateSync(data, DEFLATE);

/**
 * Runs pdfkit's `doc.end()` with zlib's deflateSync at the level above and,
 * in a watch session, answered from the session's cache: pdfkit deflates the
 * font programs (1.5 MB) there, every build, though they change only when a
 * new character comes in. `end()` is synchronous, so nothing else runs while
 * deflateSync is replaced.
 */
export function withDeflate(cache: RenderCache | undefined, end: () => void): void {
  const original = zlib.deflateSync;
  const replaced = (data: Buffer, options?: zlib.ZlibOptions) =>
    (options ? original(data, options) : cache ? cache.streams.get(digest(data), () => deflate(data)) : deflate(data));
  (zlib as { deflateSync: unknown }).deflateSync = replaced;
  try {
    end();
  } finally {
    (zlib as { deflateSync: unknown }).deflateSync = original;
  }
}

/** A stream's content as a cache key: SHA-1 is computed natively, where a Map key string would be copied and hashed in JS. */
const digest = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('base64');

/** Deflates a drawn page's content in place; pdfkit then writes the bytes as they are, with /Filter /FlateDecode. */
export function deflatePageContent({ content }: { content: StreamRef }): void {
  if (!content.compress || content.buffer.length === 0) return;
  content.buffer = [deflate(Buffer.concat(content.buffer))];
  content.compress = false;
  content.data.Filter = 'FlateDecode';
}

/** A font program made once per glyph list in a watch session. */
export function cacheSubset(subset: Subset, fontKey: string, cache: RenderCache): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => cache.subsets.get(`${fontKey}\u0000${subset.glyphs.join(',')}`, encode);
}

/** pdfkit's document as `collect` writes it: its writer and its count of bytes written, which the xref table's offsets come from. */
interface PdfWriter {
  _write(data: string | Uint8Array): void;
  _offset: number;
  /** What pdfkit pushed before `collect` (the file's header): all of it, as the stream has not flowed yet. */
  read(): Uint8Array | null;
  on(event: 'data' | 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

/**
 * A pdfkit document's bytes, once it has ended. pdfkit writes each object's
 * header and dictionary as a string, which it turns into bytes a character
 * at a time and pushes through its Readable stream, one push for each of the
 * some 40 000 pieces of the sample (every push of a small array also gives it
 * an ArrayBuffer of its own): a sixth of a watch rebuild's CPU went there.
 * Its writer is replaced here: strings are joined as they come and made
 * bytes once before each stream's bytes, which are kept as they are (no copy
 * of a 45 MB file either). The bytes are pdfkit's: its `_write` takes the low
 * byte of each character and ends each piece with a newline, as here.
 */
export function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const writer = doc as unknown as PdfWriter;
  const header = writer.read();
  const chunks: Uint8Array[] = header ? [header] : [];
  let text = '';
  const flush = () => {
    if (text) chunks.push(Buffer.from(text, 'latin1'));
    text = '';
  };
  writer._write = (data) => {
    if (data instanceof Uint8Array) {
      flush();
      chunks.push(data);
      writer._offset += data.length;
    } else {
      const piece = `${data}\n`;
      text += piece;
      writer._offset += piece.length;
    }
  };
  writer.on('data', () => undefined); // nothing comes through the stream now; flowing, it still ends
  return new Promise((resolve, reject) => {
    writer.on('end', () => {
      flush();
      resolve(Buffer.concat(chunks));
    });
    writer.on('error', reject);
  });
}
