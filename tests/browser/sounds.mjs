// The sounds a page asks for in a browser that plays no OGG Vorbis (Safari before 18.4):
// node sounds.mjs BASE_URL. Prints JSON: the sound and voice files fetched while the demo bot plays.
import puppeteer from "puppeteer-core";

const BASE = process.argv[2];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium-headless-shell",
  headless: "shell",
  // sound may start before a tap here: what is fetched is the question, not when
  args: ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"],
  protocolTimeout: 0,
});
const out = { fetched: [] };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.evaluateOnNewDocument(() => {
    const real = HTMLMediaElement.prototype.canPlayType;
    HTMLMediaElement.prototype.canPlayType = function (type) {
      return type.includes("ogg") ? "" : real.call(this, type);
    };
  });
  page.on("requestfinished", (request) => {
    const url = request.url();
    if (/\.(ogg|wav|mp3)$/.test(url)) out.fetched.push([url.split("/assets/")[1], request.response().status()]);
  });
  // the demo bot plays through the chapters, with their music and effects
  await page.goto(BASE + "?demo=1", { waitUntil: "load" });
  for (let i = 0; i < 240 && out.fetched.filter(([name]) => !name.startsWith("voice/")).length < 3; i++) {
    await new Promise((ok) => setTimeout(ok, 250));
  }
} catch (e) {
  out.failure = String(e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
