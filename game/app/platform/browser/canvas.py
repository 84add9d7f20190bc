"""The part of pygame the game uses, drawn on an HTML canvas: the browser's back end.

The desktop game draws with pygame-ce. In the browser (Pyodide) there is no pygame, so
:func:`install` puts this module in its place before the game is imported: every ``import
pygame`` in the screens and views then gets these surfaces, shapes, fonts, pictures, sounds and
events, drawn by ``site/bridge.js`` on ``<canvas>`` elements, played by Web Audio and read from
pointer events. It is exactly the subset the game calls (a test keeps it so): when pygame-ce
ships for WebAssembly, the browser can use it instead and this module goes.

What differs from pygame, on purpose: shapes and text are smoothed by the canvas; drawing a
see-through colour blends instead of replacing pixels; ``subsurface`` is a copy (the game only
reads from one); the screen shows itself when Python gives the browser its turn, so
``display.flip`` and ``update`` do nothing; ``Surface.get_view`` is refused, so the redraw
checks fall back to sending the whole canvas, which costs nothing here.
"""

from __future__ import annotations

import base64
import json
import math
import sys
import time as _time
import types
from collections import deque
from pathlib import Path

from game.app.platform.browser.rect import Rect

__all__ = ["Rect", "Surface", "error", "install"]

_js = None  # the page's ``tch`` object (bridge.js), set by ``install``


class error(RuntimeError):
    pass


# constants: pygame-ce's values, so a number means the same thing on both back ends ---------------
SRCALPHA = 0x00010000
RLEACCEL = 0x00004000
RESIZABLE = 0x00000010
FULLSCREEN = -0x80000000
BLEND_RGBA_MIN = 0x9
QUIT = 0x100
WINDOWSHOWN, WINDOWEXPOSED, WINDOWRESIZED, WINDOWSIZECHANGED = 0x8005, 0x8007, 0x8009, 0x800A
WINDOWMAXIMIZED, WINDOWRESTORED, WINDOWFOCUSLOST = 0x800C, 0x800D, 0x8011
KEYDOWN, KEYUP, TEXTINPUT = 0x300, 0x301, 0x303
MOUSEMOTION, MOUSEBUTTONDOWN, MOUSEBUTTONUP = 0x400, 0x401, 0x402
FINGERDOWN, FINGERUP, FINGERMOTION = 0x700, 0x701, 0x702
VIDEORESIZE, VIDEOEXPOSE = 0x8001, 0x8002
KMOD_CTRL = 0x00C0
K_BACKSPACE, K_RETURN, K_SPACE, K_ESCAPE = 8, 13, 32, 27
K_RIGHT, K_LEFT, K_DOWN, K_UP = 0x4000004F, 0x40000050, 0x40000051, 0x40000052
K_KP_ENTER = 0x40000058
K_a, K_d, K_f, K_l, K_q, K_s, K_w = (ord(c) for c in "adflqsw")
#: The browser's names for keys (KeyboardEvent.key) as pygame's numbers.
KEYS = {
    "Backspace": K_BACKSPACE,
    "Enter": K_RETURN,
    " ": K_SPACE,
    "Escape": K_ESCAPE,
    "ArrowRight": K_RIGHT,
    "ArrowLeft": K_LEFT,
    "ArrowDown": K_DOWN,
    "ArrowUp": K_UP,
}


# colours ------------------------------------------------------------------------------------------
_css_of: dict[object, str] = {}


def _css(colour) -> str:
    """(r, g, b) or (r, g, b, a) as the canvas writes it."""
    key = colour if isinstance(colour, (tuple, str)) else tuple(colour)
    css = _css_of.get(key)
    if css is None:
        if isinstance(key, str):
            css = key
        else:
            r, g, b, *a = (int(v) for v in key)
            css = f"rgba({r},{g},{b},{(a[0] if a else 255) / 255:.4g})"
        if len(_css_of) < 4096:
            _css_of[key] = css
    return css


def _opaque(colour) -> str:
    return _css(tuple(colour)[:3])


def _replaces(surface: Surface, colour) -> bool:
    """Whether drawing ``colour`` must replace pixels rather than blend (as pygame's shapes
    do): a see-through colour on a see-through surface, such as the moon's cut crescent."""
    return (
        surface._see_through and not isinstance(colour, str) and len(colour) > 3 and colour[3] < 255
    )


