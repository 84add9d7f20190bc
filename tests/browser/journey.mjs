// Plays the web build in Debian's headless Chromium, offline: node journey.mjs BASE_URL OUT_DIR
//
// Prints one JSON report (tests/test_browser.py reads it): first frame time, the demo's whole
// journey, pictures of the map, the hunt and the quiz (OUT_DIR/*.png, compared with the
// desktop's by the test), real taps, a profile kept across a reload, and every request made.
import puppeteer from "puppeteer-core";
import { writeFileSync } from "node:fs";

const [BASE, OUT] = process.argv.slice(2);
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium-headless-shell";
const report = { requests: [], offsite: [], console: [] };

const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: "shell",
  args: ["--no-sandbox", "--disable-gpu", "--autoplay-policy=user-gesture-required"],
  protocolTimeout: 0,
});
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 800, hasTouch: true });
page.on("request", (r) => {
  const url = new URL(r.url());
  report.requests.push(url.pathname + url.search);
  if (!["data:", "blob:"].includes(url.protocol) && url.hostname !== "127.0.0.1") report.offsite.push(r.url());
});
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warn") report.console.push(`${m.type()}: ${m.text()}`.slice(0, 400)); });
page.on("pageerror", (e) => report.console.push("pageerror: " + e.message));

const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));
async function open(query, until = "shown", timeout = 120000) {
  const t0 = Date.now();
  await page.goto(BASE + query, { waitUntil: "load" });
  await page.waitForFunction((u) => document.body.dataset[u] || document.body.dataset.done === "error", { timeout }, until);
  const state = await page.evaluate(() => ({ shown: document.body.dataset.shown, done: document.body.dataset.done,
    firstFrameMs: window.firstFrameMs, report: window.report, error: window.bootError }));
  state.wallMs = Date.now() - t0;
  return state;
}
async function picture(name) {
  const url = await page.evaluate(() => document.getElementById("stage").toDataURL("image/png"));
  writeFileSync(`${OUT}/${name}.png`, Buffer.from(url.split(",")[1], "base64"));
}
const py = (code) => page.evaluate((c) => String(window.pyodide.runPython(c)), code);
const profiles = () => py("import os; str(sorted(os.listdir('/data/profiles')) if os.path.isdir('/data/profiles') else [])");

try {
  // 1. A child opens the game: the first screen, then real taps on it.
  const first = await open("");
  report.first = { firstFrameMs: Math.round(first.firstFrameMs), wallMs: first.wallMs, error: first.error,
    snapshot: await page.evaluate(() => window.marks.snapshot) };
  await wait(1500);
  await picture("first");
  report.live = await page.$eval("#live", (e) => e.textContent);
  // held upright, the tablet says it can be turned; on its side, nothing is said
  const turnShown = () => page.$eval("#turn", (e) => getComputedStyle(e).display !== "none");
  report.turnLandscape = await turnShown();
  await page.setViewport({ width: 800, height: 1280, hasTouch: true });
  report.turnPortrait = await turnShown();
  await page.setViewport({ width: 1280, height: 800, hasTouch: true });
  // a finger on an empty spot, then a mouse click on the first colour card ("Sky blue")
  const box = await (await page.$("#stage")).boundingBox();
  const before = await page.evaluate(() => window.tch.pointers());
  await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.95);
  await page.mouse.click(box.x + box.width * 0.266, box.y + box.height * 0.34);
  report.pointers = (await page.evaluate(() => window.tch.pointers())) - before;
  await wait(1500);
  report.tapsLeft = await page.evaluate(() => window.tch.waiting());
  report.liveAfterTap = await page.$eval("#live", (e) => e.textContent);
  await picture("after-tap");

  // 2. The grown-up's corner opens from the keyboard (Ctrl+F), and closes again.
  const screen = () => page.evaluate(() => document.body.dataset.screen);
  report.screenBefore = await screen();
  await page.keyboard.down("Control"); await page.keyboard.press("f"); await page.keyboard.up("Control");
  await page.waitForFunction(() => document.body.dataset.screen === "FacilitatorPanel", { timeout: 10000 })
    .catch(() => null);
  report.grownUp = await screen();
  await picture("grown-up");

  // 3. In Spanish the first screen speaks Spanish.
  await open("?lang=es");
  await wait(1000);
  report.liveSpanish = await page.$eval("#live", (e) => e.textContent);

  // 4. Pictures to compare with the desktop's.
  for (const [name, query] of [["map", "?scene=meet&map=1&frames=60"], ["hunt", "?scene=hunt&frames=120"], ["quiz", "?scene=cheer&frames=600"]]) {
    const state = await open(query, "done");
    report[name] = state.report || { error: state.error };
    await picture(name);
  }

  // 5. The demo bot plays the whole journey, its taps sent through the page as touches.
  const demo = await open("?demo=1", "done", 30 * 60000);
  report.demo = demo.report || { error: demo.error };
  report.profilesAfterDemo = await profiles();

  // 6. Closing and opening again keeps the child's profile.
  await open("");
  report.profilesAfterReload = await profiles();

  // 7. Once the page has kept its files, it opens and plays with no network.
  report.offlineReady = await page.evaluate(async () => {
    const ready = await Promise.race([navigator.serviceWorker.ready, new Promise((ok) => setTimeout(ok, 120000))]);
    return Boolean(ready && ready.active);
  });
  await page.setOfflineMode(true);
  const offline = await open("", "shown", 60000).catch((e) => ({ error: String(e) }));
  report.offline = { shown: offline.shown, error: offline.error };
  report.offlineProfiles = await profiles().catch(() => "");
  await page.setOfflineMode(false);
} catch (e) {
  report.failure = String(e.stack || e);
} finally {
  await browser.close();
}
report.requests = [...new Set(report.requests)].length;
console.log(JSON.stringify(report, null, 1));
