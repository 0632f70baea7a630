// A static server over the repository root, like helpers.startStaticServer, plus test routes:
// `routes[path]` is a handler `(req, res) => void` that answers instead of the file system.
// Used by the loading, security and hardening tests to serve articles that fail in each way.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT, TYPES } from './helpers.mjs';

/** Start the server on a free port; returns {url, close}. `headers` go on every answer. */
export async function startRoutedServer({ routes = {}, headers = {} } = {}) {
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (routes[path]) {
      routes[path](req, res);
      return;
    }
    let file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => { sockets.forEach((s) => s.destroy()); server.close(ok); }),
  };
}

/** A bare page that loads the custom element (and nothing else) from pkg/. */
export const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="/www/favicon.svg">
<script type="module" src="/pkg/relations-widget.js"></script></head><body></body></html>`;

/** Answer a fixed body. */
export const send = (status, type, body) => (req, res) => {
  res.writeHead(status, type ? { 'content-type': type } : {});
  res.end(body);
};

/**
 * In the page: make a widget with `attrs` (and `text`, set through the property, if given),
 * append it, and resolve with the outcome: `{ok, quotes}` or `{error, alert}` (the error
 * event's message and the shadow root's `[role=alert]` text).
 */
export function widgetOutcome(page, { attrs = {}, text } = {}) {
  return page.evaluate(async ({ attrs, text }) => {
    await customElements.whenDefined('relations-widget');
    const w = document.createElement('relations-widget');
    const done = new Promise((resolve) => {
      w.addEventListener('relations-widget:analyzed', (e) => resolve({ ok: true, quotes: e.detail.quotes.length }), { once: true });
      w.addEventListener('relations-widget:error', (e) => resolve({
        error: e.detail.message,
        alert: w.shadowRoot?.querySelector('[role=alert]')?.textContent ?? null,
      }), { once: true });
    });
    for (const [k, v] of Object.entries(attrs)) w.setAttribute(k, v);
    if (text !== undefined) w.text = text;
    document.body.append(w);
    return done;
  }, { attrs, text });
}
