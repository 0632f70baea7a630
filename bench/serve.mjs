// The benchmark's static server, in a process of its own so that serving files never waits on
// the Node process that drives the browser. Prints its URL on the first line of stdout.
// Besides the repository it serves /floor.html: an empty page with one module script, the
// machine's floor for page-load times.
import { send, startRoutedServer } from '../e2e/server.mjs';

const server = await startRoutedServer({
  routes: {
    '/floor.html': send(200, 'text/html; charset=utf-8',
      '<!doctype html><title>floor</title><link rel="icon" href="data:,"><p>floor</p><script type="module" src="floor.js"></script>'),
    '/floor.js': send(200, 'text/javascript; charset=utf-8',
      'requestAnimationFrame(() => { window.__rendered = { frame: performance.now() }; });'),
  },
});
console.log(server.url);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