# surfaces -----------------------------------------------------------------------------------------
class Surface:
    """A picture the game draws on: a ``<canvas>`` on the page, named by a number."""

    __slots__ = ("__weakref__", "_alpha", "_clip", "_h", "_id", "_see_through", "_w")

    def __init__(self, size, flags: int = 0, *_unused, _id: int | None = None) -> None:
        w, h = int(size[0]), int(size[1])
        if w < 0 or h < 0:
            raise error("Invalid resolution for Surface")
        self._w, self._h = w, h
        self._see_through = bool(flags & SRCALPHA)
        self._alpha: int | None = None
        self._clip: Rect | None = None
        self._id = _js.surface(w, h, self._see_through) if _id is None else _id

    @classmethod
    def _made(cls, surface_id: int, see_through: bool = True, size=None) -> Surface:
        if surface_id < 0:
            raise error("cannot read the picture")
        if size is None:
            both = int(_js.dims(surface_id))
            size = (both >> 16, both & 0xFFFF)
        return cls(size, SRCALPHA if see_through else 0, _id=surface_id)

    def __del__(self) -> None:
        if self._id and _js is not None:
            _js.drop(self._id)

    # size ---------------------------------------------------------------------------------------
    def get_size(self) -> tuple[int, int]:
        return self._w, self._h

    def get_width(self) -> int:
        return self._w

    def get_height(self) -> int:
        return self._h

    def get_rect(self, **where) -> Rect:
        rect = Rect(0, 0, self._w, self._h)
        for name, value in where.items():
            setattr(rect, name, value)
        return rect

    def get_flags(self) -> int:
        return SRCALPHA if self._see_through else 0

    # copies -------------------------------------------------------------------------------------
    def _copy(self, x: int, y: int, w: int, h: int, see_through: bool) -> Surface:
        made = Surface._made(_js.copy(self._id, x, y, w, h, see_through), see_through, (w, h))
        made._alpha = self._alpha
        return made

    def copy(self) -> Surface:
        return self._copy(0, 0, self._w, self._h, self._see_through)

    def convert(self, *_unused) -> Surface:
        return self._copy(0, 0, self._w, self._h, self._see_through and self._alpha is not None)

    def convert_alpha(self, *_unused) -> Surface:
        return self._copy(0, 0, self._w, self._h, True)

    def subsurface(self, *rect) -> Surface:
        """A copy of that area (pygame's shares its pixels; the game only reads from one)."""
        area = Rect(*rect)
        if not self.get_rect().contains(area):
            raise ValueError("subsurface rectangle outside surface area")
        return self._copy(area.x, area.y, area.w, area.h, self._see_through)

    # drawing ------------------------------------------------------------------------------------
    def fill(self, colour, rect=None, special_flags: int = 0) -> Rect:
        area = self.get_rect() if rect is None else Rect(rect).clip(self.get_rect())
        if self._clip is not None:
            area = area.clip(self._clip)
        if area:
            css = _css(colour) if self._see_through else _opaque(colour)
            _js.fill(self._id, css, area.x, area.y, area.w, area.h, not self._see_through)
        return area

    def blit(self, source: Surface, dest, area=None, special_flags: int = 0) -> Rect:
        x, y = int(dest[0]), int(dest[1])
        if area is None:
            sx, sy, sw, sh = 0, 0, source._w, source._h
        else:
            part = Rect(area).clip(source.get_rect())
            x += part.x - Rect(area).x
            y += part.y - Rect(area).y
            sx, sy, sw, sh = part
        if sw > 0 and sh > 0:
            alpha = 1.0 if source._alpha is None else source._alpha / 255
            _js.blit(self._id, source._id, x, y, sx, sy, sw, sh, alpha, special_flags != 0)
        return Rect(x, y, sw, sh).clip(self.get_rect())

    def blits(self, pairs, doreturn: bool = True):
        shown = [self.blit(*pair) for pair in pairs]
        return shown if doreturn else None

    def fblits(self, pairs, special_flags: int = 0) -> None:
        """Many pictures in one call to the page (the hunt's crowd)."""
        flat: list[int] = []
        for source, (x, y) in pairs:
            if source._alpha not in (None, 255):
                self.blit(source, (x, y))
            else:
                flat += (source._id, int(x), int(y))
        if flat:
            from pyodide.ffi import to_js

            _js.blits(self._id, to_js(flat))

    def set_alpha(self, value, flags: int = 0) -> None:
        self._alpha = None if value is None else max(0, min(255, int(value)))

    def get_alpha(self) -> int | None:
        return self._alpha if self._alpha is not None else (255 if self._see_through else None)

    def set_clip(self, rect=None) -> None:
        if rect is None:
            self._clip = None
            _js.unclip(self._id)
        else:
            self._clip = Rect(rect).clip(self.get_rect())
            _js.clip(self._id, *self._clip)

    def get_clip(self) -> Rect:
        return self.get_rect() if self._clip is None else self._clip.copy()

    def get_bounding_rect(self, min_alpha: int = 1) -> Rect:
        return Rect(*(int(v) for v in str(_js.bounds(self._id)).split(",")))

    def get_view(self, *_unused):
        raise error("the browser's canvas has no pixel view")

    get_pitch = get_view


