/**
 * What the preview server lets in. It listens on 127.0.0.1 only, and that
 * alone is not enough: a web page on another site can make its own name
 * resolve to 127.0.0.1 (DNS rebinding) and then read the unpublished book
 * through the visitor's browser. Such a request still names the other site
 * in its Host header, so only requests that name this machine are answered.
 * Requests the HTTP parser refuses, and request targets that are not a plain
 * path, get a short answer and never reach the routes.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** The names of this machine a browser sends when the page was opened as http://127.0.0.1:port/ (or localhost, or [::1]). */
const LOCAL_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when the Host header names this machine and this server's port (the port may be left out only when it is 80). */
export function isLocalHost(host: string | undefined, port: number): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host?.toLowerCase() ?? '');
  if (!match || !LOCAL_NAMES.has(match[1]!)) return false;
  return match[2] === undefined ? port === 80 : Number(match[2]) === port;
}

/**
 * The decoded path of a request target ("/book.pdf?v=3" → "/book.pdf"), or
 * undefined for anything else: an absolute or authority form, bad
 * percent-encoding, a NUL or other control character, or a `..` segment.
 */
export function requestPath(target: string | undefined): string | undefined {
  if (!target?.startsWith('/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(target.replace(/[?#].*$/s, ''));
  } catch {
    return undefined;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(path) || path.split('/').some((s) => s === '..' || s === '.')) return undefined;
  return path;
}

/** A short plain-text answer, Chinese first; the connection is closed after it when `close` is set. */
export function refuse(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...(close ? { Connection: 'close' } : {}) }).end(text);
}

/** Refuses a request whose Host is not this machine; true when it was refused. */
export function refuseForeignHost(req: IncomingMessage, res: ServerResponse, port: number): boolean {
  if (isLocalHost(req.headers.host, port)) return false;
  refuse(res, 403, `403 只接受本机地址的请求：请用 http://127.0.0.1:${port}/ 或 http://localhost:${port}/ 打开预览。\n`, true);
  return true;
}

/** What the parser refused, answered on the raw socket: 431 for overlong heads, 408 for slow ones, 400 for the rest. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, text] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, '请求头过长 request header too long']
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, '请求超时 request timeout'] : [400, '请求格式有误 bad request'];
  const body = `${status} ${text}\n`;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
