// One visit to the web build in a Chromium that keeps its data in PROFILE_DIR, as a tablet
// keeps the offline copy between visits: node update.mjs BASE_URL PROFILE_DIR
//
// Prints JSON: whether the first screen came, the build the page ran (files.json's version)
// and the build the offline copy's worker has. tests/test_browser.py visits, rebuilds, and
// visits twice more, as a clinic updating its server would.
import puppeteer from "puppeteer-core";

const [BASE, PROFILE] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium-headless-shell",
  headless: "shell",
  userDataDir: PROFILE,
  args: ["--no-sandbox", "--disable-gpu"],
  protocolTimeout: 0,
});
const out = {};
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800, hasTouch: true });
  await page.goto(BASE, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.shown || document.body.dataset.done === "error",
    { timeout: 300000 });
  Object.assign(out, await page.evaluate(async () => {
    const ready = await navigator.serviceWorker.ready;
    // look for a newer build now (a browser also does on its own, soon after opening), then
    // wait until its worker has kept every file (it is then waiting, or active)
    await (await navigator.serviceWorker.getRegistration()).update().catch(() => null);
    for (let i = 0; i < 600; i++) {
      const reg = await navigator.serviceWorker.getRegistration();
      if (reg && !reg.installing) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const reg = await navigator.serviceWorker.getRegistration();
    const worker = reg.waiting || reg.active;
    const names = await caches.keys();
    return {
      shown: document.body.dataset.shown || null,
      error: window.bootError || null,
      ran: window.filesVersion,
      snapshot: window.marks.snapshot,
      active: Boolean(ready.active),
      kept: names,
      waiting: Boolean(reg.waiting),
      worker: worker ? worker.scriptURL : null,
    };
  }));
} catch (e) {
  out.failure = String(e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
