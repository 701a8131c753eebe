// Opens a deployed Blazor WebAssembly app (the dotnet new blazorwasm template) in headless Chromium, waits until it has
// rendered, goes to its Counter page and clicks the button. Prints one JSON object with what it saw; the calling test
// decides what passes.
//
//   node blazor-counter.mjs URL CHROMIUM [SCREENSHOT.png]
import { chromium } from 'playwright-core';

const [url, executablePath, screenshot] = process.argv.slice(2);
if (!url || !executablePath) {
  console.error('usage: node blazor-counter.mjs URL CHROMIUM [SCREENSHOT.png]');
  process.exit(2);
}

const seen = { heading: null, countBefore: null, countAfter: null, consoleErrors: [], pageErrors: [], failedRequests: [], errorResponses: [], error: null };
// As root Chromium refuses to start with its sandbox; the page is our own, served on loopback.
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], headless: true });
try {
  const page = await browser.newPage();
  page.on('console', m => { if (m.type() === 'error') seen.consoleErrors.push(m.text()); });
  page.on('pageerror', e => seen.pageErrors.push(String(e)));
  page.on('requestfailed', r => seen.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', r => { if (r.status() >= 400) seen.errorResponses.push(`${r.status()} ${r.url()}`); });

  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // The loading spinner in #app is replaced by the layout only once the runtime and the app's assemblies have loaded.
  const heading = page.locator('#app h1');
  await heading.waitFor({ timeout: 60_000 });
  seen.heading = await heading.textContent();

  await page.getByRole('link', { name: 'Counter' }).click();
  const status = page.getByRole('status');
  await status.waitFor({ timeout: 30_000 });
  seen.countBefore = await status.textContent();
  await page.getByRole('button', { name: 'Click me' }).click();
  await page.waitForFunction(before => document.querySelector('[role=status]')?.textContent !== before, seen.countBefore, { timeout: 30_000 });
  seen.countAfter = await status.textContent();
  if (screenshot) {
    await page.screenshot({ path: screenshot });
  }
} catch (e) {
  seen.error = String(e);
} finally {
  await browser.close();
}

console.log(JSON.stringify(seen));
