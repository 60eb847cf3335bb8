// buffer-crc32's API on Node's zlib.crc32, for the bundle only (scripts/bundle.mjs
// puts it in place of the package when this Node has zlib.crc32, 20.15 on).
// yazl asks for the CRC of every EPUB entry; the package computes it in
// JavaScript, 21 ms of the main thread for the sample's 3.6 MB, zlib in C.
// The same numbers, so the same EPUB bytes.
const { crc32: zlibCrc32 } = require('node:zlib');

const previousOf = (previous) => (Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : previous >>> 0);
const unsigned = (buf, previous) => zlibCrc32(buf, previousOf(previous ?? 0));

function crc32(buf, previous) {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(unsigned(buf, previous), 0);
  return out;
}
crc32.unsigned = unsigned;
crc32.signed = (buf, previous) => unsigned(buf, previous) | 0;

module.exports = crc32;
