/**
 * The EPUB container: entries in the order given, with one fixed time, so
 * that two builds are byte-identical. yazl deflates on Node's thread pool,
 * so the text documents are compressed while the main thread goes on (with
 * the PDF, in a build).
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

/** The zip of `entries` (zlib's default level); no extra fields (OCF: the mimetype entry has none), DOS times only. */
export function zipEntries(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const mtime = date < ZIP_EPOCH ? ZIP_EPOCH : date;
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    const bytes = typeof e.bytes === 'string' ? Buffer.from(e.bytes, 'utf8') : Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength);
    zip.addBuffer(bytes, e.name, { mtime, compress: e.compress, forceDosTimestamp: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    // A Buffer is a Uint8Array: no second copy of the book.
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
