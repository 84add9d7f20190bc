"""Draws the lab: the child's big T cell in the middle, dotted places for CARs on its edge, CAR
pieces on both sides, and, at the end, a cell with CD19 stars whose star the CAR holds. While a
CAR let go off the cell glides back to its tray, the empty places glow: this is where it goes.
Until the child is told to drag them, the CARs rest in their trays, dimmed."""

from __future__ import annotations

import math
from functools import cache

import pygame

from game.app.ui import art, pictures, theme, widgets
from game.script.model import Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.attach import (
    B_CELL_RADIUS,
    CELL_RADIUS,
    CENTRE,
    FIT_SLOT,
    SLOT_REACH,
    VISITOR_RADIUS,
    AttachRules,
    slot_angle,
    slot_position,
)

PIECE = 110  # px square for one CAR piece (a 64 px target at least)
#: The name tag hangs under the lowest CAR, never over it.
TAG_TOP = CENTRE[1] + SLOT_REACH + PIECE / 2 + 6
#: The name tag's height.
TAG_HEIGHT = 48
#: How opaque a CAR resting in its tray is until the child is told to drag it (255: not dimmed).
RESTING_ALPHA = 110


@cache
def car_piece(size: int, disc: bool = True) -> pygame.Surface:
    """A CAR, big enough to see and grab: the Y-shaped hand on a stem, pointing up; a loose one
    sits on a soft disc."""

    def paint(surface: pygame.Surface, unit: float) -> None:
        c = size * unit / 2
        if disc:
            pygame.draw.circle(surface, (255, 246, 214), (c, c), c * 0.95)
            pygame.draw.circle(surface, (236, 214, 160), (c, c), c * 0.95, round(3 * unit))
        pictures.draw_car(surface, c, c, c)

    return art.painted((size, size), paint)


@cache
def resting_piece(size: int) -> pygame.Surface:
    """A CAR in its tray while the story before the instruction is told: seen, dimmed."""
    image = car_piece(size).copy()
    image.set_alpha(RESTING_ALPHA)
    return image


@cache
def attached_car(size: int, degrees: int) -> pygame.Surface:
    """A CAR on the cell's edge, the same size as in the tray, turned to point outward."""
    return pygame.transform.rotate(car_piece(size, disc=False), degrees)


class AttachView:
    def __init__(
        self, scene: Scene, rules: AttachRules, session: Session, strings: Strings
    ) -> None:
        self.strings = strings
        self.rules = rules
        self.session = session
        self.background = art.background(scene.background)

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        rules = self.rules
        canvas.blit(self.background, (0, 0))
        cx, cy = CENTRE
        hint = rules.hint()
        showing = rules.gliding_home()
        for index in rules.empty_slots():
            x, y = slot_position(index, rules.count)
            lit = showing or (hint is not None and hint[1] == index)
            ring = 30 + (4 * theme.pulse(rules.time, 0.64) if lit else 0)
            pygame.draw.circle(canvas, art.YELLOW if lit else (190, 180, 210), (x, y), ring, 5)
        for piece in rules.pieces:
            if piece.slot is not None:  # drawn under the cell, so its stem goes into it
                turn = -round(math.degrees(slot_angle(piece.slot, rules.count) + math.pi / 2))
                image = attached_car(PIECE, turn)
                canvas.blit(image, image.get_rect(center=(round(piece.x), round(piece.y))))
        sprite = art.cell_sprite(
            "t_cell", round(CELL_RADIUS), False, False, self.session.hero_colour
        )
        canvas.blit(sprite, sprite.get_rect(center=(round(cx), round(cy))))
        widgets.name_tag(canvas, self.strings, self.session.hero_name, cx, TAG_TOP)
        for piece in sorted(rules.pieces, key=lambda p: p.held):
            if piece.slot is None:
                lit = hint is not None and hint[0] is piece
                if lit:
                    glow = 54 + 5 * theme.pulse(rules.time, 0.64)
                    pygame.draw.circle(canvas, art.YELLOW, (round(piece.x), round(piece.y)), glow)
                image = car_piece(PIECE) if rules.ready else resting_piece(PIECE)
                canvas.blit(image, image.get_rect(center=(round(piece.x), round(piece.y))))
        self._b_cell(canvas)
        self._visitor(canvas)

    def hero_rect(self) -> pygame.Rect:
        """The child's T cell with all its CARs on, its name tag and the cell whose star it
        holds: the proud moment, which the closing card must not cover."""
        reach = SLOT_REACH + PIECE / 2
        hero = pygame.Rect(0, 0, round(2 * reach), round(TAG_TOP + TAG_HEIGHT - CENTRE[1] + reach))
        hero.topleft = (round(CENTRE[0] - reach), round(CENTRE[1] - reach))
        for where, radius in (
            (self.rules.visitor_position(), VISITOR_RADIUS),
            (self.rules.b_cell_position(), B_CELL_RADIUS),
        ):
            if where is not None:
                reach = round(2 * 1.45 * radius)  # its body and its CD19 stars
                cell = pygame.Rect(0, 0, reach, reach)
                cell.center = (round(where[0]), round(where[1]))
                hero = hero.union(cell)
        return hero

    def _b_cell(self, canvas: pygame.Surface) -> None:
        """A healthy B cell, smooth and round with its CD19 stars, beside the T cell while
        "CD19 is like a name tag on B cells" is said; it glides out as the next line begins."""
        where = self.rules.b_cell_position()
        if where is not None:
            sprite = art.cell_sprite("b_cell", round(B_CELL_RADIUS), True, False)
            canvas.blit(sprite, sprite.get_rect(center=(round(where[0]), round(where[1]))))

    def _visitor(self, canvas: pygame.Surface) -> None:
        """A big leukemia cell with its CD19 stars glides in and stops beside a CAR, turned so
        that one of its stars sits in the CAR's Y, like a key in a lock; once there, a soft
        ring circles the two."""
        rules = self.rules
        where = rules.visitor_position()
        if where is None:
            return
        sprite = visitor_sprite(round(VISITOR_RADIUS), slot_angle(FIT_SLOT, rules.count))
        canvas.blit(sprite, sprite.get_rect(center=(round(where[0]), round(where[1]))))
        if rules.visit is not None and rules.visit >= 1.0:
            x, y = rules.fit_point()
            ring = 50 + 6 * theme.pulse(rules.time, 0.8)
            pygame.draw.circle(canvas, art.ORANGE, (round(x), round(y)), ring, 4)


@cache
def visitor_sprite(radius: int, toward: float) -> pygame.Surface:
    """The leukemia cell, turned so that the CD19 star nearest the way back to the T cell
    (``toward`` is the way from the T cell to it) points straight at the T cell."""
    back = toward + math.pi
    stars = [STAR_TURN + i * math.tau / 6 for i in range(6)]
    turn = min(
        (math.remainder(star - back, math.tau) for star in stars),
        key=abs,
    )
    sprite = art.cell_sprite("leukemia_cell", radius, True, False)
    # on screen, y grows down: a star at angle a, turned by +d degrees (counterclockwise as
    # seen), ends at angle a - d
    return pygame.transform.rotozoom(sprite, math.degrees(turn), 1.0)


#: Where the first of a marked cell's six CD19 stars stands (radians; see art._marked_cell).
STAR_TURN = 0.3
