// The demo, end to end in Chromium: served by the dev server, then by a plain static server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cardTexts, launchBrowser, newPage, screenshot, startDevServer, startStaticServer } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const OTHER_ARTICLE = [
  'Russia and North Korea pledged closer cooperation on Tuesday.',
  '“Our friendship is unbreakable,” said Ivan Petrov, a Russian diplomat.',
  '“We will build a new bridge together,” an official in Pyongyang said.',
].join('\n');

async function seedRendered(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector('relations-widget')?.shadowRoot;
    return root && root.querySelectorAll('[part~="quote"]').length >= 8;
  }, null, { timeout: 20000 });
}

test('dev server: the demo renders the seed quotes, then a pasted article', async () => {
  const server = await startDevServer();
  try {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const res = await page.goto(`${server.url}/`);
    assert.ok(res.ok());
    assert.match(page.url(), /\/www\/$/);
    await seedRendered(page);
    const texts = await cardTexts(page);
    assert.ok(texts.some((t) => t.includes('For their ties to improve')), texts.join('\n'));
    assert.ok(texts.some((t) => t.includes('Despite the apparent discomfort')));
    const header = await page.$eval('relations-widget >> h2', (h) => h.textContent);
    assert.match(header, /China/);
    assert.match(header, /North Korea/);

    const wasm = await page.request.get(`${server.url}/pkg/relations_widget_bg.wasm`);
    assert.equal(wasm.headers()['content-type'], 'application/wasm');
    await screenshot(page, 'demo.png');

    await page.fill('#article-input', OTHER_ARTICLE);
    await page.click('#analyze-button');
    await page.waitForFunction(() => {
      const root = document.querySelector('relations-widget').shadowRoot;
      return [...root.querySelectorAll('[part~="quote"]')].some((c) => c.textContent.includes('unbreakable'));
    }, null, { timeout: 10000 });
    const after = await cardTexts(page);
    assert.equal(after.length, 2, after.join('\n'));
    assert.ok(!after.some((t) => t.includes('For their ties')));
    await screenshot(page, 'demo-pasted.png');

    // "Back to the sample article" brings back the seed, in the widget and in the textarea.
    await page.click('#reset-button');
    await seedRendered(page);
    await page.waitForFunction(() => document.getElementById('article-input').value.includes('For their ties to improve'));
    // The theme switch sets the widget's theme attribute, every time it changes.
    for (const theme of ['dark', 'light', 'auto']) {
      await page.selectOption('#theme-select', theme);
      assert.equal(await page.$eval('relations-widget', (w) => w.getAttribute('theme')), theme);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    await server.close();
  }
});

test('plain static server: the released demo works without a bundler', async () => {
  const server = await startStaticServer();
  try {
    const page = await newPage(browser);
    await page.goto(`${server.url}/www/`);
    await seedRendered(page);
    const analysis = await page.$eval('relations-widget', (w) => w.analysis);
    assert.ok(analysis.quotes.length >= 8);
    assert.ok(Array.isArray(analysis.paragraphs));
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    await server.close();
  }
});
