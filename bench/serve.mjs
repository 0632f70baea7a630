// The benchmark's static server, in a process of its own so that serving never waits on the
// Node process that drives the browser, and from memory (www/ and pkg/ are read once at start,
// as a CDN or the OS page cache would serve them); anything else comes from the disk. Prints
// its URL on the first line of stdout. It also serves /floor.html: an empty page with one
// module script, the machine's floor for page-load times.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ROOT } from '../e2e/helpers.mjs';
import { send, startRoutedServer } from '../e2e/server.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const routes = {
  '/floor.html': send(200, TYPES['.html'],
    '<!doctype html><title>floor</title><link rel="icon" href="data:,"><p>floor</p><script type="module" src="floor.js"></script>'),
  '/floor.js': send(200, TYPES['.js'],
    "performance.mark('bench-rendered'); requestAnimationFrame(() => { window.__rendered = { frame: performance.now() }; });"),
};
for (const dir of ['www', 'pkg']) {
  for (const name of await readdir(join(ROOT, dir))) {
    const type = TYPES[extname(name)];
    if (type) routes[`/${dir}/${name}`] = send(200, type, await readFile(join(ROOT, dir, name)));
  }
}
routes['/www/'] = routes['/www/index.html'];

const server = await startRoutedServer({ routes });
console.log(server.url);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