# shapes ----------------------------------------------------------------------------------------
def _rect_of(rect) -> Rect:
    return rect if isinstance(rect, Rect) else Rect(rect)


def _draw_rect(surface, colour, rect, width=0, border_radius=0, *_corners, **_corner) -> Rect:
    r = _rect_of(rect)
    css, replace = _css(colour), _replaces(surface, colour)
    _js.rect(surface._id, css, r.x, r.y, r.w, r.h, int(width), int(border_radius), replace)
    return r.copy()


def _draw_circle(surface, colour, center, radius, width=0, *_quarters, **_quarter) -> Rect:
    x, y = float(center[0]), float(center[1])
    replace = _replaces(surface, colour)
    _js.circle(surface._id, _css(colour), x, y, float(radius), int(width), replace)
    return Rect(int(x - radius), int(y - radius), int(radius * 2), int(radius * 2))


def _draw_ellipse(surface, colour, rect, width=0) -> Rect:
    r = _rect_of(rect)
    replace = _replaces(surface, colour)
    _js.ellipse(surface._id, _css(colour), r.x, r.y, r.w, r.h, int(width), replace)
    return r.copy()


def _draw_arc(surface, colour, rect, start_angle, stop_angle, width=1) -> Rect:
    r = _rect_of(rect)
    css, replace = _css(colour), _replaces(surface, colour)
    _js.arc(surface._id, css, r.x, r.y, r.w, r.h, start_angle, stop_angle, int(width), replace)
    return r.copy()


def _flat(points) -> list[float]:
    return [float(v) for point in points for v in point[:2]]


def _bounds(points) -> Rect:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Rect(int(min(xs)), int(min(ys)), int(max(xs) - min(xs)) + 1, int(max(ys) - min(ys)) + 1)


def _polyline(surface, colour, closed, points, width, fill) -> Rect:
    points = list(points)
    if len(points) < 2:
        raise ValueError("points argument must contain 2 or more points")
    from pyodide.ffi import to_js

    flat, replace = to_js(_flat(points)), _replaces(surface, colour)
    _js.lines(surface._id, _css(colour), closed, flat, int(width), fill, replace)
    return _bounds(points)


def _draw_polygon(surface, colour, points, width=0) -> Rect:
    return _polyline(surface, colour, True, points, width, width == 0)


def _draw_lines(surface, colour, closed, points, width=1) -> Rect:
    return _polyline(surface, colour, closed, points, width, False)


def _draw_line(surface, colour, start_pos, end_pos, width=1) -> Rect:
    return _polyline(surface, colour, False, (start_pos, end_pos), width, False)


draw = types.SimpleNamespace(
    rect=_draw_rect,
    circle=_draw_circle,
    ellipse=_draw_ellipse,
    arc=_draw_arc,
    polygon=_draw_polygon,
    lines=_draw_lines,
    line=_draw_line,
)


# fonts -----------------------------------------------------------------------------------------
class Font:
    """A font file at a size: the page loaded each of the game's fonts under its file's name."""

    def __init__(self, file=None, size: int = 20) -> None:
        family = "sans-serif" if file is None else f'"{Path(str(file)).stem}"'
        if file is not None and not Path(str(file)).is_file():
            raise FileNotFoundError(f"no font file {file}")
        self._css = f"{max(1, int(size))}px {family}, sans-serif"
        both = int(_js.metrics(self._css))
        self._ascent, self._descent = both >> 16, both & 0xFFFF
        self._widths: dict[str, int] = {}

    def size(self, text: str) -> tuple[int, int]:
        width = self._widths.get(text)
        if width is None:
            width = math.ceil(_js.measure(self._css, text))
            if len(self._widths) > 2048:
                self._widths.clear()
            self._widths[text] = width
        return width, self.get_height()

    def render(self, text: str, antialias: bool, colour, background=None) -> Surface:
        if "\x00" in text:
            raise ValueError("A null character was found in the text")
        width, height = self.size(text)
        back = "" if background is None else _css(background)
        made = _js.text(self._css, text, _css(colour), width, height, back)
        return Surface._made(made, background is None, (width, height))

    def get_height(self) -> int:
        return self._ascent + self._descent

    def get_linesize(self) -> int:
        return self.get_height()

    def get_ascent(self) -> int:
        return self._ascent

    def get_descent(self) -> int:
        return -self._descent


