// The widget's views and interactions, end to end in Chromium, on the plain static server:
// the seed demo, the fixture page (a hand-made analysis with every field filled, plus a
// second widget), the host page (`for`), errors, accessibility (axe-core) and screenshots.
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, cardTexts, launchBrowser, newPage, screenshot, startStaticServer } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Wait until widget `sel` shows at least `n` quote cards. */
async function cards(page, sel, n = 1) {
  await page.waitForFunction(([s, k]) => {
    const root = document.querySelector(s)?.shadowRoot;
    return root && root.querySelectorAll('[part~="quote"]').length >= k;
  }, [sel, n], { timeout: 20000 });
}

/** The ids of the visible cards of widget `sel`. */
function visible(page, sel = 'relations-widget') {
  return page.$eval(sel, (w) => [...w.shadowRoot.querySelectorAll('[part~="quote"]:not([hidden])')]
    .map((c) => c.dataset.quoteId));
}

/** The text of the article marks that carry the selection. */
function markedText(page, sel = 'relations-widget') {
  return page.$eval(sel, (w) => [...w.shadowRoot.querySelectorAll('mark.selected')].map((m) => m.textContent).join(''));
}

async function fixturePage(options = {}) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(`${server.url}/www/fixture.html`);
  await cards(page, '#fixture', 6);
  await cards(page, '#inline', 2);
  return page;
}

