"""pygame's ``Rect`` in plain Python, for the browser back end (the desktop uses pygame's own).

Only what a rectangle is: integer position and size, the named points and edges, and the
methods the game calls. ``tests/test_browser_backend.py`` checks it against pygame-ce's."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def _half(n: int) -> int:
    """Half, rounded toward zero, as pygame's C code does."""
    return int(n / 2)


def _xywh(args: tuple) -> tuple[int, int, int, int]:
    """Rect(x, y, w, h), Rect((x, y), (w, h)), Rect((x, y, w, h)) or Rect(other)."""
    if len(args) == 1:
        (only,) = args
        if isinstance(only, Rect):
            return only.x, only.y, only.w, only.h
        if hasattr(only, "rect"):
            return _xywh((only.rect,))
        args = tuple(only)
    if len(args) == 2:
        (x, y), (w, h) = args
    elif len(args) == 4:
        x, y, w, h = args
    else:
        raise TypeError("Argument must be rect style object")
    return int(x), int(y), int(w), int(h)


class Rect:
    __slots__ = ("h", "w", "x", "y")

    def __init__(self, *args) -> None:
        self.x, self.y, self.w, self.h = _xywh(args)

    # the named edges and points -------------------------------------------------------------
    width = property(lambda r: r.w, lambda r, v: setattr(r, "w", int(v)))
    height = property(lambda r: r.h, lambda r, v: setattr(r, "h", int(v)))
    left = property(lambda r: r.x, lambda r, v: setattr(r, "x", int(v)))
    top = property(lambda r: r.y, lambda r, v: setattr(r, "y", int(v)))
    right = property(lambda r: r.x + r.w, lambda r, v: setattr(r, "x", int(v) - r.w))
    bottom = property(lambda r: r.y + r.h, lambda r, v: setattr(r, "y", int(v) - r.h))
    centerx = property(lambda r: r.x + r.w // 2, lambda r, v: setattr(r, "x", int(v) - r.w // 2))
    centery = property(lambda r: r.y + r.h // 2, lambda r, v: setattr(r, "y", int(v) - r.h // 2))

    def _pair(first: str, second: str) -> property:
        def get(r: Rect) -> tuple[int, int]:
            return getattr(r, first), getattr(r, second)

        def put(r: Rect, value: Sequence[float]) -> None:
            setattr(r, first, value[0])
            setattr(r, second, value[1])

        return property(get, put)

    size = _pair("w", "h")
    topleft = _pair("left", "top")
    topright = _pair("right", "top")
    bottomleft = _pair("left", "bottom")
    bottomright = _pair("right", "bottom")
    midtop = _pair("centerx", "top")
    midbottom = _pair("centerx", "bottom")
    midleft = _pair("left", "centery")
    midright = _pair("right", "centery")
    center = _pair("centerx", "centery")
    del _pair

    # a sequence of four -----------------------------------------------------------------------
    def __iter__(self) -> Iterator[int]:
        return iter((self.x, self.y, self.w, self.h))

    def __len__(self) -> int:
        return 4

    def __getitem__(self, i):
        return (self.x, self.y, self.w, self.h)[i]

    def __eq__(self, other: object) -> bool:
        try:
            return tuple(self) == _xywh((other,))
        except (TypeError, ValueError):
            return NotImplemented

    __hash__ = None  # type: ignore[assignment]  (as pygame's: it changes)

    def __bool__(self) -> bool:
        return self.w != 0 and self.h != 0

    def __repr__(self) -> str:
        return f"Rect({self.x}, {self.y}, {self.w}, {self.h})"

    def __copy__(self) -> Rect:
        return Rect(self.x, self.y, self.w, self.h)

    copy = __copy__

    # moving and sizing ------------------------------------------------------------------------
    def update(self, *args) -> None:
        self.x, self.y, self.w, self.h = _xywh(args)

    def move(self, *offset) -> Rect:
        dx, dy = offset[0] if len(offset) == 1 else offset
        return Rect(self.x + int(dx), self.y + int(dy), self.w, self.h)

    def move_ip(self, *offset) -> None:
        self.update(self.move(*offset))

    def inflate(self, *amount) -> Rect:
        dx, dy = (int(a) for a in (amount[0] if len(amount) == 1 else amount))
        return Rect(self.x - _half(dx), self.y - _half(dy), self.w + dx, self.h + dy)

    def inflate_ip(self, *amount) -> None:
        self.update(self.inflate(*amount))

    def normalize(self) -> None:
        if self.w < 0:
            self.x, self.w = self.x + self.w, -self.w
        if self.h < 0:
            self.y, self.h = self.y + self.h, -self.h

    def clamp(self, *other) -> Rect:
        x, y, w, h = _xywh(other)
        nx = x + _half(w) - _half(self.w) if self.w >= w else min(max(self.x, x), x + w - self.w)
        ny = y + _half(h) - _half(self.h) if self.h >= h else min(max(self.y, y), y + h - self.h)
        return Rect(nx, ny, self.w, self.h)

    def clamp_ip(self, *other) -> None:
        self.update(self.clamp(*other))

    def clip(self, *other) -> Rect:
        x, y, w, h = _xywh(other)
        left, top = max(self.x, x), max(self.y, y)
        right, bottom = min(self.x + self.w, x + w), min(self.y + self.h, y + h)
        if right <= left or bottom <= top:
            return Rect(self.x, self.y, 0, 0)
        return Rect(left, top, right - left, bottom - top)

    def union(self, *other) -> Rect:
        x, y, w, h = _xywh(other)
        left, top = min(self.x, x), min(self.y, y)
        right, bottom = max(self.x + self.w, x + w), max(self.y + self.h, y + h)
        return Rect(left, top, right - left, bottom - top)

    def union_ip(self, *other) -> None:
        self.update(self.union(*other))

    # asking -----------------------------------------------------------------------------------
    def collidepoint(self, *point) -> bool:
        px, py = point[0] if len(point) == 1 else point
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    def colliderect(self, *other) -> bool:
        x, y, w, h = _xywh(other)
        if not (self and w and h):  # an empty rectangle meets nothing
            return False
        return (
            min(self.x, self.x + self.w) < max(x, x + w)
            and min(self.y, self.y + self.h) < max(y, y + h)
            and max(self.x, self.x + self.w) > min(x, x + w)
            and max(self.y, self.y + self.h) > min(y, y + h)
        )

    def contains(self, *other) -> bool:
        x, y, w, h = _xywh(other)
        return (
            self.x <= x
            and self.y <= y
            and x + w <= self.x + self.w
            and y + h <= self.y + self.h
            and x < self.x + self.w
            and y < self.y + self.h
        )
