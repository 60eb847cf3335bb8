/**
 * A manuscript file not in UTF-8 is reported with the encoding it seems to
 * be in: UTF-16 without a BOM (Notepad's "Unicode") was "not UTF-8" with no
 * guess, or, for some texts, taken for GB18030.
 */
import { expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { VFile } from '../diagnostics/index.ts';
import { decodeManuscriptText } from './read-text.ts';

const TEXT = '# 区情概览\n\n## 综述\n\n【概况】 河西区位于天津市区东南部。\n';

function reasonFor(bytes: Uint8Array): string {
  const file = new VFile({ path: '01-篇.md' });
  expect(decodeManuscriptText(file, bytes)).toBeUndefined();
  return file.messages.map((m) => m.reason).join('\n');
}

test('UTF-16, little- or big-endian, with or without a BOM, is named; GBK is still GB18030', () => {
  const le = Buffer.from(TEXT, 'utf16le');
  const be = Buffer.from(le).swap16();
  for (const bytes of [le, be, Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
    expect(reasonFor(bytes)).toMatch(/看来是 UTF-16/);
  }
  expect(reasonFor(iconv.encode(TEXT, 'gbk'))).toMatch(/看来是 GB18030\/GBK/);
  expect(reasonFor(iconv.encode(TEXT, 'gb18030'))).toMatch(/看来是 GB18030\/GBK/);
});
