/**
 * A Word or Excel file whose XML parts unpack to more than any submission
 * holds: a damaged or built file (a "zip bomb": 1 MB that unpacks to 1.5 GB
 * of document.xml). mammoth and exceljs would inflate it all before failing
 * in English (“Cannot create a string longer than …”) after seconds and
 * gigabytes; the sizes are read from the zip's directory, nothing inflated.
 * Photos are not counted: a unit's file of many photos is large on purpose.
 */
import JSZip from 'jszip';

/** More XML than this is no submission: a 500-page report's document.xml is about 20 MB. */
export const MOST_XML_BYTES = 200 * 1024 * 1024;

/** The uncompressed bytes of the file's XML parts, as its zip directory gives them. */
export async function xmlBytesOf(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  zip.forEach((path, file) => {
    if (/\.(xml|rels)$/i.test(path)) total += (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  });
  return total;
}

/** The message for a file whose XML unpacks to `total` bytes. */
export const unpackedMessage = (total: number) =>
  `文件解压后的文字部分有 ${Math.round(total / 1048576)} MB，远超任何一份供稿（通常不到 20 MB），看来文件已损坏或不是正常保存的 Word/Excel 文件，未导入。请让供稿单位在 Word/WPS/Excel 中打开核对后重新保存发送。`;
