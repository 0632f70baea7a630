// Dev server for the demo: serves the repository root so that /www/ (the demo) and /pkg/ (the
// wasm-pack output) are both reachable with the same relative paths a static server gives.
// Editing Rust sources rebuilds the wasm and reloads the page.
import { spawn } from 'node:child_process';
import { defineConfig } from 'vite';

function redirectRootToDemo() {
  return {
    name: 'relations-widget:root-redirect',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/www/');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

function rebuildWasmOnChange() {
  let running = null;
  let again = false;
  return {
    name: 'relations-widget:rebuild-wasm',
    apply: 'serve',
    configureServer(server) {
      if (process.env.RELATIONS_NO_WATCH) return;
      const build = () => {
        if (running) { again = true; return; }
        running = spawn('bash', ['scripts/build.sh', '--dev'], { stdio: 'inherit' });
        running.on('exit', (code) => {
          running = null;
          if (code === 0) server.ws.send({ type: 'full-reload' });
          if (again) { again = false; build(); }
        });
      };
      server.watcher.add(['src', 'js']);
      server.watcher.on('change', (file) => {
        if (/[\\/](src|js)[\\/].*\.(rs|css|txt|js|ts)$/.test(file)) build();
      });
    },
  };
}

export default defineConfig({
  root: '.',
  appType: 'mpa',
  publicDir: false,
  clearScreen: false,
  server: {
    host: '127.0.0.1',
    port: 8080,
    strictPort: true,
    watch: { ignored: ['**/target/**', '**/node_modules/**', '**/artifacts/**'] },
  },
  optimizeDeps: { noDiscovery: true, include: [] },
  plugins: [redirectRootToDemo(), rebuildWasmOnChange()],
});
