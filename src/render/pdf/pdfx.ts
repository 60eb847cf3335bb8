/**
 * What makes a pdfkit document a PDF/X file (ISO 15930): the version keys,
 * the trapped key, the output intent with its CMYK profile, and the page
 * boxes. PDF/X-1a:2001 is a PDF 1.3 file with only CMYK and grey; PDF/X-4 is
 * PDF 1.6 and says what it is in XMP. The document IDs are pdfkit's (an MD5
 * of the Info dictionary, so the same book gives the same IDs).
 */

export type PdfxStandard = 'PDF/X-1a' | 'PDF/X-4';

/** The printing condition the output intent names; its profile is the ICC file's bytes. */
export interface OutputIntent {
  /** The ICC profile (CMYK, v2 for X-1a). */
  icc: Uint8Array;
  /** OutputConditionIdentifier, e.g. "CGATS TR 001" (SWOP) for Artifex's SWOP profile. */
  condition: string;
  /** A readable name of the profile, from its description tag. */
  info: string;
}

/** The pdfkit internals this file writes to. */
export interface PdfxDoc {
  ref(data?: Record<string, unknown>): { data: Record<string, unknown>; compress: boolean; end(chunk?: Uint8Array | Buffer): void };
  info: Record<string, unknown>;
  _root: { data: Record<string, unknown> };
  appendXML(xml: string, newline?: boolean): void;
}

/** pdfkit writes a JS string as a PDF name only as a dictionary value; in Info it quotes it. This one it writes as it is. */
const pdfName = (name: string) => ({ [Symbol.toStringTag]: 'PDFName', toString: () => `/${name}` });

export const pdfVersionOf = (standard: PdfxStandard): '1.3' | '1.6' => (standard === 'PDF/X-1a' ? '1.3' : '1.6');

/** The ICC profile's description tag ('desc', ICC.1 v2 textDescriptionType), or '' when it has none. */
export function iccDescription(icc: Uint8Array): string {
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  if (icc.byteLength < 132) return '';
  const count = view.getUint32(128);
  for (let i = 0; i < count && 132 + 12 * i + 12 <= icc.byteLength; i++) {
    const at = 132 + 12 * i;
    if (view.getUint32(at) !== 0x64657363) continue; // 'desc'
    const offset = view.getUint32(at + 4);
    if (offset + 12 > icc.byteLength) return '';
    const length = view.getUint32(offset + 8);
    return Buffer.from(icc.subarray(offset + 12, offset + 12 + length)).toString('latin1').replace(/\0+$/, '');
  }
  return '';
}

/**
 * Why `icc` is not a whole ICC profile, or undefined when it is: the size
 * in its header is the file's, it has the 'acsp' signature, and its tag
 * table and every tag lie inside it. A profile cut short (a download
 * stopped, a copy from a full disk) was embedded as the press PDF's output
 * intent without a word, and a RIP or preflight cannot link it.
 */
export function iccFault(icc: Uint8Array): string | undefined {
  if (icc.byteLength < 132) return `只有 ${icc.byteLength} 字节，连文件头也不完整`;
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  if (view.getUint32(36) !== 0x61637370) return '文件头中没有 ICC 特性文件的标志（acsp）';
  const declared = view.getUint32(0);
  if (declared !== icc.byteLength) return `文件头写明 ${declared} 字节，文件却有 ${icc.byteLength} 字节（文件可能没有下载或复制完整）`;
  const count = view.getUint32(128);
  if (132 + 12 * count > icc.byteLength) return '标签表超出了文件末尾';
  for (let i = 0; i < count; i++) {
    const at = 132 + 12 * i;
    if (view.getUint32(at + 4) + view.getUint32(at + 8) > icc.byteLength) return `第 ${i + 1} 个标签超出了文件末尾`;
  }
  return undefined;
}

/** The ICC profile's colour space signature ('CMYK', 'RGB ', 'GRAY'). */
export const iccColourSpace = (icc: Uint8Array) => Buffer.from(icc.subarray(16, 20)).toString('latin1');

/** Writes the PDF/X keys into the document before it ends. */
export function makePdfx(doc: PdfxDoc, standard: PdfxStandard, intent: OutputIntent, documentId: string): void {
  const profile = doc.ref({ N: 4 });
  profile.end(Buffer.from(intent.icc));
  const outputIntent = doc.ref({
    Type: 'OutputIntent', S: 'GTS_PDFX', OutputConditionIdentifier: new String(intent.condition), OutputCondition: new String(intent.info),
    RegistryName: new String('http://www.color.org'), Info: new String(intent.info), DestOutputProfile: profile,
  });
  outputIntent.end();
  doc._root.data.OutputIntents = [outputIntent];
  doc.info.Trapped = pdfName('False');
  if (standard === 'PDF/X-1a') {
    doc.info.GTS_PDFXVersion = 'PDF/X-1:2001';
    doc.info.GTS_PDFXConformance = 'PDF/X-1a:2001';
    return;
  }
  doc.info.GTS_PDFXVersion = 'PDF/X-4';
  // PDF/X-4 reads its version from XMP (pdfkit writes the packet, with the dates and title, for PDF ≥ 1.4).
  doc.appendXML(`<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion><pdf:Trapped>False</pdf:Trapped>
<xmpMM:DocumentID>uuid:${documentId}</xmpMM:DocumentID><xmpMM:VersionID>1</xmpMM:VersionID><xmpMM:RenditionClass>default</xmpMM:RenditionClass>
</rdf:Description>`);
}

/** A page's boxes in pt, PDF's y-up space: MediaBox holds the marks, BleedBox the trim and its bleed. */
export function pageBoxes(trimWidthPt: number, trimHeightPt: number, marginPt: number, bleedPt: number): { media: [number, number]; trim: number[]; bleed: number[] } {
  const box = (d: number) => [marginPt - d, marginPt - d, marginPt + trimWidthPt + d, marginPt + trimHeightPt + d].map((v) => Math.round(v * 1000) / 1000);
  return { media: [trimWidthPt + 2 * marginPt, trimHeightPt + 2 * marginPt], trim: box(0), bleed: box(bleedPt) };
}
