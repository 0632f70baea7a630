// Shared set-up for the end-to-end tests: the project's dev server (Vite) on a free port, a
// plain static file server (to prove the demo needs no bundler), and Debian's Chromium.
import { createServer as createHttpServer } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer as createViteServer } from 'vite';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const ARTIFACTS = join(ROOT, 'artifacts');

/** Start the dev server of README command 1 on a free port; returns {url, close}. */
export async function startDevServer() {
  process.env.RELATIONS_NO_WATCH = '1';
  const server = await createViteServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.js'),
    logLevel: 'warn',
    server: { port: 0, strictPort: false, host: '127.0.0.1' },
  });
  await server.listen();
  const url = server.resolvedUrls.local[0].replace(/\/$/, '');
  return { url, close: () => server.close() };
}

/** Content types by file extension, for the test servers. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

/**
 * A plain static file server over the repository root (what "any static server" does: files
 * by path, a content type by extension, 404 otherwise). `headers` are added to every answer.
 */
export async function startStaticServer({ headers = {} } = {}) {
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launch Debian's Chromium headless (never a downloaded browser). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** A new page that records console errors and uncaught exceptions. */
export async function newPage(browser, options = {}) {
  const page = await browser.newPage(options);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

/** Texts of the quote cards inside the widget's shadow root (`part="quote"`). */
export async function cardTexts(page, selector = 'relations-widget') {
  return page.$$eval(`${selector} >> [part~="quote"]`, (cards) => cards.map((c) => c.textContent));
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
