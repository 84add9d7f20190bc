// The web build's speed in headless Chromium: node bench.mjs BASE_URL (python -m game bench --web)
//
// Prints JSON: the first screen after opening, the first time (an empty browser) and again
// (three reloads), each with when each part of starting ended; how busy the page is on a calm
// screen; and the hunt with 200 cells played by the demo bot in real time: frames the page
// showed a second, Python's time a frame.
import puppeteer from "puppeteer-core";

const BASE = process.argv[2];
const CELLS = Number(process.argv[3] || 200);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium-headless-shell",
  headless: "shell",
  args: ["--no-sandbox", "--disable-gpu"],
  protocolTimeout: 0,
});
const out = { again: [] };
try {
  const context = await browser.createBrowserContext(); // nothing kept from before
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 800, hasTouch: true });
  const open = async (query, until) => {
    await page.goto(BASE + query, { waitUntil: "load" });
    await page.waitForFunction((u) => document.body.dataset[u] || document.body.dataset.done === "error",
      { timeout: 300000 }, until);
    return page.evaluate(() => ({ marks: window.marks, report: window.report, error: window.bootError }));
  };
  out.first = await open("", "shown");
  // a calm first screen ("pick a color"): how busy the page's main thread is while nobody taps,
  // once the offline copy has every file (the first opening fetches them all, once)
  await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return;
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 600; i++) {
      const reg = await navigator.serviceWorker.getRegistration();
      if (reg && !reg.installing) break;
      await new Promise((ok) => setTimeout(ok, 200));
    }
  });
  await new Promise((ok) => setTimeout(ok, 4000));
  const before = await page.metrics();
  await new Promise((ok) => setTimeout(ok, 6000));
  const after = await page.metrics();
  out.idle = (after.TaskDuration - before.TaskDuration) / (after.Timestamp - before.Timestamp);
  for (let i = 0; i < 3; i++) {
    await new Promise((ok) => setTimeout(ok, 3000)); // the page keeps its compiled code meanwhile
    out.again.push(await open("", "shown"));
  }
  out.hunt = (await open(`?cells=${CELLS}&seconds=10`, "done")).report;
} catch (e) {
  out.failure = String(e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
