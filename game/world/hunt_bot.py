"""The hunt's demo bot: it plays like a child, finger on the T cell, dragging it to the nearest
cell to find (a leukemia cell in the shipped hunt) and round the healthy B cells on the way."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from game.world.cells import BOUNDS
from game.world.gestures import Gesture, Move, Press, Release

if TYPE_CHECKING:
    from game.world.cells import Cell
    from game.world.hunt import HuntRules

#: Room (px) the bot keeps between its T cell and a healthy B cell.
ROOM = 40.0
#: How far ahead (px) the bot looks for a B cell in the way.
LOOK = 150.0
#: Turns (degrees) off the straight line to the goal the bot tries, smallest first.
TURNS = range(0, 181, 15)


class HuntBot:
    """Finger on the T cell, then drag it a little ahead of the T cell, so the T cell goes the
    way the bot means: straight to the cell to find, or turned just enough to pass a healthy B
    cell. A cell to find that sits beside a B cell waits until they drift apart."""

    FINGER_SPEED = 900.0
    #: How far ahead of the T cell the finger leads it (px).
    LEAD = 60.0

    def __init__(self) -> None:
        self.finger: tuple[float, float] | None = None
        self.held = 0.0
        #: Which way (1 or -1) the bot last turned to pass a B cell: it keeps to that side.
        self.side = 1.0

    def step(self, rules: HuntRules, dt: float) -> list[Gesture]:
        player = rules.player
        if self.finger is None:
            if rules.nearest_target() is None:
                return []
            self.finger, self.held = (player.x, player.y), 0.0
            return [Press(*self.finger)]
        self.held += dt
        if rules.nearest_target() is None or self.held > 4.0:
            x, y = self.finger
            self.finger = None
            return [Release(x, y)]
        goal = choose(rules)
        way = self._way(rules, goal) if goal is not None else None
        if way is None:  # wait: the finger rests on the T cell
            ax, ay = player.x, player.y
        else:
            lead = min(self.LEAD, player.distance_to(goal)) if goal is not None else 0.0
            ax, ay = player.x + way[0] * lead, player.y + way[1] * lead
        fx, fy = self.finger
        gap = math.hypot(ax - fx, ay - fy)
        step = min(gap, self.FINGER_SPEED * dt)
        if gap > 1e-6:
            fx, fy = fx + (ax - fx) / gap * step, fy + (ay - fy) / gap * step
        self.finger = (fx, fy)
        return [Move(fx, fy)]

    def _way(self, rules: HuntRules, goal: Cell) -> tuple[float, float] | None:
        """The heading nearest the straight line to ``goal`` that passes every healthy B cell
        with room to spare (along a wall, the way the T cell slides); None if there is none."""
        player = rules.player
        left, top, right, bottom = BOUNDS
        base = math.atan2(goal.y - player.y, goal.x - player.x)
        straight = player.distance_to(goal)
        bystanders = rules.bystanders()
        for turn in TURNS:
            for side in (self.side, -self.side) if turn else (1.0,):
                angle = base + math.radians(turn) * side
                reach = min(LOOK, straight) if turn == 0 else LOOK
                x = player.x + math.cos(angle) * reach
                y = player.y + math.sin(angle) * reach
                x = min(max(x, left + player.radius), right - player.radius)
                y = min(max(y, top + player.radius), bottom - player.radius)
                reach = math.hypot(x - player.x, y - player.y)
                if reach < 1.0:
                    continue  # into a wall
                ux, uy = (x - player.x) / reach, (y - player.y) / reach
                if all(_passes(player, b, ux, uy, reach) for b in bystanders):
                    if turn:
                        self.side = side
                    return ux, uy
        return None


def choose(rules: HuntRules) -> Cell | None:
    """The nearest cell to find that the T cell can reach from any side without touching a
    healthy B cell; None while every one is beside one."""
    player = rules.player
    bystanders = rules.bystanders()
    for cell in rules.targets():
        if all(
            cell.distance_to(b) > cell.radius + b.radius + 2 * player.radius + ROOM / 2
            for b in bystanders
        ):
            return cell
    return None


def _passes(player: Cell, other: Cell, ux: float, uy: float, reach: float) -> bool:
    """Whether swimming ``reach`` px along (ux, uy) keeps the T cell ``ROOM`` clear of
    ``other`` (or takes it away from a cell already nearer)."""
    bx, by = other.x - player.x, other.y - player.y
    ahead = bx * ux + by * uy
    if ahead <= 0:
        return True
    along = min(ahead, reach)
    room = player.radius + other.radius + ROOM
    return math.hypot(bx - ux * along, by - uy * along) >= room
