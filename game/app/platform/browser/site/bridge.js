// The browser half of T-Cell Hero's canvas back end (the Python half is ../canvas.py).
//
// Python draws through `tch`: every surface is a <canvas> named by a number (0 is the stage,
// the one on the page), and every call takes only numbers and strings, so a call from
// Pyodide costs little. Input is queued here and read once a frame; sound is Web Audio.
//
// Sharp on high-DPI screens: Python counts in the game's own pixels (the stage is 1280 x 800),
// but the stage and each text's surface keep ``sharp`` times as many device pixels (2 on an
// iPad, at most 2; `?sharp=1` for 1) with their context scaled to match, so words and shapes
// drawn on the stage are as sharp as the screen; pictures are as before. Every other surface
// keeps one device pixel to a game pixel (a tablet's browser limits all canvases' memory).
"use strict";

const tch = (() => {
  const surfaces = [];      // id -> { c: canvas, x: 2D context, clipped: bool, k: scale }
  const freeIds = [];
  const spare = [];         // canvases given back, reused before making new ones
  const metrics = new Map(); // CSS font -> [ascent, descent]
  const pictures = new Map(); // "backgrounds/lab.svg" -> decoded <img>
  const queue = [];         // input events waiting for Python, as arrays
  let stage = null;
  let lengths = {};
  let reader = null;        // a 2D context kept for reading pixels back (bounds)
  let sharp = 1;            // device pixels to a game pixel on the stage and texts (see above)

  // A canvas of w x h game pixels, at k device pixels to one.
  function canvas(w, h, k = 1) {
    const c = spare.pop() || document.createElement("canvas");
    c.width = Math.max(0, Math.round(w * k)); c.height = Math.max(0, Math.round(h * k));
    return c;
  }
  function add(c, opaque, k = 1) {
    const x = c.getContext("2d");
    x.setTransform(k, 0, 0, k, 0, 0);
    x.globalAlpha = 1; x.globalCompositeOperation = "source-over";
    x.imageSmoothingQuality = "high";
    if (opaque) { x.fillStyle = "#000"; x.fillRect(0, 0, c.width / k, c.height / k); }
    const id = freeIds.length ? freeIds.pop() : surfaces.length;
    surfaces[id] = { c, x, clipped: false, k };
    return id;
  }
  // Draw game-pixel area (sx, sy, sw, sh) of surface ``s`` at (x, y) of context ``c``.
  function drawPart(c, s, sx, sy, sw, sh, x, y) {
    const k = s.k;
    c.drawImage(s.c, sx * k, sy * k, sw * k, sh * k, x, y, sw, sh);
  }
  const ctx = (id) => surfaces[id].x;
  const drawable = (c) => c.width > 0 && c.height > 0;

  // pygame's shapes replace the pixels they cover (a see-through colour makes a hole, as the
  // moon's crescent is cut); the canvas blends. So on a see-through surface a see-through
  // colour first clears the shape, then paints it.
  function path(x, color, width, replace) {
    if (replace) {
      x.globalCompositeOperation = "destination-out";
      if (width > 0) { x.strokeStyle = "#000"; x.lineWidth = width; x.stroke(); }
      else { x.fillStyle = "#000"; x.fill(); }
      x.globalCompositeOperation = "source-over";
    }
    if (width > 0) { x.strokeStyle = color; x.lineWidth = width; x.stroke(); }
    else { x.fillStyle = color; x.fill(); }
  }

  function fontMetrics(font) {
    let m = metrics.get(font);
    if (!m) {
      const x = surfaces[0].x; x.font = font;
      const t = x.measureText("ÁHgjy");
      m = [Math.ceil(t.fontBoundingBoxAscent), Math.ceil(t.fontBoundingBoxDescent)];
      metrics.set(font, m);
    }
    return m;
  }

  // How many device pixels to a game pixel the stage keeps: as many as the screen shows of it
  // (the device's pixel ratio times the stage's size on the page over its own), in quarters,
  // from 1 to 2; `?sharp=1` in the address keeps 1 (and so the pictures the tests compare).
  function sharpness(c) {
    const asked = Number(new URLSearchParams(location.search).get("sharp"));
    if (asked >= 1) return Math.min(2, asked);
    const shown = c.getBoundingClientRect().width || c.width;
    const k = (window.devicePixelRatio || 1) * shown / c.width;
    return Math.min(2, Math.max(1, Math.round(k * 4) / 4));
  }

  let waking = null;        // ends a calm wait early: input came
  function push(item) {
    queue.push(item);
    if (waking) { const wake = waking; waking = null; wake(); }
  }
  let pointers = 0;          // pointer events seen on the stage (read by the tests)
  function pointer(e, kind) {
    pointers += 1;
    const r = stage.getBoundingClientRect();
    const width = stage.width / sharp, height = stage.height / sharp; // game pixels
    const x = (e.clientX - r.left) * width / r.width;
    const y = (e.clientY - r.top) * height / r.height;
    if (e.pointerType === "touch" || e.pointerType === "pen") {
      push(["finger", kind, e.pointerId, x / width, y / height]);
    } else {
      push(["mouse", kind, Math.round(x), Math.round(y), e.button === -1 ? 0 : e.button + 1]);
    }
  }

  // sound -------------------------------------------------------------------------------------
  let audio = null;
  const buffers = new Map();  // key -> AudioBuffer, or a Promise while it loads
  const channels = new Map(); // channel -> { source, token }
  let music = null;
  let musicLevel = 0;
  function context() {
    if (!audio) {
      const AC = window.AudioContext || window.webkitAudioContext;
      audio = AC ? new AC() : null;
    }
    return audio;
  }
  // Safari before 18.4 plays no OGG Vorbis: there, each effect and the music come from the
  // WAV copy the build made beside it (game/web.py).
  const playsOgg = (() => {
    try { return document.createElement("audio").canPlayType('audio/ogg; codecs="vorbis"') !== ""; }
    catch (e) { return false; }
  })();
  function load(key) {
    if (!buffers.has(key) && context()) {
      const file = !playsOgg && key.endsWith(".ogg") ? key.slice(0, -4) + ".wav" : key;
      const loading = fetch("assets/" + file)
        .then((r) => { if (!r.ok) throw new Error(r.status); return r.arrayBuffer(); })
        .then((b) => new Promise((ok, no) => audio.decodeAudioData(b, ok, no)))
        .then((buf) => { buffers.set(key, buf); return buf; })
        .catch((e) => { buffers.set(key, null); console.warn("sound", key, String(e)); return null; });
      buffers.set(key, loading);
    }
    return buffers.get(key);
  }
  function start(buf, volume, loop) {
    const gain = audio.createGain(); gain.gain.value = volume; gain.connect(audio.destination);
    const source = audio.createBufferSource(); source.buffer = buf; source.loop = loop;
    source.connect(gain); source.start();
    return { source, gain };
  }

  return {
    // set up ----------------------------------------------------------------------------------
    async boot(canvasElement, files) {
      stage = canvasElement;
      sharp = sharpness(stage);
      const w = stage.width, h = stage.height; // the game's own size, from the page
      stage.width = Math.round(w * sharp); stage.height = Math.round(h * sharp);
      add(stage, false, sharp); // surface 0
      lengths = files.lengths || {};
      const wanted = [];
      for (const font of files.fonts) {
        const face = new FontFace(font.family, `url(assets/${font.file})`);
        wanted.push(face.load().then((f) => document.fonts.add(f)).catch((e) => console.warn("font", font.file, String(e))));
      }
      for (const key of files.pictures) {
        const img = new Image();
        img.src = "assets/" + key;
        wanted.push(img.decode().then(() => pictures.set(key, img)).catch(() => console.warn("picture", key)));
      }
      await Promise.all(wanted);
      const wake = () => { const a = context(); if (a && a.state !== "running") a.resume(); };
      for (const kind of ["pointerdown", "keydown", "touchend"]) window.addEventListener(kind, wake, true);
      stage.addEventListener("pointerdown", (e) => {
        e.preventDefault();
        try { stage.setPointerCapture(e.pointerId); } catch (_) { /* a made-up pointer */ }
        pointer(e, "down");
      });
      stage.addEventListener("pointermove", (e) => pointer(e, "move"));
      stage.addEventListener("pointerup", (e) => pointer(e, "up"));
      stage.addEventListener("pointercancel", (e) => pointer(e, "up"));
      stage.addEventListener("contextmenu", (e) => e.preventDefault());
      window.addEventListener("keydown", (e) => {
        if (e.key === "Tab") return;
        // the game's own shortcuts (Ctrl+F the grown-up's panel, Ctrl+L language, Ctrl+Q),
        // not the browser's find bar or address bar
        if ((e.ctrlKey || e.metaKey) && ["f", "l", "q"].includes(e.key.toLowerCase())) e.preventDefault();
        push(["key", "down", e.key, e.ctrlKey || e.metaKey]);
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) push(["text", e.key]);
        if (e.key === " " || e.key.startsWith("Arrow")) e.preventDefault();
      });
      window.addEventListener("keyup", (e) => push(["key", "up", e.key, e.ctrlKey || e.metaKey]));
      window.addEventListener("blur", () => push(["blur"]));
    },
    events() { const out = JSON.stringify(queue); queue.length = 0; return out; },
    // A calm screen's wait: ``ms``, or less when a tap or key comes (answered at once, as on
    // the desktop), then the next frame the browser paints.
    calm(ms) {
      return new Promise((ok) => {
        const timer = setTimeout(() => { waking = null; ok(); }, ms);
        waking = () => { clearTimeout(timer); ok(); };
      }).then(() => new Promise((ok) => requestAnimationFrame(ok)));
    },
    waiting() { return queue.length; },
    pointers() { return pointers; },
    // a made-up touch, sent through the page like a real one (the demo bot uses it)
    touch(kind, x, y) {
      const r = stage.getBoundingClientRect();
      x *= sharp; y *= sharp; // game pixels to the stage's device pixels, as below
      const type = { down: "pointerdown", move: "pointermove", up: "pointerup" }[kind];
      stage.dispatchEvent(new PointerEvent(type, {
        pointerId: 7, pointerType: "touch", isPrimary: true, bubbles: true, cancelable: true,
        clientX: r.left + x * r.width / stage.width, clientY: r.top + y * r.height / stage.height,
        buttons: kind === "up" ? 0 : 1,
      }));
    },
    title(text) { document.title = text; },
    showing(name) { document.body.dataset.screen = name; },
    // a file the grown-up saved (a summary picture, the sessions table), handed over
    download(name, bytes) {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([bytes]));
      link.download = name;
      document.body.appendChild(link); link.click(); link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    },
    say(text) { const live = document.getElementById("live"); if (live && live.textContent !== text) live.textContent = text; },

    // surfaces --------------------------------------------------------------------------------
    surface(w, h, alpha) { return add(canvas(w, h), !alpha); },
    drop(id) {
      const s = surfaces[id];
      if (!s || id === 0) return;
      surfaces[id] = null; freeIds.push(id);
      s.c.width = 0; s.c.height = 0; // its pixels go now (iOS limits all canvases' memory)
      if (spare.length < 64) spare.push(s.c);
    },
    dims(id) {
      const s = surfaces[id];
      return Math.round(s.c.width / s.k) * 65536 + Math.round(s.c.height / s.k);
    },
    sharpness() { return sharp; },
    // a copy keeps its surface's sharpness (the stage under a card, a word)
    copy(id, x, y, w, h, alpha) {
      const from = surfaces[id];
      const to = add(canvas(w, h, from.k), !alpha, from.k);
      if (drawable(from.c) && w > 0 && h > 0) drawPart(ctx(to), from, x, y, w, h, 0, 0);
      return to;
    },
    fill(id, color, x, y, w, h, opaque) {
      const c = ctx(id);
      if (!opaque) c.clearRect(x, y, w, h);
      c.fillStyle = color; c.fillRect(x, y, w, h);
    },
    blit(dst, src, x, y, sx, sy, sw, sh, alpha, mode) {
      const from = surfaces[src];
      if (!drawable(from.c)) return;
      const c = ctx(dst);
      c.globalAlpha = alpha;
      if (mode) c.globalCompositeOperation = "destination-in";
      drawPart(c, from, sx, sy, sw, sh, x, y);
      c.globalAlpha = 1;
      if (mode) c.globalCompositeOperation = "source-over";
    },
    // many pictures at once: [src, x, y, src, x, y, ...]
    blits(dst, list) {
      const c = ctx(dst);
      for (let i = 0; i < list.length; i += 3) {
        const from = surfaces[list[i]];
        if (!drawable(from.c)) continue;
        if (from.k === 1) c.drawImage(from.c, list[i + 1], list[i + 2]);
        else c.drawImage(from.c, list[i + 1], list[i + 2], from.c.width / from.k, from.c.height / from.k);
      }
    },
    clip(id, x, y, w, h) {
      const s = surfaces[id];
      if (s.clipped) s.x.restore();
      s.x.save(); s.x.beginPath(); s.x.rect(x, y, w, h); s.x.clip(); s.clipped = true;
    },
    unclip(id) { const s = surfaces[id]; if (s.clipped) { s.x.restore(); s.clipped = false; } },
    bounds(id) {
      const c = surfaces[id].c, k = surfaces[id].k;
      if (!drawable(c)) return "0,0,0,0";
      // read through a canvas kept for reading (the browser asks for one, to read quickly)
      reader = reader || document.createElement("canvas").getContext("2d", { willReadFrequently: true });
      reader.canvas.width = c.width; reader.canvas.height = c.height;
      reader.drawImage(c, 0, 0);
      const data = reader.getImageData(0, 0, c.width, c.height).data;
      let left = c.width, top = c.height, right = -1, bottom = -1;
      for (let y = 0; y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          if (data[(y * c.width + x) * 4 + 3]) {
            if (x < left) left = x; if (x > right) right = x;
            if (y < top) top = y; bottom = y;
          }
        }
      }
      if (right < 0) return "0,0,0,0";
      // in game pixels: every game pixel any device pixel of it shows
      const l = Math.floor(left / k), t = Math.floor(top / k);
      return `${l},${t},${Math.ceil((right + 1) / k) - l},${Math.ceil((bottom + 1) / k) - t}`;
    },
    png(id) { return surfaces[id].c.toDataURL("image/png"); },

    // shapes ----------------------------------------------------------------------------------
    // As pygame: nothing drawn for a shape of no size (the canvas would throw).
    rect(id, color, x, y, w, h, width, radius, replace) {
      if (width > 0) { const i = width / 2; x += i; y += i; w -= width; h -= width; }
      if (!(w > 0 && h > 0)) return;
      const c = ctx(id);
      c.beginPath();
      if (radius > 0 && c.roundRect) c.roundRect(x, y, w, h, Math.min(radius, w / 2, h / 2));
      else c.rect(x, y, w, h);
      path(c, color, width, replace);
    },
    circle(id, color, x, y, r, width, replace) {
      const radius = width > 0 ? r - width / 2 : r;
      if (!(radius > 0)) return;
      const c = ctx(id);
      c.beginPath();
      c.arc(x, y, radius, 0, 2 * Math.PI);
      path(c, color, width, replace);
    },
    ellipse(id, color, x, y, w, h, width, replace) {
      const i = width > 0 ? width / 2 : 0;
      if (!(w / 2 - i > 0 && h / 2 - i > 0)) return;
      const c = ctx(id);
      c.beginPath();
      c.ellipse(x + w / 2, y + h / 2, w / 2 - i, h / 2 - i, 0, 0, 2 * Math.PI);
      path(c, color, width, replace);
    },
    arc(id, color, x, y, w, h, begin, end, width, replace) {
      const i = width / 2;
      if (!(width > 0 && w / 2 - i > 0 && h / 2 - i > 0)) return;
      const c = ctx(id);
      c.beginPath();
      // pygame's angles go anticlockwise on the screen; the canvas's go clockwise
      c.ellipse(x + w / 2, y + h / 2, w / 2 - i, h / 2 - i, 0, -begin, -end, true);
      path(c, color, width, replace);
    },
    lines(id, color, closed, points, width, fill, replace) {
      if (!fill && !(width > 0)) return;
      const c = ctx(id);
      c.beginPath();
      c.moveTo(points[0], points[1]);
      for (let i = 2; i < points.length; i += 2) c.lineTo(points[i], points[i + 1]);
      if (closed) c.closePath();
      c.lineCap = "round"; c.lineJoin = "round";
      path(c, color, fill ? 0 : width, replace);
      c.lineCap = "butt"; c.lineJoin = "miter";
    },

    // words -----------------------------------------------------------------------------------
    metrics(font) { const m = fontMetrics(font); return m[0] * 65536 + m[1]; },
    measure(font, text) { const c = surfaces[0].x; c.font = font; return c.measureText(text).width; },
    text(font, text, color, width, height, background) {
      const id = add(canvas(width, height, sharp), false, sharp);
      const c = ctx(id);
      if (background) { c.fillStyle = background; c.fillRect(0, 0, width, height); }
      c.font = font; c.fillStyle = color; c.textBaseline = "alphabetic";
      c.fillText(text, 0, fontMetrics(font)[0]);
      return id;
    },

    // pictures --------------------------------------------------------------------------------
    picture(key, w, h) {
      const img = pictures.get(key);
      if (!img) return -1;
      const nw = img.naturalWidth || 1280, nh = img.naturalHeight || 800;
      if (!(w > 0 && h > 0)) { w = nw; h = nh; }
      else { const k = Math.min(w / nw, h / nh); w = Math.max(1, Math.round(nw * k)); h = Math.max(1, Math.round(nh * k)); }
      const id = add(canvas(w, h), false);
      ctx(id).drawImage(img, 0, 0, w, h);
      return id;
    },
    scale(id, w, h, smooth) {
      const from = surfaces[id];
      const to = add(canvas(w, h, from.k), false, from.k);
      const c = ctx(to);
      c.imageSmoothingEnabled = !!smooth;
      if (drawable(from.c) && w > 0 && h > 0) c.drawImage(from.c, 0, 0, w, h);
      return to;
    },
    rotate(id, degrees, zoom, w, h) {
      const from = surfaces[id], k = from.k;
      const to = add(canvas(w, h, k), false, k);
      const c = ctx(to);
      c.translate(w / 2, h / 2); c.rotate(-degrees * Math.PI / 180); c.scale(zoom, zoom);
      const fw = from.c.width / k, fh = from.c.height / k;
      if (drawable(from.c)) c.drawImage(from.c, -fw / 2, -fh / 2, fw, fh);
      c.setTransform(k, 0, 0, k, 0, 0);
      return to;
    },

    // sound -----------------------------------------------------------------------------------
    soundReady() { return context() ? 1 : 0; },
    prepare(key) { load(key); },
    length(key) {
      const b = buffers.get(key);
      if (b && !(b instanceof Promise)) return b.duration;
      return lengths[key] || 0;
    },
    play(key, volume, channel) {
      if (!context()) return;
      const token = {};
      if (channel >= 0) { tch.stop(channel); channels.set(channel, { token, playing: null }); }
      Promise.resolve(load(key)).then((buf) => {
        if (!buf) return;
        if (channel >= 0 && channels.get(channel)?.token !== token) return; // hushed meanwhile
        const p = start(buf, volume, false);
        if (channel >= 0) {
          channels.get(channel).playing = p;
          p.source.onended = () => { if (channels.get(channel)?.token === token) channels.delete(channel); };
        }
      });
    },
    stop(channel) {
      const c = channels.get(channel);
      channels.delete(channel);
      if (c && c.playing) { try { c.playing.source.stop(); } catch (_) { /* already over */ } }
    },
    busy(channel) { return channels.has(channel) ? 1 : 0; },
    music(key, volume) {
      if (!context()) return;
      tch.musicStop();
      musicLevel = volume;
      const token = {}; music = { token, playing: null };
      Promise.resolve(load(key)).then((buf) => {
        if (!buf || music?.token !== token) return;
        music.playing = start(buf, 0, true);
        const gain = music.playing.gain.gain;
        gain.setValueAtTime(0, audio.currentTime);
        gain.linearRampToValueAtTime(musicLevel, audio.currentTime + 2); // the level now
      });
    },
    musicVolume(volume) {
      musicLevel = volume; // kept for music that is still loading
      if (music?.playing) {
        const gain = music.playing.gain.gain;
        gain.cancelScheduledValues(audio.currentTime); // a fade-in under way ends here
        gain.setValueAtTime(volume, audio.currentTime);
      }
    },
    musicStop() { if (music?.playing) { try { music.playing.source.stop(); } catch (_) { /* over */ } } music = null; },
  };
})();
window.tch = tch;
