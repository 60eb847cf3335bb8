/**
 * ISBN-13 checks for Chinese books (R-ISBN-1..3).
 */

export type IsbnProblem =
  | { kind: 'form'; detail: string }
  | { kind: 'length'; digits: number }
  | { kind: 'check-digit'; expected: number; found: number }
  | { kind: 'hyphenation'; expected: string };

/** R-ISBN-1: the check digit of the first 12 digits (weights 1,3,1,3…). */
export function isbnCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * R-ISBN-3: registrant length in group 978-7, from the 7-digit window that
 * follows "9787" (range message of 2022-08-16).
 */
export function registrantLength(window7: number): number {
  if (window7 < 1_000_000) return 2;
  if (window7 < 5_000_000) return 3;
  if (window7 < 8_000_000) return 4;
  if (window7 < 9_000_000) return 5;
  return 6;
}

/** R-ISBN-2/3: the printed, hyphenated form of a 978-7 ISBN: 978-7-5738-1572-9. */
export function hyphenateIsbn(digits13: string): string {
  const reg = registrantLength(Number(digits13.slice(4, 11)));
  const registrant = digits13.slice(4, 4 + reg);
  const publication = digits13.slice(4 + reg, 12);
  return `978-7-${registrant}-${publication}-${digits13[12]}`;
}

/** Checks a printed ISBN (with or without the "ISBN " prefix); returns the problems found. */
export function validateIsbn(printed: string): IsbnProblem[] {
  const text = printed.trim().replace(/^ISBN\s*/i, '');
  if (!/^[\d-]+$/.test(text)) return [{ kind: 'form', detail: '只能含数字和连字符' }];
  const digits = text.replace(/-/g, '');
  if (digits.length !== 13) return [{ kind: 'length', digits: digits.length }];
  if (!digits.startsWith('9787')) return [{ kind: 'form', detail: '中国图书的 ISBN 应以 978-7 开头' }];
  const problems: IsbnProblem[] = [];
  const expected = isbnCheckDigit(digits);
  const found = Number(digits[12]);
  if (expected !== found) problems.push({ kind: 'check-digit', expected, found });
  const hyphenated = hyphenateIsbn(digits);
  if (expected === found && text !== hyphenated) problems.push({ kind: 'hyphenation', expected: hyphenated });
  return problems;
}

export function describeIsbnProblem(p: IsbnProblem): string {
  switch (p.kind) {
    case 'form': return p.detail;
    case 'length': return `应为 13 位数字，现有 ${p.digits} 位`;
    case 'check-digit': return `校验位应为 ${p.expected}，现为 ${p.found}（R-ISBN-1）`;
    case 'hyphenation': return `连字符位置不对，应为 ${p.expected}（R-ISBN-3）`;
  }
}

/** R-CIP-4: the 10-character 核字号 (4-digit year + 6 digits or capitals). */
export function isValidCipRecordNumber(value: string): boolean {
  return /^\d{4}[0-9A-Z]{6}$/.test(value);
}
