// `src` loading: only http(s) and relative URLs are fetched, and each way a load can fail
// shows its own clear message inside the widget ([role=alert] in the shadow root).
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage } from './helpers.mjs';
import { HOST_PAGE, send, startRoutedServer, widgetOutcome } from './server.mjs';

const MAX_SRC_BYTES = 5 * 1024 * 1024;
const ARTICLE = '“Ties are close,” said Jane Doe, a professor.\n“They are not,” an official said.';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Stream `total` bytes of text in 64 KiB chunks, with no Content-Length. */
const stream = (total) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) { res.once('drain', pump); return; }
    }
    res.end();
  };
  res.on('close', () => { sent = total; });
  pump();
};

let browser;
let server;
let closedPort;
before(async () => {
  browser = await launchBrowser();
  server = await startRoutedServer({
    routes: {
      '/host.html': send(200, 'text/html; charset=utf-8', HOST_PAGE),
      '/a/ok.txt': send(200, 'text/plain; charset=utf-8', ARTICLE),
      '/a/latin1.txt': send(200, 'text/plain; charset=iso-8859-1', Buffer.from('"Caf\u00e9," he said.', 'latin1')),
      '/a/gone.txt': send(404, 'text/plain', 'not found'),
      '/a/broken.txt': send(500, 'text/plain', 'oops'),
      '/a/picture.png': send(200, 'image/png', PNG),
      '/a/blob': send(200, 'application/octet-stream', Buffer.from([0, 1, 2, 3])),
      '/a/declared-huge.txt': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(MAX_SRC_BYTES + 1) });
        res.end(Buffer.alloc(MAX_SRC_BYTES + 1, 'a'));
      },
      '/a/streamed-huge.txt': stream(64 * 1024 * 1024),
      '/a/cut.txt': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
        res.write('“Cut short,” he said. ');
        setTimeout(() => res.destroy(), 50);
      },
    },
  });
  // A port that was free a moment ago and has nothing listening: connections are refused.
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  closedPort = probe.address().port;
  await new Promise((ok) => probe.close(ok));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function hostPage() {
  const page = await newPage(browser);
  await page.goto(`${server.url}/host.html`);
  return page;
}

test('http(s) and relative URLs load, in the charset the server names', async () => {
  const page = await hostPage();
  assert.deepEqual(await widgetOutcome(page, { attrs: { src: '/a/ok.txt' } }), { ok: true, quotes: 2 });
  assert.deepEqual(await widgetOutcome(page, { attrs: { src: `${server.url}/a/ok.txt` } }), { ok: true, quotes: 2 });
  assert.deepEqual(await widgetOutcome(page, { attrs: { src: 'a/ok.txt' } }), { ok: true, quotes: 2 });
  const analysis = await page.evaluate(async () => {
    const w = document.createElement('relations-widget');
    const got = new Promise((ok) => w.addEventListener('relations-widget:analyzed', (e) => ok(e.detail), { once: true }));
    w.src = '/a/latin1.txt';
    document.body.append(w);
    return got;
  });
  assert.equal(analysis.quotes[0].text, 'Café,');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('each failure shows its own clear message in the widget', async () => {
  const page = await hostPage();
  const cases = [
    ['a 404', '/a/gone.txt', /could not be loaded from .*\/a\/gone\.txt: nothing was found there \(404/],
    ['a server error', '/a/broken.txt', /server answered 500/],
    ['a closed port', () => `http://127.0.0.1:${closedPort}/article.txt`, /network error/],
    ['an image', '/a/picture.png', /is image\/png, not text or HTML/],
    ['octet-stream', '/a/blob', /is application\/octet-stream, not text or HTML/],
    ['a declared oversize body', '/a/declared-huge.txt', new RegExp(`too large: ${MAX_SRC_BYTES + 1} bytes, the limit is ${MAX_SRC_BYTES}`)],
    ['a streamed oversize body', '/a/streamed-huge.txt', new RegExp(`too large: more than ${MAX_SRC_BYTES} bytes`)],
    ['a connection cut mid-body', '/a/cut.txt', /connection failed while reading/],
    ['javascript:', 'javascript:alert(1)', /must be http\(s\) or relative; “javascript:”/],
    ['data:', 'data:text/plain,%E2%80%9CHi%2C%E2%80%9D%20he%20said.', /must be http\(s\) or relative; “data:”/],
    ['file:', 'file:///etc/passwd', /must be http\(s\) or relative; “file:”/],
    ['ftp:', 'ftp://example.com/a.txt', /must be http\(s\) or relative; “ftp:”/],
    ['blob:', 'blob:http://127.0.0.1/x', /must be http\(s\) or relative; “blob:”/],
    ['an invalid URL', 'http://[::1', /“http:\/\/\[::1” is not a valid URL/],
  ];
  const messages = new Set();
  for (const [name, src, want] of cases) {
    const url = typeof src === 'function' ? src() : src;
    const got = await widgetOutcome(page, { attrs: { src: url } });
    assert.ok(got.error, `${name}: expected an error, got ${JSON.stringify(got)}`);
    assert.match(got.error, want, name);
    assert.ok(got.alert?.includes(got.error), `${name}: the widget shows the message: ${got.alert}`);
    messages.add(got.error.replace(/https?:\/\/\S+|“[^”]*”/g, 'URL'));
  }
  assert.equal(messages.size, cases.length - 4, 'one message per way of failing (the non-http schemes share one)');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.close();
});