font = types.SimpleNamespace(Font=Font, init=lambda: None, get_init=lambda: True, quit=lambda: None)


# pictures and their changes ---------------------------------------------------------------------
def _asset_key(path) -> str:
    """An assets file's name as the page knows it: 'backgrounds/lab.svg'."""
    parts = Path(str(path)).parts
    if "assets" not in parts:
        raise error(f"{path} is not in the game's assets")
    at = len(parts) - 1 - parts[::-1].index("assets")
    return "/".join(parts[at + 1 :])


def _load(path, size=(0, 0)) -> Surface:
    if not Path(str(path)).is_file():
        raise FileNotFoundError(f"no file {path}")
    return Surface._made(_js.picture(_asset_key(path), int(size[0]), int(size[1])))


def _save(surface: Surface, path) -> None:
    url = str(_js.png(surface._id))
    Path(str(path)).write_bytes(base64.b64decode(url.split(",", 1)[1]))


image = types.SimpleNamespace(load=_load, load_sized_svg=_load, save=_save)


def _scaled(surface: Surface, size, smooth: bool) -> Surface:
    w, h = max(0, int(size[0])), max(0, int(size[1]))
    made = Surface._made(_js.scale(surface._id, w, h, smooth), True, (w, h))
    made._alpha = surface._alpha
    return made


def _turned(surface: Surface, angle: float, zoom: float) -> Surface:
    turn = math.radians(angle)
    w, h = surface._w * abs(zoom), surface._h * abs(zoom)
    cos, sin = abs(math.cos(turn)), abs(math.sin(turn))
    size = (math.ceil(w * cos + h * sin), math.ceil(w * sin + h * cos))
    return Surface._made(_js.rotate(surface._id, angle, zoom, *size), True, size)


transform = types.SimpleNamespace(
    smoothscale=lambda surface, size: _scaled(surface, size, True),
    scale=lambda surface, size: _scaled(surface, size, False),
    smoothscale_by=lambda surface, k: _scaled(
        surface, (surface._w * _pair(k)[0], surface._h * _pair(k)[1]), True
    ),
    rotate=lambda surface, angle: _turned(surface, angle, 1.0),
    rotozoom=_turned,
)


def _pair(k) -> tuple[float, float]:
    return (k, k) if isinstance(k, (int, float)) else (k[0], k[1])


# sound -----------------------------------------------------------------------------------------
class Sound:
    """A sound file, fetched and decoded by the page the first time it is wanted."""

    def __init__(self, file) -> None:
        if not Path(str(file)).is_file():
            raise FileNotFoundError(f"no file {file}")
        self._key = _asset_key(file)
        self._volume = 1.0
        _js.prepare(self._key)

    def set_volume(self, value: float) -> None:
        self._volume = max(0.0, min(1.0, float(value)))

    def get_volume(self) -> float:
        return self._volume

    def get_length(self) -> float:
        return float(_js.length(self._key))

    def play(self, *_unused) -> None:
        _js.play(self._key, self._volume, -1)

    def stop(self) -> None:
        pass


class Channel:
    def __init__(self, number: int) -> None:
        self._number = number

    def play(self, sound: Sound, *_unused) -> None:
        _js.play(sound._key, sound._volume, self._number)

    def stop(self) -> None:
        _js.stop(self._number)

    def get_busy(self) -> bool:
        return bool(_js.busy(self._number))


class _Music:
    _key: str | None = None
    _volume = 1.0

    def load(self, file) -> None:
        if not Path(str(file)).is_file():
            raise FileNotFoundError(f"no file {file}")
        self._key = _asset_key(file)

    def play(self, loops: int = 0, start: float = 0.0, fade_ms: int = 0) -> None:
        if self._key is not None:
            _js.music(self._key, self._volume)

    def set_volume(self, value: float) -> None:
        self._volume = max(0.0, min(1.0, float(value)))
        _js.musicVolume(self._volume)

    def stop(self) -> None:
        _js.musicStop()

    def fadeout(self, _ms: int) -> None:
        _js.musicStop()


mixer = types.SimpleNamespace(
    init=lambda *a, **k: None,
    get_init=lambda: (44100, -16, 2) if _js.soundReady() else None,
    quit=lambda: None,
    set_reserved=lambda count: count,
    Sound=Sound,
    Channel=Channel,
    music=_Music(),
)


# events ----------------------------------------------------------------------------------------
class Event:
    def __init__(self, type: int, attributes: dict | None = None, **more) -> None:
        self.type = type
        self.__dict__.update(attributes or {}, **more)

    def __repr__(self) -> str:
        return f"<Event({self.type} {self.__dict__})>"


