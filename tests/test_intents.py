"""Mouse, touch and keyboard become one set of intents; a finger is never counted twice."""

from __future__ import annotations

import pygame

from game.app.platform import intents
from game.app.platform.intents import (
    Advance,
    IntentReader,
    PointerDown,
    PointerMove,
    PointerUp,
    Steer,
)

WINDOW = (2560, 1600)  # twice the canvas: every position halves


def reader() -> IntentReader:
    return IntentReader(lambda x, y: (x / 2, y / 2), lambda: WINDOW)


def finger(kind: int, x: float, y: float, finger_id: int = 0) -> pygame.event.Event:
    return pygame.event.Event(
        kind,
        touch_id=1,
        finger_id=finger_id,
        x=x / WINDOW[0],
        y=y / WINDOW[1],
        dx=0.0,
        dy=0.0,
        pressure=1.0,
    )


def mouse(kind: int, x: float, y: float, touch: bool = False, **extra) -> pygame.event.Event:
    return pygame.event.Event(kind, pos=(x, y), touch=touch, **extra)


def test_a_tap_on_a_touch_screen_is_one_tap_not_two():
    got = reader().read(
        [
            finger(pygame.FINGERDOWN, 400, 600),
            mouse(pygame.MOUSEBUTTONDOWN, 400, 600, touch=True, button=1),
            finger(pygame.FINGERUP, 400, 600),
            mouse(pygame.MOUSEBUTTONUP, 400, 600, touch=True, button=1),
        ]
    )
    assert got == [PointerDown(200, 300), PointerUp(200, 300)]


def test_a_drag_with_a_finger_follows_it_once():
    got = reader().read(
        [
            finger(pygame.FINGERDOWN, 100, 100),
            mouse(pygame.MOUSEBUTTONDOWN, 100, 100, touch=True, button=1),
            finger(pygame.FINGERMOTION, 300, 100),
            mouse(pygame.MOUSEMOTION, 300, 100, touch=True, rel=(200, 0), buttons=(1, 0, 0)),
            finger(pygame.FINGERUP, 300, 100),
        ]
    )
    assert got == [PointerDown(50, 50), PointerMove(150, 50), PointerUp(150, 50)]


def test_a_second_finger_does_not_steal_the_t_cell():
    got = reader().read(
        [
            finger(pygame.FINGERDOWN, 100, 100, finger_id=0),
            finger(pygame.FINGERDOWN, 900, 900, finger_id=1),
            finger(pygame.FINGERMOTION, 950, 900, finger_id=1),
            finger(pygame.FINGERUP, 900, 900, finger_id=1),
            finger(pygame.FINGERUP, 100, 100, finger_id=0),
        ]
    )
    assert got == [PointerDown(50, 50), PointerUp(50, 50)]


def test_a_real_mouse_drags_and_hovering_does_nothing():
    got = reader().read(
        [
            mouse(pygame.MOUSEMOTION, 10, 10, rel=(0, 0), buttons=(0, 0, 0)),
            mouse(pygame.MOUSEBUTTONDOWN, 20, 20, button=1),
            mouse(pygame.MOUSEMOTION, 40, 20, rel=(20, 0), buttons=(1, 0, 0)),
            mouse(pygame.MOUSEBUTTONUP, 40, 20, button=1),
            mouse(pygame.MOUSEBUTTONDOWN, 40, 20, button=3),
        ]
    )
    assert got == [PointerDown(10, 10), PointerMove(20, 10), PointerUp(20, 10)]


def test_arrows_and_wasd_steer_and_space_or_enter_advance():
    def key(kind: int, code: int) -> pygame.event.Event:
        return pygame.event.Event(kind, key=code, mod=0)

    got = reader().read(
        [
            key(pygame.KEYDOWN, pygame.K_RIGHT),
            key(pygame.KEYDOWN, pygame.K_w),
            key(pygame.KEYUP, pygame.K_RIGHT),
            key(pygame.KEYUP, pygame.K_w),
            key(pygame.KEYDOWN, pygame.K_SPACE),
            key(pygame.KEYDOWN, pygame.K_RETURN),
        ]
    )
    assert got == [
        Steer(1, 0),
        Steer(1, -1),
        Steer(0, -1),
        Steer(0, 0),
        Advance(),
        Advance(enter=True),
    ]


def test_losing_focus_lets_go_of_held_keys():
    r = reader()
    r.read([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_LEFT, mod=0)])
    assert r.read([pygame.event.Event(pygame.WINDOWFOCUSLOST)]) == [Steer(0, 0)]


def test_ctrl_q_quits_but_a_plain_q_does_not():
    got = reader().read(
        [
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=0),
            pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=pygame.KMOD_LCTRL),
        ]
    )
    assert got == [intents.AnyKey(), intents.Quit()]  # a plain q is only "any key"


def test_intents_of_one_shape_are_still_each_their_own_kind():
    # The pointer intents share one dataclass, and so do the ones that carry nothing: each
    # still equals only itself, names itself, hashes, and its fields cannot be changed.
    import dataclasses

    import pytest

    assert PointerDown(1, 2) == PointerDown(1, 2)
    assert PointerDown(1, 2) != PointerUp(1, 2)
    assert PointerMove(1, 2) != PointerDown(1, 2)
    assert intents.Quit() == intents.Quit()
    assert intents.Quit() != intents.Resized()
    assert intents.Erase() != intents.AnyKey()
    assert repr(PointerUp(3, 4)) == "PointerUp(x=3, y=4)"
    assert repr(intents.Facilitator()) == "Facilitator()"
    assert len({PointerDown(1, 2), PointerUp(1, 2), PointerDown(1, 2)}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        PointerDown(1, 2).x = 5
    match PointerUp(7, 8):
        case PointerDown():
            kind = "down"
        case PointerUp(x, y):
            kind = f"up at {x}, {y}"
    assert kind == "up at 7, 8"
