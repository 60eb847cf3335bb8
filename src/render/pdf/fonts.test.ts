/**
 * Glyph codes go into the page's text operators as literal strings, two
 * bytes a glyph (half the length of hex). A reader decodes a literal string
 * by PDF 32000-1 §7.3.4.2: a backslash escapes, parentheses nest, and an end
 * of line (CR, LF or CR LF) not escaped is read as one LF byte.
 */
import { expect, test } from 'vitest';
import { literalCid } from './fonts.ts';

/** The bytes of a literal string's body as §7.3.4.2 reads them (the escapes nianjian writes, and the rule for line ends). */
function readLiteral(body: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x5c) {
      const next = body[++i]!;
      out.push({ n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, f: 0x0c }[next] ?? next.charCodeAt(0));
    } else if (c === 0x0d) {
      out.push(0x0a);
      if (body.charCodeAt(i + 1) === 0x0a) i++;
    } else out.push(c);
  }
  return out;
}

test('every 2-byte glyph code reads back as its two bytes from a literal string (( ) \\ and CR escaped)', () => {
  const wrong: number[] = [];
  for (let gid = 0; gid <= 0xffff; gid++) {
    const body = literalCid(gid);
    // Unbalanced parentheses end the string early unless escaped: none may stand bare.
    if (/(^|[^\\])[()]/.test(body) || readLiteral(body).join() !== [gid >> 8, gid & 0xff].join()) wrong.push(gid);
  }
  expect(wrong).toEqual([]);
  expect(literalCid(0x0d28)).toBe('\\r\\(');
  expect(literalCid(0x0041).length).toBe(2);
});
