import { describe, expect, test } from 'vitest';
import { hyphenateIsbn, isbnCheckDigit, isValidCipRecordNumber, validateIsbn } from './isbn.ts';

describe('ISBN (R-ISBN)', () => {
  test.each([
    ['978-7-5738-1572-9', 9], ['978-7-121-48345-5', 5], ['978-7-5198-8988-3', 3],
    ['978-7-111-78565-1', 1], ['978-7-5380-3309-0', 0], ['978-7-116-14390-6', 6],
  ])('R-ISBN-1: check digit of %s is %i (spec vectors)', (isbn, digit) => {
    expect(isbnCheckDigit(isbn.replace(/-/g, ''))).toBe(digit);
    expect(validateIsbn(isbn)).toEqual([]);
  });

  test('R-ISBN-1: a wrong check digit is reported with the expected digit', () => {
    expect(validateIsbn('978-7-5738-1572-8')).toEqual([{ kind: 'check-digit', expected: 9, found: 8 }]);
  });

  test('R-ISBN-2: a wrong length is reported', () => {
    expect(validateIsbn('978-7-5738-1572')).toEqual([{ kind: 'length', digits: 12 }]);
  });

  test('R-ISBN-3: registrant hyphenation follows the 978-7 ranges', () => {
    expect(hyphenateIsbn('9787573815729')).toBe('978-7-5738-1572-9');
    expect(hyphenateIsbn('9787121483455')).toBe('978-7-121-48345-5');
    expect(validateIsbn('978-7-57381-572-9')).toEqual([{ kind: 'hyphenation', expected: '978-7-5738-1572-9' }]);
  });

  test('the "ISBN " prefix is accepted, letters are not', () => {
    expect(validateIsbn('ISBN 978-7-5738-1572-9')).toEqual([]);
    expect(validateIsbn('978-7-5738-1572-X')[0]!.kind).toBe('form');
  });

  test('R-CIP-4: 核字号 is 4 digits and 6 digits or capitals', () => {
    expect(isValidCipRecordNumber('2024D0350H')).toBe(true);
    expect(isValidCipRecordNumber('2024d0350h')).toBe(false);
    expect(isValidCipRecordNumber('(2022)第077254号')).toBe(false);
  });
});
