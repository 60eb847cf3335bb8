import { expect, test } from 'vitest';
import { isLocalHost, requestPath } from './preview-guard.ts';

test('the Host a browser sends for this machine and this port is local; any other name or port is not (DNS rebinding)', () => {
  for (const host of ['127.0.0.1:8420', 'localhost:8420', 'LocalHost:8420', '[::1]:8420']) expect(isLocalHost(host, 8420), host).toBe(true);
  for (const host of [undefined, '', 'evil.example:8420', 'localhost.evil.example:8420', '127.0.0.1.nip.io:8420', 'localhost', 'localhost:8421',
    'localhost:08420x', '[::1]', '[::2]:8420', '::1:8420', '127.0.0.2:8420', '0.0.0.0:8420', 'localhost:8420@evil.example', 'user@localhost:8420', ' localhost:8420']) {
    expect(isLocalHost(host, 8420), String(host)).toBe(false);
  }
  // Port 80 is the one a browser leaves out.
  expect(isLocalHost('localhost', 80)).toBe(true);
  expect(isLocalHost('localhost:80', 80)).toBe(true);
});

test('a request target is a decoded plain path, or refused: other forms, bad encoding, control characters, dot segments', () => {
  expect(requestPath('/')).toBe('/');
  expect(requestPath('/book.pdf?v=3')).toBe('/book.pdf');
  expect(requestPath('/report#x')).toBe('/report');
  expect(requestPath('/pdfjs/web/images/loading-icon.gif')).toBe('/pdfjs/web/images/loading-icon.gif');
  expect(requestPath('/%E5%B9%B4')).toBe('/年');
  for (const target of [undefined, '', '*', 'http://evil.example/', 'evil.example:80', '/%', '/%E0%A4%A', '/a%00b', '/a%0Ab', '/a%7Fb',
    '/../x', '/pdfjs/../../package.json', '/pdfjs/%2e%2e/x', '/./x', '/a\\..\\b', '/a%5Cb']) {
    expect(requestPath(target), String(target)).toBeUndefined();
  }
});