_posted: deque[Event] = deque()


def _from_page(raw: list) -> list[Event]:
    """bridge.js's queued input as pygame's events (a finger on a touch screen, else a mouse)."""
    out = []
    for item in raw:
        kind = item[0]
        if kind == "finger":
            _, how, finger, x, y = item
            code = {"down": FINGERDOWN, "move": FINGERMOTION, "up": FINGERUP}[how]
            out.append(Event(code, touch_id=1, finger_id=finger, x=x, y=y, dx=0.0, dy=0.0))
        elif kind == "mouse":
            _, how, x, y, button = item
            if how == "move":
                held = (1, 0, 0) if _mouse_held else (0, 0, 0)
                out.append(Event(MOUSEMOTION, pos=(x, y), rel=(0, 0), buttons=held))
            else:
                _set_held(how == "down")
                code = MOUSEBUTTONDOWN if how == "down" else MOUSEBUTTONUP
                out.append(Event(code, pos=(x, y), button=button))
        elif kind == "key":
            _, how, name, ctrl = item
            key = KEYS.get(name, ord(name.lower()) if len(name) == 1 else 0)
            code = KEYDOWN if how == "down" else KEYUP
            out.append(Event(code, key=key, mod=KMOD_CTRL if ctrl else 0, unicode=name))
        elif kind == "text":
            out.append(Event(TEXTINPUT, text=item[1]))
        elif kind == "blur":
            out.append(Event(WINDOWFOCUSLOST))
    return out


_mouse_held = False


def _set_held(held: bool) -> None:
    global _mouse_held
    _mouse_held = held


def _get(*_unused, **_unknown) -> list[Event]:
    events = list(_posted)
    _posted.clear()
    if _js.waiting():
        events += _from_page(json.loads(str(_js.events())))
    return events


_TOUCHES = {FINGERDOWN: "down", FINGERMOTION: "move", FINGERUP: "up"}


def _post(event: Event) -> bool:
    """A made-up finger goes through the page as a pointer event, as a real one comes (its
    mouse copy is dropped: the page makes none); anything else waits here for ``get``."""
    how = _TOUCHES.get(event.type)
    if how is not None:
        _js.touch(how, event.x * _stage_size[0], event.y * _stage_size[1])
    elif not getattr(event, "touch", False):
        _posted.append(event)
    return True


event = types.SimpleNamespace(
    Event=Event,
    get=_get,
    peek=lambda *_unused: bool(_posted) or bool(_js.waiting()),
    pump=lambda: None,
    post=_post,
    clear=lambda *_unused: (_posted.clear(), _js.events()),
)


# the window: the page's canvas -----------------------------------------------------------------
_stage_size = (1280, 800)
_stage: Surface | None = None


def _set_mode(size=(0, 0), flags: int = 0, *_unused, **_unknown) -> Surface:
    global _stage
    if _stage is None:
        _stage = Surface(_stage_size, 0, _id=0)
    return _stage


display = types.SimpleNamespace(
    init=lambda: None,
    quit=lambda: None,
    get_init=lambda: True,
    get_driver=lambda: "canvas",
    set_caption=lambda title, *_: _js.title(title),
    set_icon=lambda _surface: None,
    set_mode=_set_mode,
    get_surface=lambda: _stage,
    flip=lambda: None,
    update=lambda *_unused: None,
    get_window_size=lambda: _stage_size,
    get_desktop_sizes=lambda: [_stage_size],
)


# time ------------------------------------------------------------------------------------------
class Clock:
    """Counts time between ticks; never sleeps (the page's own frame callback paces the game)."""

    def __init__(self) -> None:
        self._last = _time.perf_counter()

    def tick(self, _framerate: float = 0) -> int:
        now = _time.perf_counter()
        ms, self._last = round((now - self._last) * 1000), now
        return ms


time = types.SimpleNamespace(Clock=Clock, get_ticks=lambda: int(_time.perf_counter() * 1000))


def init() -> tuple[int, int]:
    return 6, 0


def quit() -> None:
    pass


# ---------------------------------------------------------------------------------------------
def install(page) -> None:
    """Make ``import pygame`` give this module, drawing through ``page`` (bridge.js's ``tch``).
    Call it before anything imports the game's app."""
    global _js
    _js = page
    module = sys.modules[__name__]
    sys.modules["pygame"] = module
    for name in ("draw", "font", "image", "transform", "mixer", "event", "display", "time"):
        sys.modules[f"pygame.{name}"] = getattr(module, name)
    _set_mode()
