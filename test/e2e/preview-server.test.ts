/**
 * The preview server against what a hostile page or a broken client sends,
 * on a real socket: the real CLI (`nianjian preview --port 0`) in a process
 * of its own, and the server function for the timeouts. It answers only
 * requests that name this machine (DNS rebinding), answers every malformed
 * request with a 4xx and goes on, keeps a bounded number of connections and
 * event streams, and stops at once on SIGTERM.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/index.ts';
import { DEFAULT_LIMITS, startPreviewServer } from '../../src/cli/preview-server.ts';
import { type CliProcess, startCli } from '../helpers/cli-process.ts';
import { until } from '../helpers/lines.ts';

/** Sends `raw` as it is and reads the answer until the server closes the connection (or `waitMs` passes). */
function rawExchange(port: number, raw: string | Buffer, waitMs = 5_000): Promise<{ status: number; text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, closedByServer });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on('data', (c) => chunks.push(c)).on('end', () => done(true)).on('error', reject);
    socket.write(raw);
  });
}

/** A GET with the given Host header: status and body. */
function get(port: number, path: string, host: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, body, type: String(res.headers['content-type']) }));
      if (res.headers['content-type'] === 'text/event-stream') setTimeout(() => req.destroy(), 200);
    });
    req.on('error', reject).on('close', () => undefined).end();
  });
}

