/**
 * Real office files for the import tests: sources written here (flat ODF
 * XML, HTML) converted by LibreOffice (Debian libreoffice-writer-nogui,
 * libreoffice-calc-nogui) with `soffice --headless --convert-to`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import sharp from 'sharp';

/** Converts `files` to `to` (docx, xlsx, doc …) into `outDir`; one LibreOffice run, with a profile of its own. */
export function soffice(files: string[], to: string, outDir: string, infilter?: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = join(outDir, '.lo-profile');
  execFileSync('soffice', [
    '--headless', `-env:UserInstallation=file://${profile}`, ...(infilter ? [`--infilter=${infilter}`] : []),
    '--convert-to', to, '--outdir', outDir, ...files,
  ], { stdio: 'pipe', timeout: 240_000 });
  return files.map((f) => {
    const out = join(outDir, `${basename(f, extname(f))}.${to.replace(/:.*$/, '')}`);
    if (!existsSync(out)) throw new Error(`soffice did not write ${out}`);
    return out;
  });
}

/** A JPEG photo, base64, big enough for print at column width. */
export async function photoBase64(): Promise<string> {
  const bytes = await sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: 180, g: 120, b: 70 } } }).jpeg().toBuffer();
  return bytes.toString('base64');
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"', 'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"', 'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"', 'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"', 'xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
].join(' ');

/** A flat ODF text document (.fodt) with Word's heading styles, bold and red text styles, and `body`. */
export function fodt(body: string, trackedChanges = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Red" style:family="text"><style:text-properties fo:color="#ff0000"/></style:style>
 <style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>
<office:body><office:text>
${trackedChanges ? `<text:tracked-changes>${trackedChanges}</text:tracked-changes>` : ''}
${body}
</office:text></office:body></office:document>
`;
}

/** A flat ODF spreadsheet (.fods) with number styles: 千分位 (#,##0), two decimals with 千分位, percent with one decimal. */
export function fods(tables: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:number-style style:name="N0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
 <number:percentage-style style:name="P1"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <style:style style:name="cN0" style:family="table-cell" style:data-style-name="N0"/>
 <style:style style:name="cN2" style:family="table-cell" style:data-style-name="N2"/>
 <style:style style:name="cP1" style:family="table-cell" style:data-style-name="P1"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
${tables}
</office:spreadsheet></office:body></office:document>
`;
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
