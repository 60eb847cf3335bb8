/**
 * The EPUB container: entries in the order added, with one fixed time, so
 * that two builds are byte-identical. yazl deflates each entry on Node's
 * thread pool as soon as it is added, so the text documents, added first,
 * are compressed while the main thread goes on (with the PDF, in a build)
 * and the photos and fonts are still being made.
 */
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array | string;
  /** Photos and the mimetype are stored: JPEG does not deflate, and OCF wants the mimetype plain. */
  compress: boolean;
}

/** ZIP's DOS times start in 1980: an earlier date is written as its first day. */
const ZIP_EPOCH = new Date('1980-01-02');

export interface ZipWriter {
  add(entry: ZipEntry): void;
  /** The whole zip, once every entry added is compressed. */
  end(): Promise<Uint8Array>;
}

/**
 * The date whose local fields are `date`'s UTC fields. A DOS time has no
 * zone, and yazl writes the local one: without this the same manuscript
 * gave other bytes under another TZ (issue 16).
 */
export function utcFieldsAsLocal(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/** A zip (zlib's default level) with no extra fields (OCF: the mimetype entry has none) and DOS times only, in UTC. */
export function startZip(date: Date): ZipWriter {
  const mtime = utcFieldsAsLocal(date < ZIP_EPOCH ? ZIP_EPOCH : date);
  const zip = new yazl.ZipFile();
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    // A Buffer is a Uint8Array: no second copy of the book.
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
  done.catch(() => undefined); // the caller meets the error at end()
  return {
    add(e) {
      const bytes = typeof e.bytes === 'string' ? Buffer.from(e.bytes, 'utf8') : Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength);
      zip.addBuffer(bytes, e.name, { mtime, compress: e.compress, forceDosTimestamp: true });
    },
    end() {
      zip.end();
      return done;
    },
  };
}