test('fixture: every view renders from the hand-made analysis', async () => {
  const page = await fixturePage();
  const parts = await page.$eval('#fixture', (w) => {
    const n = (s) => w.shadowRoot.querySelectorAll(s).length;
    return {
      gauge: n('[part~="gauge"] [role="meter"]'),
      quote: n('[part~="quote"]'),
      speaker: n('[part~="speaker"]'),
      edges: n('[part~="graph"] .edge'),
      events: n('[part~="timeline"] .events li'),
      article: n('[part~="article"] mark.quote[data-item]'),
      filter: n('[part~="filter"] select'),
    };
  });
  assert.deepEqual(parts, { gauge: 1, quote: 6, speaker: 4, edges: 4, events: 4, article: 6, filter: 3 });
  // Evidence on demand: closed, then opened.
  const evidence = await page.$('#fixture >> [part~="evidence"] summary');
  assert.equal(await page.$eval('#fixture >> [part~="evidence"]', (d) => d.open), false);
  await evidence.click();
  assert.equal(await page.$eval('#fixture >> [part~="evidence"]', (d) => d.open), true);
  // Hovering an edge lists its evidence sentences.
  await page.hover('#fixture >> .edge[data-edge="1"] .line');
  const edgeText = await page.$eval('#fixture >> .edge-evidence', (p) => p.textContent);
  assert.match(edgeText, /Belmora → Arland: 1 cooperation, 2 conflict/);
  assert.match(edgeText, /expelled an Arland diplomat/);
  // Focusing another edge (keyboard) shows its evidence too.
  await page.focus('#fixture >> .edge[data-edge="2"]');
  assert.match(await page.$eval('#fixture >> .edge-evidence', (p) => p.textContent), /offered technical help/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('fixture: filtering by a speaker leaves only their cards; search and counts update live', async () => {
  const page = await fixturePage();
  await page.selectOption('#fixture >> select[data-filter="speaker"]', 's3');
  assert.deepEqual(await visible(page, '#fixture'), ['q4', 'q5']);
  const names = await page.$$eval('#fixture >> [part~="quote"]:not([hidden]) .name', (n) => n.map((e) => e.textContent));
  assert.deepEqual(names, ['Ilse Renner', 'Ilse Renner']);
  assert.equal(await page.$eval('#fixture >> .count', (c) => c.textContent), 'Showing 2 of 6 quotations');
  assert.equal((await cardTexts(page, '#fixture')).length, 2, 'one part="quote" per visible card');
  // Choosing a voice filters the cards by it.
  await page.click('#fixture >> [part~="speaker"][data-speaker-id="s2"]');
  assert.deepEqual(await visible(page, '#fixture'), ['q2', 'q3']);
  assert.equal(await page.$eval('#fixture >> select[data-filter="speaker"]', (s) => s.value), 's2');
  await page.click('#fixture >> [part~="speaker"][data-speaker-id="s2"]');
  await page.selectOption('#fixture >> select[data-filter="stance"]', 'strained');
  assert.deepEqual(await visible(page, '#fixture'), ['q4', 'q5', 'q6']);
  await page.fill('#fixture >> input[data-filter="search"]', 'neighbour');
  assert.deepEqual(await visible(page, '#fixture'), ['q6']);
  await page.fill('#fixture >> input[data-filter="search"]', 'nothing like this');
  assert.equal(await page.$eval('#fixture >> .no-match', (p) => p.hidden), false);
  await page.keyboard.press('Escape');
  assert.equal((await visible(page, '#fixture')).length, 6);
  // The other widget on the page was not touched.
  assert.equal((await visible(page, '#inline')).length, 2);
  await page.close();
});

test('fixture: a card marks its span in the article; a highlight selects its card', async () => {
  const page = await fixturePage({ permissions: ['clipboard-read', 'clipboard-write'] });
  const events = await page.evaluateHandle(() => {
    const seen = [];
    document.addEventListener('relations-widget:select', (e) => seen.push({ target: e.target.id, detail: e.detail }));
    return seen;
  });
  await page.click('#fixture >> [part~="quote"][data-quote-id="q5"]');
  assert.equal(await markedText(page, '#fixture'),
    'The fishing dispute has not gone away, and both sides are still trading accusations,');
  const last = await events.evaluate((s) => s.at(-1));
  assert.equal(last.target, 'fixture');
  assert.equal(last.detail.quote.id, 'q5');
  assert.equal(last.detail.speaker.name, 'Ilse Renner');
  // The marked span is scrolled into the article box's view.
  const inView = await page.$eval('#fixture', (w) => {
    const box = w.shadowRoot.querySelector('.article-body').getBoundingClientRect();
    const m = w.shadowRoot.querySelector('mark.selected').getBoundingClientRect();
    return m.top >= box.top - 1 && m.bottom <= box.bottom + 1;
  });
  assert.ok(inView);
  // Quote evidence under the gauge selects its card.
  await page.click('#fixture >> [part~="evidence"] summary');
  await page.click('#fixture >> button[data-quote-ref="q4"]');
  assert.equal(await page.$eval('#fixture >> [part~="quote"][aria-selected="true"]', (c) => c.dataset.quoteId), 'q4');
  assert.equal(await markedText(page, '#fixture'), 'papers over deep mistrust');
  await page.click('#fixture >> mark[data-quote-id="q1"]');
  assert.equal(await page.$eval('#fixture >> [part~="quote"][aria-selected="true"]', (c) => c.dataset.quoteId), 'q1');
  // Export: the CSV has a header and one row per quote; JSON copy reports its outcome.
  const csv = await page.$eval('#fixture', (w) => w.csv());
  assert.equal(csv.trim().split('\r\n').length, 7);
  await page.click('#fixture >> button[data-action="copy-json"]');
  await page.waitForFunction(() => document.querySelector('#fixture').shadowRoot.querySelector('.status').textContent === 'Analysis copied as JSON.');
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(copied, await page.$eval('#fixture', (w) => w.analysis));
  const download = page.waitForEvent('download');
  await page.click('#fixture >> button[data-action="download-csv"]');
  assert.equal((await download).suggestedFilename(), 'quotes.csv');
  await page.close();
});

test('keyboard only: Tab reaches the cards, arrows move, Enter selects, Escape clears', async () => {
  const page = await fixturePage();
  const focused = () => page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? { part: a.getAttribute('part'), id: a.dataset?.quoteId, tag: a.tagName,
      outline: getComputedStyle(a).outlineStyle } : null;
  });
  let f = null;
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    f = await focused();
    if (f?.part === 'quote') break;
  }
  assert.equal(f?.part, 'quote', 'Tab never reached a card');
  assert.equal(f.id, 'q1');
  assert.notEqual(f.outline, 'none', 'no visible focus ring');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused()).id, 'q2');
  await page.keyboard.press('End');
  assert.equal((await focused()).id, 'q6');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#fixture >> [part~="quote"][data-quote-id="q6"]', (c) => c.getAttribute('aria-selected')), 'true');
  assert.match(await markedText(page, '#fixture'), /^We will not accept threats/);
  await page.keyboard.press('Escape');
  assert.equal(await markedText(page, '#fixture'), '');
  // Tab leaves the card list in one step (roving tabindex): the next stop is outside it.
  await page.keyboard.press('Tab');
  assert.notEqual((await focused())?.part, 'quote');
  await page.close();
});

