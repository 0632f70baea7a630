// npm run bench: the browser benchmark, headless, with every figure of the speed and size
// targets. It builds nothing: run `bash scripts/build.sh` first (or pass --build to have it
// run the release build), so that pkg/ holds what a page downloads.
//
//   1. www/bench.html in headless Chromium: analyze() on the seed article and on a 1 MB article
//      (built here from ../shared/data/polnear-train, as the native bench does), compromise on
//      the seed in the same page and run, and the ratios;
//   2. the gzipped size of everything a page downloads (wasm, glue, element module, CSS);
//   3. page load to rendered widget on the demo page (fresh browser context each time; run
//      first, while the browser is fresh).
//
// Figures are printed and written to bench/results/latest.json (git-ignored).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, ROOT } from '../e2e/helpers.mjs';

const TARGETS = {
  seedMs: 0.3,
  compromiseRatio: 100,
  largeRatio: 300,
  gzipKb: 150,
  loadMs: 100,
};
const LARGE_BYTES = 1024 * 1024;
const LOADS = 15;
const CPU_LOADS = 7;
const CORPUS = process.env.RELATIONS_BENCH_CORPUS ?? join(ROOT, '..', 'shared', 'data', 'polnear-train', 'text');
const SHIPPED = ['relations_widget_bg.wasm', 'relations_widget.js', 'relations-widget.js'];
const STYLES = ['relations-widget.css'];

/** The corpus's articles, by file name in order; an empty list without a corpus. */
async function corpusFiles() {
  try {
    return (await readdir(CORPUS)).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return [];
  }
}

/** The native bench's recipe: corpus paragraphs in file-name order until 1 MiB. */
async function largeArticle() {
  const files = await corpusFiles();
  const lines = [];
  let size = 0;
  for (const f of files) {
    const text = await readFile(join(CORPUS, f), 'utf8');
    for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
      if (size >= LARGE_BYTES) return `${lines.join('\n')}\n`;
    }
  }
  return null;
}

/**
 * A real article about twice the seed's length (the first corpus file, in name order, of
 * 12–16 KB), for the traced loads that show whether V8 sends any of the analysis to its
 * optimising compiler while a longer article loads. Null without a corpus.
 */
async function longArticle() {
  for (const f of await corpusFiles()) {
    const text = await readFile(join(CORPUS, f), 'utf8');
    const bytes = Buffer.byteLength(text);
    if (bytes >= 12000 && bytes <= 16000) return { name: f, bytes, text };
  }
  return null;
}