const isStackTrace = /\n\s+at \S+ \(|node:internal/;

describe('nianjian preview, the real command on a real port', () => {
  let cli: CliProcess;
  let port: number;
  beforeAll(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianjian-serve-')), '书');
    expect(await main(['init', dir], () => {})).toBe(0);
    cli = startCli(['preview', dir, '--out', join(dir, '..', 'out'), '--port', '0']);
    port = Number((await until(cli.lines, /^预览 preview: http/, 1)).match(/127\.0\.0\.1:(\d+)/)![1]);
    await until(cli.lines, /^已更新|^有问题/, 1);
  }, 120_000);
  afterAll(() => {
    if (cli.child.exitCode === null) cli.signal('SIGKILL');
  });

  test('answers only requests whose Host names this machine and its port (a DNS-rebinding page is refused)', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await get(port, '/', host)).status, host).toBe(200);
    }
    expect((await get(port, '/book.pdf', `localhost:${port}`)).type).toBe('application/pdf');
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, 'localhost', `localhost:${port + 1}`, `[::2]:${port}`, `localhost:${port}@evil.example`]) {
      for (const path of ['/', '/book.pdf', '/report', '/events']) {
        const answer = await get(port, path, host);
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body).toContain('只接受本机地址的请求');
        expect(answer.body).not.toContain('%PDF');
      }
    }
    // HTTP/1.0 without any Host at all.
    expect((await rawExchange(port, 'GET /book.pdf HTTP/1.0\r\n\r\n')).status).toBe(403);
  });

  test('every malformed or unexpected request gets a 4xx, and the server answers the next one', async () => {
    const host = `Host: 127.0.0.1:${port}\r\nConnection: close\r\n`;
    const cases: Array<[string, string | Buffer, number]> = [
      ['an empty path after the slashes (killed the server before)', `GET // HTTP/1.1\r\n${host}\r\n`, 404],
      ['an absolute-form target that is not a URL', `GET http://[ HTTP/1.1\r\n${host}\r\n`, 400],
      ['an absolute-form target to elsewhere', `GET http://evil.example/book.pdf HTTP/1.1\r\n${host}\r\n`, 400],
      ['garbage with control bytes', Buffer.from('\x00\x01\x02 GARBAGE \xff\xfe\r\n\r\n', 'latin1'), 400],
      ['a space in the target', `GET /book .pdf HTTP/1.1\r\n${host}\r\n`, 400],
      ['an unknown version', `GET / HTTP/7.1\r\n${host}\r\n`, 400],
      ['an unknown method', `BREW / HTTP/1.1\r\n${host}\r\n`, 400],
      ['bad percent-encoding', `GET /%E0%A4%A HTTP/1.1\r\n${host}\r\n`, 400],
      ['a NUL, percent-encoded', `GET /book.pdf%00.html HTTP/1.1\r\n${host}\r\n`, 400],
      ['path traversal', `GET /pdfjs/../../package.json HTTP/1.1\r\n${host}\r\n`, 400],
      ['encoded path traversal', `GET /pdfjs/%2e%2e/%2e%2e/package.json HTTP/1.1\r\n${host}\r\n`, 400],
      ['a backslash', `GET /pdfjs/..%5c..%5cpackage.json HTTP/1.1\r\n${host}\r\n`, 400],
      ['a 100 KB URL', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\n${host}\r\n`, 431],
      ['a header line without a colon', `GET / HTTP/1.1\r\n${host}no colon here\r\n\r\n`, 400],
      ['conflicting lengths', `POST / HTTP/1.1\r\n${host}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello`, 400],
      ['POST', `POST / HTTP/1.1\r\n${host}Content-Length: 5\r\n\r\nhello`, 405],
      ['OPTIONS *', `OPTIONS * HTTP/1.1\r\n${host}\r\n`, 405],
      ['DELETE', `DELETE /book.pdf HTTP/1.1\r\n${host}\r\n`, 405],
      ['a file that is not served', `GET /pdfjs/package.json HTTP/1.1\r\n${host}\r\n`, 404],
    ];
    for (const [what, raw, status] of cases) {
      const answer = await rawExchange(port, raw);
      expect(answer.status, what).toBe(status);
      expect(answer.closedByServer, what).toBe(true);
      expect(answer.text).not.toMatch(isStackTrace);
      expect((await get(port, '/', `127.0.0.1:${port}`)).status, `after ${what}`).toBe(200);
    }
    // HEAD is answered like GET, without a body.
    const head = await rawExchange(port, `HEAD /book.pdf HTTP/1.1\r\n${host}\r\n`);
    expect(head.status).toBe(200);
    expect(head.text.split('\r\n\r\n')[1]).toBe('');
    expect(cli.child.exitCode).toBeNull();
  }, 60_000);

  test('connections past the limit are closed as they come, event streams past theirs get a 503, and the server goes on', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const sockets: Socket[] = [];
    const closed = new Set<Socket>();
    const opened = DEFAULT_LIMITS.connections + 40;
    await Promise.all(Array.from({ length: opened }, () => new Promise<void>((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve());
      s.on('close', () => closed.add(s)).on('error', () => resolve());
      sockets.push(s);
    })));
    for (let waited = 0; closed.size < opened - DEFAULT_LIMITS.connections && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    // Every one past the limit is closed; the first ones are kept (until their head is overdue).
    expect(closed.size).toBeGreaterThanOrEqual(opened - DEFAULT_LIMITS.connections);
    expect(opened - closed.size).toBeGreaterThan(DEFAULT_LIMITS.connections - 3);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await get(port, '/', `localhost:${port}`)).status).toBe(200);

    const streams = await Promise.all(Array.from({ length: DEFAULT_LIMITS.eventStreams }, () => rawExchange(port, `GET /events HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`, 1_000)));
    expect(streams.every((s) => s.status === 200 && s.text.includes('event: build'))).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const held: Socket[] = [];
    for (let i = 0; i < DEFAULT_LIMITS.eventStreams; i++) {
      const s = connect(port, '127.0.0.1');
      s.write(`GET /events HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`);
      held.push(s);
    }
    await new Promise((r) => setTimeout(r, 500));
    const extra = await rawExchange(port, `GET /events HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    expect(extra.status).toBe(503);
    expect(extra.text).toContain('预览页面');
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await rawExchange(port, `GET /events HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`, 1_000)).status).toBe(200);
  }, 60_000);

  test('SIGTERM with a page listening and an idle connection open: the stream ends, the server stops at once, exit 0, no stack trace', async () => {
    const stream = connect(port, '127.0.0.1');
    let streamed = '';
    const streamEnded = new Promise<void>((resolve) => stream.on('close', () => resolve()).on('error', () => resolve()));
    stream.setEncoding('utf8').on('data', (c: string) => { streamed += c; });
    stream.write(`GET /events HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`);
    const idle = connect(port, '127.0.0.1');
    const idleEnded = new Promise<void>((resolve) => idle.on('close', () => resolve()).on('error', () => resolve()));
    for (let waited = 0; !streamed.includes('event: build') && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    cli.signal('SIGTERM');
    await Promise.all([streamEnded, idleEnded]);
    const { code, afterSignalMs } = await cli.exited;
    expect(code).toBe(0);
    expect(cli.stderr()).not.toMatch(isStackTrace);
    expect(cli.lines.join('\n')).not.toMatch(isStackTrace);
    // Not a timed assertion: only that it ended by itself, long before any timeout of the server's.
    expect(afterSignalMs).toBeLessThan(DEFAULT_LIMITS.requestTimeoutMs);
  }, 60_000);
});

test('the server closes a connection that sends nothing, or its head too slowly, after the head timeout (408), and goes on', async () => {
  const server = await startPreviewServer(0, undefined, { ...DEFAULT_LIMITS, headersTimeoutMs: 400, requestTimeoutMs: 800 });
  const port = Number(new URL(server.url).port);
  try {
    const silent = await rawExchange(port, '', 10_000);
    expect(silent.closedByServer).toBe(true);
    const slow = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1');
      let text = '';
      s.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('close', () => resolve(text));
      s.write('GET / HTTP/1.1\r\n');
      // One header line now and then, never the blank line that ends the head.
      const drip = setInterval(() => s.writable && s.write(`X-${Math.random().toString(36).slice(2)}: 1\r\n`), 100);
      s.on('close', () => clearInterval(drip));
    });
    expect(slow).toMatch(/^HTTP\/1\.1 408/);
    expect((await get(port, '/', `localhost:${port}`)).status).toBe(200);
  } finally {
    await server.close();
  }
}, 30_000);