test('two widgets on one page; attribute changes re-render; removal and re-insertion', async () => {
  const page = await fixturePage();
  const headers = await page.$$eval('relations-widget', (ws) => ws.map((w) => w.shadowRoot.querySelector('h2').textContent));
  assert.deepEqual(headers, ['Arland – Belmora', 'China – North Korea']);
  // theme: the inline widget is dark, the other follows the (light) page.
  const bg = (sel) => page.$eval(sel, (w) => getComputedStyle(w).backgroundColor);
  assert.equal(await bg('#inline'), 'rgb(22, 27, 34)');
  assert.equal(await bg('#fixture'), 'rgb(255, 255, 255)');
  await page.$eval('#fixture', (w) => { w.theme = 'dark'; });
  assert.equal(await bg('#fixture'), 'rgb(22, 27, 34)');
  await page.$eval('#fixture', (w) => { w.theme = 'auto'; });
  await page.$eval('#inline', (w) => w.setAttribute('pair', 'Russia,North Korea'));
  await page.waitForFunction(() => document.querySelector('#inline').shadowRoot.querySelector('h2')?.textContent === 'Russia – North Korea');
  assert.equal(await page.$eval('#fixture >> h2', (h) => h.textContent), 'Arland – Belmora');
  // Removing the element frees its Rust side; putting it back renders and works again.
  await page.$eval('#inline', (w) => { const p = w.parentNode; w.remove(); p.append(w); });
  await cards(page, '#inline', 2);
  await page.click('#inline >> [part~="quote"]');
  assert.equal(await page.$$eval('#inline >> [part~="quote"][aria-selected="true"]', (c) => c.length), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the seed demo: cards, speakers when attributed, card marks its span', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/www/`);
  await cards(page, '#widget', 8);
  const analysis = await page.$eval('#widget', (w) => w.analysis);
  const texts = await cardTexts(page);
  assert.equal(texts.length, analysis.quotes.length);
  assert.ok(texts.some((t) => t.includes('For their ties to improve')));
  const attributed = analysis.quotes.filter((q) => q.speaker);
  if (attributed.length) {
    // Speakers exist: filtering by the first attributed speaker leaves exactly their quotes.
    const sid = attributed[0].speaker;
    await page.selectOption('#widget >> select[data-filter="speaker"]', sid);
    const want = analysis.quotes.filter((q) => q.speaker === sid).map((q) => q.id);
    assert.deepEqual(await visible(page, '#widget'), want);
    assert.ok(want.length < analysis.quotes.length);
    await page.selectOption('#widget >> select[data-filter="speaker"]', '');
    assert.equal((await visible(page, '#widget')).length, analysis.quotes.length);
  } else {
    // Not attributed yet: every card says so and the filter offers only "not identified".
    const names = await page.$$eval('#widget >> [part~="quote"] .name', (n) => n.map((e) => e.textContent));
    assert.ok(names.every((n) => n === 'Speaker not identified'));
    const options = await page.$$eval('#widget >> select[data-filter="speaker"] option', (o) => o.map((e) => e.value));
    assert.deepEqual(options, ['', 'none']);
    await page.selectOption('#widget >> select[data-filter="speaker"]', 'none');
    assert.equal((await visible(page, '#widget')).length, analysis.quotes.length);
    await page.selectOption('#widget >> select[data-filter="speaker"]', '');
  }
  const q = analysis.quotes[2];
  await page.click(`#widget >> [part~="quote"][data-quote-id="${q.id}"]`);
  assert.equal(await markedText(page, '#widget'), q.text);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('src with a missing URL shows the error inside the widget', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/www/fixture.html`);
  await page.evaluate(() => {
    const w = document.createElement('relations-widget');
    w.id = 'missing';
    w.src = 'no-such-article.txt';
    document.body.append(w);
  });
  await page.waitForFunction(() => document.querySelector('#missing')?.shadowRoot?.querySelector('[role="alert"]'));
  const message = await page.$eval('#missing >> [role="alert"]', (a) => a.textContent);
  assert.match(message, /could not be loaded/);
  assert.match(message, /404/);
  await page.close();
});

test('src with an HTML article: parsed inertly, only the article body counts', async () => {
  // Without the page's CSP, so that only the inert parser stands between the article's
  // scripts and the page (with the CSP, Chrome also reports the blocked attempts).
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(`${server.url}/www/fixture.html`);
  await page.evaluate(() => {
    const w = document.createElement('relations-widget');
    w.id = 'html';
    w.src = '../tests/fixtures/widget-article.html';
    document.body.append(w);
  });
  await cards(page, '#html', 2);
  const texts = await cardTexts(page, '#html');
  assert.deepEqual(texts.map((t) => t.includes('railway') || t.includes('threats')), [true, true], texts.join('|'));
  const leaked = await page.evaluate(() => ({
    script: window.__ranScript ?? false,
    handler: window.__ranHandler ?? false,
    text: JSON.stringify(document.querySelector('#html').analysis),
  }));
  assert.equal(leaked.script, false);
  assert.equal(leaked.handler, false);
  for (const word of ['Menu quote', 'Footer quote', 'STYLE TEXT', 'SCRIPT TEXT', 'INJECTED']) {
    assert.ok(!leaked.text.includes(word), word);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('for: the host page’s own article is highlighted, and selection works both ways', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/www/host.html`);
  await cards(page, 'relations-widget', 4);
  const state = await page.evaluate(() => {
    const w = document.querySelector('relations-widget');
    return {
      quotes: w.analysis.quotes.length,
      highlighted: CSS.highlights.get('rw-quote')?.size ?? 0,
      texts: [...CSS.highlights.get('rw-quote')].map((r) => r.toString()),
      articleView: w.shadowRoot.querySelectorAll('.article-body').length,
      hostMarks: document.querySelectorAll('#story mark').length,
    };
  });
  assert.ok(state.quotes >= 4);
  assert.equal(state.highlighted, state.quotes);
  assert.ok(state.texts.includes('This railway will bring our peoples closer than ever,'), state.texts.join('|'));
  assert.equal(state.articleView, 0);
  assert.equal(state.hostMarks, 0, 'the host DOM is not modified');
  // Selecting a card highlights its span in the host article.
  const q = await page.$eval('relations-widget', (w) => w.analysis.quotes.find((x) => x.text.includes('trading accusations')));
  await page.click(`relations-widget >> [part~="quote"][data-quote-id="${q.id}"]`);
  const selected = await page.evaluate(() => [...(CSS.highlights.get('rw-selected') ?? [])].map((r) => r.toString()));
  assert.deepEqual(selected, [q.text]);
  // Clicking a highlighted quotation in the host article selects its card.
  const first = await page.evaluate(() => {
    const r = [...CSS.highlights.get('rw-quote')].find((x) => x.toString().startsWith('This railway'));
    const b = r.getClientRects()[0];
    return { x: b.left + 10, y: b.top + b.height / 2 };
  });
  await page.mouse.click(first.x, first.y);
  const chosen = await page.$eval('relations-widget >> [part~="quote"][aria-selected="true"] blockquote', (b) => b.textContent);
  assert.equal(chosen, 'This railway will bring our peoples closer than ever,');
  // Removing the widget removes its highlights.
  await page.$eval('relations-widget', (w) => w.remove());
  assert.equal(await page.evaluate(() => CSS.highlights.get('rw-quote')?.size ?? 0), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('accessibility: axe-core finds no serious or critical violation', async () => {
  for (const [path, ready] of [['/www/', '#widget'], ['/www/fixture.html', '#fixture'], ['/www/host.html', 'relations-widget']]) {
    for (const colorScheme of ['light', 'dark']) {
      // axe is injected as a script: the pages' CSP (rightly) forbids that, so bypass it here.
      const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      await cards(page, ready, 1);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad, [], `${path} (${colorScheme}): ${JSON.stringify(bad, null, 1)}`);
      await context.close();
    }
  }
});

test('no sideways scrolling from 320 to 1280 px', async () => {
  const pages = [['/www/fixture.html', '#fixture', 6], ['/www/', '#widget', 8], ['/www/host.html', 'relations-widget', 4]];
  for (const [path, sel, n] of pages) {
    const page = await newPage(browser, { viewport: { width: 320, height: 800 } });
    await page.goto(`${server.url}${path}`);
    await cards(page, sel, n);
    for (const width of [320, 480, 768, 1024, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const over = await page.evaluate((s) => {
        const w = document.querySelector(s);
        const box = w.getBoundingClientRect();
        const wide = [...w.shadowRoot.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > box.right + 1);
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          inside: wide.map((e) => e.className?.baseVal ?? e.className).slice(0, 5),
        };
      }, sel);
      assert.deepEqual(over, { page: 0, inside: [] }, `${path} at ${width}px`);
    }
    await page.close();
  }
});

test('screenshots at 360 and 1280 px, light and dark', async () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const page = await newPage(browser, { viewport: { width, height: 900 }, colorScheme });
      await page.goto(`${server.url}/www/fixture.html`);
      await cards(page, '#fixture', 6);
      // Nothing overflows sideways, even at 360 px.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${width}px ${colorScheme}: page scrolls sideways by ${overflow}px`);
      const el = await page.$('#fixture');
      await mkdir(ARTIFACTS, { recursive: true });
      await el.screenshot({ path: join(ARTIFACTS, `widget-${width}-${colorScheme}.png`) });
      await screenshot(page, `fixture-page-${width}-${colorScheme}.png`);
      await page.close();
    }
  }
  await copyFile(join(ARTIFACTS, 'widget-1280-light.png'), join(ARTIFACTS, 'readme-screenshot.png'));
});
