// The game on a high-DPI screen (an iPad's two device pixels to a CSS pixel):
// node sharp.mjs BASE_URL. Prints JSON: for the stage kept at the screen's own sharpness and
// for `?sharp=1` (one device pixel to a game pixel, as before), the stage's size, how sharp
// its first screen's title is (the sum of the squared differences between neighbouring device
// pixels over its rows, the stage drawn at the screen's size) and a coarse picture of it (the mean of each 32 x 32
// block of game pixels), to check that both show the same screen.
import puppeteer from "puppeteer-core";

const BASE = process.argv[2];
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium-headless-shell",
  headless: "shell",
  args: ["--no-sandbox", "--disable-gpu", "--autoplay-policy=user-gesture-required"],
  protocolTimeout: 0,
});
const out = {};
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 2, hasTouch: true });
  for (const [name, query] of [["one", "?sharp=1"], ["screen", ""]]) {
    await page.goto(BASE + query, { waitUntil: "load" });
    await page.waitForFunction(() => document.body.dataset.shown || document.body.dataset.done === "error", { timeout: 120000 });
    await new Promise((ok) => setTimeout(ok, 1500)); // the first screen settles
    out[name] = await page.evaluate(() => {
      const stage = document.getElementById("stage");
      const big = document.createElement("canvas");
      big.width = 2560; big.height = 1600;
      const b = big.getContext("2d", { willReadFrequently: true });
      b.imageSmoothingEnabled = true; b.imageSmoothingQuality = "high";
      b.drawImage(stage, 0, 0, 2560, 1600);
      const px = b.getImageData(0, 0, 2560, 1600).data;
      let edges = 0; // over the title's rows ("Pick a color for your T cell"), game y 50 to 115
      for (let y = 100; y < 230; y++) {
        for (let x = 0; x < 2559; x++) {
          const i = (y * 2560 + x) * 4;
          const d = px[i] + px[i + 1] + px[i + 2] - px[i + 4] - px[i + 5] - px[i + 6];
          edges += d * d; // squared: a soft edge spreads the same step over more pixels
        }
      }
      const blocks = [];
      for (let by = 0; by < 25; by++) {
        for (let bx = 0; bx < 40; bx++) {
          let sum = 0;
          for (let y = by * 64; y < by * 64 + 64; y += 2) {
            for (let x = bx * 64; x < bx * 64 + 64; x += 2) {
              const i = (y * 2560 + x) * 4;
              sum += px[i] + px[i + 1] + px[i + 2];
            }
          }
          blocks.push(Math.round(sum / (32 * 32 * 3)));
        }
      }
      return { width: stage.width, height: stage.height, sharp: window.tch.sharpness(), edges, blocks,
        screen: document.body.dataset.screen, error: window.bootError || null };
    });
  }
  // at the screen's sharpness, a touch the demo bot sends (in game pixels) reaches the stage
  // where the game means it
  out.pointer = await page.evaluate(() => new Promise((ok) => {
    const stage = document.getElementById("stage");
    stage.addEventListener("pointerdown", (e) => {
      const r = stage.getBoundingClientRect();
      ok([(e.clientX - r.left) * 1280 / r.width, (e.clientY - r.top) * 800 / r.height]);
    }, { once: true });
    window.tch.touch("down", 640, 400);
  }));
} catch (e) {
  out.failure = String(e.stack || e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
