// Security end to end: hostile articles render as inert text in every view, in text and HTML
// input modes, and the demo and an embed page work under a strict Content-Security-Policy.
//
// The XSS checks run WITHOUT a CSP, so that nothing but the widget's own text-only rendering
// stands between a payload and execution. They assert over the whole shadow root (no markup
// from input, no event-handler attributes, no javascript: URLs), so they stay true as the
// widget gains views.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, newPage, ROOT } from './helpers.mjs';
import { HOST_PAGE, send, startRoutedServer, widgetOutcome } from './server.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const { vectors } = JSON.parse(await readFile(join(ROOT, 'e2e', 'fixtures', 'xss-vectors.json'), 'utf8'));

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');

/** An article with every payload quoted (so quote views show it) and in narration. */
const textArticle = (items) => [
  'China and North Korea held talks in Beijing on Tuesday, state media said.',
  ...items.map((v, i) => `“Vector ${i}: ${v},” said Jane Doe, a professor at Example University.`),
  ...items.map((v, i) => `Narration ${i} mentions ${v} between China and North Korea.`),
].join('\n');

/** The same payloads in an HTML page: entity-encoded first (they must show), then raw. */
const htmlArticle = (items) => `<!doctype html><html><head><title>t</title>
<script>window.__xss = 'page script'</script></head><body><article>
<p>China and North Korea held talks in Beijing on Tuesday, state media said.</p>
${items.map((v, i) => `<p>“Encoded ${i}: ${escapeHtml(v)},” said Jane Doe, a professor.</p>`).join('\n')}
${items.map((v, i) => `<p>“Raw ${i}: ${v},” said Jane Doe, a professor.</p>`).join('\n')}
</article><img src=x onerror="window.__xss='img'"></body></html>`;

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startRoutedServer({
    routes: {
      '/host.html': send(200, 'text/html; charset=utf-8', HOST_PAGE),
      '/a/xss.txt': send(200, 'text/plain; charset=utf-8', textArticle(vectors)),
      '/a/xss.html': send(200, 'text/html; charset=utf-8', htmlArticle(vectors)),
      // HTML served as text/plain is recognised by its doctype and read the same inert way.
      '/a/xss-sniffed.txt': send(200, 'text/plain; charset=utf-8', htmlArticle(vectors)),
      '/a/control.txt': send(200, 'text/plain; charset=utf-8', textArticle(vectors.map((_, i) => `payload ${i}`))),
    },
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything about the last widget's shadow root that a payload could have changed. */
function inspectLastWidget(page) {
  return page.evaluate(async () => {
    // Give error handlers, autofocus and media a moment to fire if anything was injected.
    await new Promise((ok) => setTimeout(ok, 300));
    const widgets = document.querySelectorAll('relations-widget');
    const root = widgets[widgets.length - 1].shadowRoot;
    const all = [...root.querySelectorAll('*')];
    const urlAttrs = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc', 'poster'];
    return {
      xss: window.__xss,
      tags: [...new Set(all.map((e) => e.localName))].sort(),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
      jsUrls: all.flatMap((e) => urlAttrs
        .map((n) => e.getAttribute(n))
        .filter((v) => v != null && /^\s*(javascript|data|vbscript):/i.test(v.replace(/[\u0000-\u0020]/g, '')))),
      text: root.textContent,
    };
  });
}

const FORBIDDEN = ['script', 'img', 'iframe', 'svg', 'object', 'embed', 'video', 'audio', 'math', 'form',
  'input', 'meta', 'template', 'details', 'marquee', 'noscript', 'style', 'a', 'base', 'source', 'animate'];

let controlTags;
async function control(page) {
  if (!controlTags) {
    const got = await widgetOutcome(page, { attrs: { src: '/a/control.txt' } });
    assert.ok(got.ok, JSON.stringify(got));
    controlTags = (await inspectLastWidget(page)).tags;
  }
  return controlTags;
}

function assertInert(seen, allowedTags, label) {
  assert.equal(seen.xss, undefined, `${label}: a payload ran (window.__xss = ${seen.xss})`);
  const extra = seen.tags.filter((t) => !allowedTags.includes(t));
  assert.deepEqual(extra, [], `${label}: elements the same article without payloads does not have`);
  const forbidden = seen.tags.filter((t) => FORBIDDEN.includes(t) && !allowedTags.includes(t));
  assert.deepEqual(forbidden, [], `${label}: markup from the input`);
  assert.deepEqual(seen.handlers, [], `${label}: event-handler attributes`);
  assert.deepEqual(seen.jsUrls, [], `${label}: script URLs`);
}

test('XSS: payloads in a text article render as text, set as text and loaded from src', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/host.html`);
  const allowed = await control(page);
  for (const [label, how] of [
    ['text property', { text: textArticle(vectors) }],
    ['src text/plain', { attrs: { src: '/a/xss.txt' } }],
  ]) {
    const got = await widgetOutcome(page, how);
    assert.ok(got.ok, `${label}: ${JSON.stringify(got)}`);
    const seen = await inspectLastWidget(page);
    assertInert(seen, allowed, label);
    for (const v of vectors) assert.ok(seen.text.includes(v), `${label}: the payload shows as text: ${v}`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('XSS: payloads in an HTML article are inert, and encoded ones show literally', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/host.html`);
  const allowed = await control(page);
  for (const src of ['/a/xss.html', '/a/xss-sniffed.txt']) {
    const got = await widgetOutcome(page, { attrs: { src } });
    assert.ok(got.ok, `${src}: ${JSON.stringify(got)}`);
    const seen = await inspectLastWidget(page);
    assertInert(seen, allowed, src);
    for (const v of vectors) assert.ok(seen.text.includes(v), `${src}: the encoded payload shows as text: ${v}`);
    assert.doesNotMatch(seen.text, /page script/, `${src}: the page's own script is not article text`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('XSS: payloads in attributes and error messages render as text', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/host.html`);
  const allowed = await control(page);
  const payload = '<img src=x onerror=window.__xss=1>';
  const ok = await widgetOutcome(page, { attrs: { pair: `${payload},China` }, text: '“Fine,” he said.' });
  assert.ok(ok.ok, JSON.stringify(ok));
  let seen = await inspectLastWidget(page);
  assertInert(seen, allowed, 'pair attribute');
  assert.ok(seen.text.includes(payload), 'the pair shows as text');

  const bad = await widgetOutcome(page, { attrs: { date: `<script>window.__xss=2</script>${payload}` }, text: 'Some text.' });
  assert.ok(bad.error, JSON.stringify(bad));
  seen = await inspectLastWidget(page);
  assertInert(seen, allowed, 'date attribute in an error message');
  assert.ok(seen.text.includes(payload), 'the invalid date shows as text in the message');

  const src = await widgetOutcome(page, { attrs: { src: `/a/${payload}` } });
  assert.ok(src.error, JSON.stringify(src));
  assertInert(await inspectLastWidget(page), allowed, 'src in an error message');
  await page.close();
});

/** Record CSP violations from the first script on. */
async function cspPage() {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
  return page;
}

async function cardsIn(page, selector) {
  await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="quote"]'), selector, { timeout: 20000 });
  return page.$$eval(`${selector} >> [part~="quote"]`, (cards) => cards.length);
}

test('CSP: the demo and the embed page work under the strict policy', async () => {
  const strict = await startRoutedServer({ headers: { 'content-security-policy': CSP } });
  try {
    const page = await cspPage();
    const res = await page.goto(`${strict.url}/www/`);
    assert.equal(res.headers()['content-security-policy'], CSP);
    assert.ok(await cardsIn(page, 'relations-widget') >= 8);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(page.errors, []);

    // The policy is really enforced: an inline script is refused and reported.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
    });
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.equal(await page.evaluate(() => window.__inline), undefined);
    await page.close();

    const embed = await cspPage();
    await embed.goto(`${strict.url}/www/embed.html`);
    assert.ok(await cardsIn(embed, '#from-src') >= 8);
    assert.equal(await cardsIn(embed, '#from-for'), 2);
    const styled = await embed.$eval('#from-src', (w) => {
      const link = w.shadowRoot.querySelector('link[rel=stylesheet]');
      return Boolean(link?.sheet && link.sheet.cssRules.length > 0);
    });
    assert.ok(styled, 'the widget stylesheet loads under style-src self');
    const header = await embed.$eval('#from-for >> h2', (h) => h.textContent);
    assert.match(header, /Russia/);
    assert.deepEqual(await embed.evaluate(() => window.__csp), []);
    assert.deepEqual(embed.errors, []);
    await embed.close();
  } finally {
    await strict.close();
  }
});