async function sizes() {
  const rows = [];
  for (const name of [...SHIPPED, ...STYLES]) {
    const body = await readFile(join(ROOT, 'pkg', name));
    rows.push({ name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const sum = (names) => rows.filter((r) => names.includes(r.name)).reduce((n, r) => n + r.gzip, 0);
  return { rows, shipped: sum(SHIPPED), withCss: sum([...SHIPPED, ...STYLES]) };
}

/**
 * Page load → rendered widget on the demo page, each load in a fresh browser context (no
 * cache): milliseconds from navigation start to the widget's `analyzed` event (its cards are
 * in the DOM) and to the next frame, and the same from the HTML's first byte, which leaves out
 * the browser's own start-up of the navigation.
 */
async function pageLoads(browser, url, { warm = false } = {}) {
  const runs = [];
  // Warm: one tab reloads the page with the HTTP cache off, so every file is fetched again
  // but the renderer process is already running.
  const warmContext = warm ? await browser.newContext() : null;
  const warmPage = warm ? await warmContext.newPage() : null;
  if (warm) {
    const cdp = await warmContext.newCDPSession(warmPage);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  for (let i = 0; i < LOADS; i++) {
    const context = warmContext ?? await browser.newContext();
    const page = warmPage ?? await context.newPage();
    if (i === 0 || !warm) await page.addInitScript(() => {
      document.addEventListener('relations-widget:analyzed', () => {
        const at = performance.now();
        requestAnimationFrame(() => { window.__rendered = { event: at, frame: performance.now() }; });
      }, { once: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__rendered, null, { timeout: 20000 });
    runs.push(await page.evaluate(() => ({
      ...window.__rendered,
      html: performance.getEntriesByType('navigation')[0]?.responseStart ?? 0,
    })));
    if (!warm) await context.close();
  }
  await warmContext?.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return {
    loads: LOADS,
    eventMedian: median(runs.map((t) => t.event)),
    frameMedian: median(runs.map((t) => t.frame)),
    fromHtmlMedian: median(runs.map((t) => t.frame - t.html)),
    htmlMedian: median(runs.map((t) => t.html)),
    frameBest: Math.min(...runs.map((t) => t.frame)),
    runs,
  };
}

/**
 * The machine's floor: fresh loads of an empty page with one module script, timed like the
 * demo. What the demo takes beyond this is the widget's own cost.
 */
async function floorLoads(browser, origin) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/floor.html`);
    await page.waitForFunction(() => window.__rendered, null, { timeout: 20000 });
    times.push(await page.evaluate(() => window.__rendered.frame));
    await context.close();
  }
  return [...times].sort((a, b) => a - b)[times.length >> 1];
}

/**
 * Main-thread CPU of a page load, which load from other processes on the machine does not
 * inflate the way it inflates wall-clock times: fresh loads traced with Chromium's tracing,
 * summing the renderer main thread's task thread-times up to the `bench-rendered` mark (set
 * on the widget's `analyzed` event, or by the floor page). Also the CPU of the one task that
 * analyses and draws (the `relations-widget:analyzed` dispatch ends it) and, inside it, the
 * time V8 spends compiling wasm functions on their first call; and the CPU that V8's
 * optimising compiler spends on wasm functions in the background from navigation start on
 * (with two cores, it competes with the page).
 */
async function cpuLoads(browser, url, { widget = true, article = null } = {}) {
  const rows = [];
  const tracePath = join(ROOT, 'bench', 'results', 'trace.json');
  await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
  for (let i = 0; i < CPU_LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The demo with another article: its fetches of the sample get `article` instead.
    if (article) {
      await context.route('**/seed-article.txt', (route) =>
        route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: article }));
    }
    if (widget) await page.addInitScript(() => {
      document.addEventListener('relations-widget:analyzed', () => {
        performance.mark('bench-rendered');
        window.__rendered = true;
      }, { once: true });
    });
    await browser.startTracing(page, {
      path: tracePath,
      categories: ['blink.user_timing', 'devtools.timeline', 'v8.wasm', 'disabled-by-default-devtools.timeline'],
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__rendered, null, { timeout: 20000 });
    await browser.stopTracing();
    await context.close();
    const trace = JSON.parse(await readFile(tracePath, 'utf8'));
    const events = trace.traceEvents ?? trace;
    const mark = events.find((e) => e.name === 'bench-rendered');
    const tid = events.find((e) => e.name === 'ParseHTML')?.tid;
    if (!mark || tid == null) continue;
    const tasks = events.filter((e) => e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.ts <= mark.ts);
    const last = tasks.find((t) => t.ts <= mark.ts && mark.ts <= t.ts + t.dur);
    const inLast = (e) => last && e.tid === tid && e.ph === 'X' && e.ts >= last.ts && e.ts <= last.ts + last.dur;
    rows.push({
      main: tasks.reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000,
      task: (last?.tdur ?? 0) / 1000,
      lazy: events.filter((e) => inLast(e) && e.name === 'wasm.CompileLazy').reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000,
      // Jobs that start before the widget is drawn, counted whole (one may end after it).
      optimise: events.filter((e) => e.ph === 'X' && e.name === 'wasm.TopTierCompilation' && e.ts <= mark.ts)
        .reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000,
    });
  }
  const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[rows.length >> 1] ?? NaN;
  return { loads: rows.length, main: median('main'), task: median('task'), lazy: median('lazy'), optimise: median('optimise'), rows };
}

/** Start bench/serve.mjs in its own process; returns {url, close}. */
function serveInChild() {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'serve.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench/serve.mjs exited with ${code}`)));
    child.stdout.once('data', (d) => resolve({
      url: String(d).trim().split('\n')[0],
      close: () => new Promise((ok) => { child.removeAllListeners('exit'); child.once('exit', ok); child.kill('SIGTERM'); }),
    }));
  });
}

const f = (x, d = 3) => x.toFixed(d);
const verdict = (ok) => (ok ? 'met' : 'MISSED');

async function main() {
  if (process.argv.includes('--build')) execFileSync('bash', ['scripts/build.sh'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(ROOT, 'pkg', 'relations_widget_bg.wasm'))) {
    console.error('bench: pkg/ is missing: run `bash scripts/build.sh` first (or `npm run bench -- --build`).');
    process.exit(2);
  }
  const large = await largeArticle();
  if (!large) console.warn(`bench: no corpus at ${CORPUS}; the 1 MB article is the sample's paragraphs, numbered.`);

  const server = await serveInChild();
  const browser = await launchBrowser();
  try {
    // Page loads first, while the browser is fresh; then the timing page.
    const load = await pageLoads(browser, `${server.url}/www/`);
    const warmLoad = await pageLoads(browser, `${server.url}/www/`, { warm: true });
    const floor = await floorLoads(browser, server.url);
    const loadCpu = await cpuLoads(browser, `${server.url}/www/`);
    const floorCpu = await cpuLoads(browser, `${server.url}/floor.html`, { widget: false });
    const long = await longArticle();
    const longCpu = long && await cpuLoads(browser, `${server.url}/www/`, { article: long.text });
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
    if (large) {
      await page.route('**/bench-large.txt', (route) =>
        route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: large }));
    }
    await page.goto(`${server.url}/www/bench.html${large ? '?large=bench-large.txt' : ''}`);
    await page.waitForFunction(() => window.benchResults, null, { timeout: 300000 });
    const r = await page.evaluate(() => window.benchResults);
    if (r.error) throw new Error(`the benchmark page failed: ${r.error}`);
    await page.close();

    const size = await sizes();

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const [load1] = loadavg();
    const out = [];
    const say = (s = '') => out.push(s);
    say(`relations-widget browser benchmark`);
    say(`machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load1.toFixed(1)}; Chromium ${browser.version()} headless; Node ${process.version}`);
    say();
    say(`analyze(seed)        ${f(r.analyzeSeed.median, 4)} ms median (min ${f(r.analyzeSeed.min, 4)})   target ≤ ${TARGETS.seedMs} ms: ${verdict(r.analyzeSeed.median <= TARGETS.seedMs)}`);
    say(`compromise(seed)     ${f(r.compromiseSeed.median, 2)} ms median (min ${f(r.compromiseSeed.min, 2)})   nlp(text).quotations() + .people(), ${r.compromisePeople} people`);
    say(`  ratio              ${f(r.compromiseRatio, 0)}× faster than compromise   target ≥ ${TARGETS.compromiseRatio}×: ${verdict(r.compromiseRatio >= TARGETS.compromiseRatio)}`);
    say(`  of which the object ${f(r.resultObject.median, 4)} ms median: decoding and parsing the ${r.resultBytes} B of JSON text the seed's analysis crosses the boundary as, which any analyze() returning this object pays (${f(TARGETS.seedMs - r.resultObject.median, 4)} ms of the target left for the analysis)`);
    say(`regex scan (seed)    ${f(r.regexSeed.median, 4)} ms median   (quote marks only, for scale)`);
    say(`analyze(1 MB)        ${f(r.analyzeLarge.median, 2)} ms median (min ${f(r.analyzeLarge.min, 2)})   ${r.largeBytes} B, ${f(r.largeBytes / r.seedBytes, 0)}× the seed (${large ? 'polnear-train paragraphs' : r.largeSource})`);
    say(`  ratio to seed      ${f(r.largeRatio, 1)}×   target ≤ ${TARGETS.largeRatio}×: ${verdict(r.largeRatio <= TARGETS.largeRatio)}`);
    say(`  (ratios are medians of side-by-side rounds, so other load on the machine slows both sides alike)`);
    say(`wasm init            ${f(r.initMs, 1)} ms (fetch + compile + instantiate, warm server)`);
    say();
    say('gzipped sizes (gzip -9):');
    for (const row of size.rows) say(`  ${row.name.padEnd(26)} ${String(row.gzip).padStart(7)} B   (${row.raw} B raw)`);
    say(`  total wasm + glue + element ${f(size.shipped / 1024, 1)} KB   target ≤ ${TARGETS.gzipKb} KB: ${verdict(size.shipped / 1024 <= TARGETS.gzipKb)}`);
    say(`  with the stylesheet         ${f(size.withCss / 1024, 1)} KB`);
    say();
    say(`page load → rendered widget (demo page, ${load.loads} fresh loads, medians):`);
    say(`  from navigation start   ${f(load.eventMedian, 1)} ms to the analyzed event, ${f(load.frameMedian, 1)} ms to the next frame   target ≤ ${TARGETS.loadMs} ms: ${verdict(load.frameMedian <= TARGETS.loadMs)}`);
    say(`  fastest load            ${f(load.frameBest, 1)} ms to the next frame`);
    say(`  reloads in a warm tab   ${f(warmLoad.frameMedian, 1)} ms to the next frame (HTTP cache off; the renderer process already runs)`);
    say(`  empty page (the floor)  ${f(floor, 1)} ms: one module script, loaded the same way; the widget adds ${f(load.frameMedian - floor, 1)} ms`);
    say(`  from the HTML's arrival ${f(load.fromHtmlMedian, 1)} ms to the next frame (the HTML's first byte came at ${f(load.htmlMedian, 1)} ms)   target ≤ ${TARGETS.loadMs} ms: ${verdict(load.fromHtmlMedian <= TARGETS.loadMs)}`);
    say(`main-thread CPU of a load (${loadCpu.loads} traced fresh loads, medians; other processes do not inflate these):`);
    say(`  demo page               ${f(loadCpu.main, 1)} ms to the analyzed event; the empty page ${f(floorCpu.main, 1)} ms`);
    say(`  the analyse-and-draw task ${f(loadCpu.task, 1)} ms, of which ${f(loadCpu.lazy, 1)} ms compiling wasm functions on first call`);
    say(`  V8's optimising compiler, in the background: ${f(loadCpu.optimise, 1)} ms on wasm functions (jobs started before the widget was drawn)`);
    if (longCpu) {
      say(`  a longer article (${long.name}, ${long.bytes} B, ${f(long.bytes / r.seedBytes, 1)}× the seed), the same way:`);
      say(`    main-thread CPU ${f(longCpu.main, 1)} ms, the analyse-and-draw task ${f(longCpu.task, 1)} ms, the optimising compiler ${f(longCpu.optimise, 1)} ms in the background`);
    }
    console.log(out.join('\n'));

    await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
    await writeFile(join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify({
      date: new Date().toISOString(), cpu, cores: cpus().length, chromium: browser.version(), page: r, size, load, warmLoad, floor, loadCpu, floorCpu,
      longArticle: long && { name: long.name, bytes: long.bytes }, longCpu,
    }, null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
