"""Picture boards: the child taps big pictures. Three activities share them.

- ``choose``: pick one picture from each choice (the T cell's colour, then its name); what is
  picked is kept for the rest of the journey. The pictures come when their question is asked,
  not while the story before it is told, and a pick the child made on "Who is playing?" (the
  colour) is not asked again.
- ``cards``: tap each card to hear what it means; every card is seen once, and can be heard again.
- ``quiz``: teach-back questions. A right answer is praised; a wrong one gets a kind explanation
  and another try. Every answer is recorded for the child life specialist. Nothing is lost.
  The pictures wait, dimmed, until the question has been heard: a tap before that is no
  answer. The glow that shows the right picture is help for one question, and an answer
  after it is recorded as with help.

Each child sees the pictures of their age band (``Option.bands``), laid out as they are shown.
"""

from __future__ import annotations

from game.activities import ActivitySpec, register
from game.script import model
from game.script.errors import Problem, Where
from game.script.model import Choice, Scene
from game.script.session import Session
from game.script.strings import BANDS
from game.world.events import WorldEvent
from game.world.gestures import Gesture, Press, Release
from game.world.reach import Most, goal_problems
from game.world.spots import Spot
from game.world.stage import Stage
from game.world.tapping import Tapping

#: The band of the screen the pictures sit in, between the title and the narration box.
AREA = (40.0, 110.0, 1240.0, 620.0)
TILE_W, TILE_H, GAP = 250.0, 230.0, 36.0
PER_ROW = 4
#: Seconds between an answer and the next question or choice, so the answer can be heard.
NEXT_DELAY = 2.5

Rect = tuple[float, float, float, float]


#: Cards (Getting ready, Afterwards) stand in the room between its plant and its window, and
#: leave the right side free for the closing card: up to six, in rows of three narrower tiles.
CARDS_AREA = (140.0, 104.0, 884.0, 620.0)
CARD_W, CARD_GAP, CARDS_PER_ROW = 224.0, 24.0, 3

#: A quiz question with two pictures (most of them, for the youngest): two big cards, far apart,
#: for a small finger on a tablet (a play-test found 250 px cards 36 px apart). They start where
#: a row of smaller cards does, so the question keeps its room above them, and end above the
#: narration box at its tallest (the largest text).
PAIR_AREA = (40.0, 250.0, 1240.0, 590.0)
PAIR_W, PAIR_H, PAIR_GAP = 380.0, 340.0, 160.0


def layout(
    count: int,
    area: Rect = AREA,
    tile_w: float = TILE_W,
    gap: float = GAP,
    per_row_most: int = PER_ROW,
    tile_h: float = TILE_H,
) -> list[Rect]:
    """Tiles for ``count`` pictures: rows of up to four (``per_row_most``), balanced (five are
    three and two, six are three and three: no picture left alone on a row), centred in
    ``area``."""
    lines = -(-count // per_row_most)
    per_row = -(-count // lines) if count else per_row_most
    rows = [min(per_row, count - start) for start in range(0, count, per_row)]
    left, top, right, bottom = area
    height = len(rows) * tile_h + (len(rows) - 1) * gap
    y = top + (bottom - top - height) / 2
    tiles: list[Rect] = []
    for in_row in rows:
        width = in_row * tile_w + (in_row - 1) * gap
        x = left + (right - left - width) / 2
        for i in range(in_row):
            tiles.append((x + i * (tile_w + gap), y, tile_w, tile_h))
        y += tile_h + gap
    return tiles


def quiz_layout(count: int) -> list[Rect]:
    """Tiles for a quiz question's ``count`` pictures: two (or one) big and far apart; more in
    the usual rows."""
    if count <= 2:
        return layout(count, PAIR_AREA, PAIR_W, PAIR_GAP, tile_h=PAIR_H)
    return layout(count)


def _inside(rect: Rect, x: float, y: float) -> bool:
    rx, ry, rw, rh = rect
    return rx <= x <= rx + rw and ry <= y <= ry + rh


class BoardRules(Tapping):
    """Shows the scene's choices one at a time; subclasses decide what a tap means."""

    #: Whether a tap counts only once the choice's ``ask`` line has been heard.
    LISTEN_FIRST = False
    #: Whether the pictures wait, unseen, until the narration begins the choice's ``ask`` line
    #: (so they do not sit on screen, looking tappable, through the story told before it).
    SHOW_WHEN_ASKED = False

    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.scene = scene
        self.session = session if session is not None else Session()
        self.index = 0
        self.wait = 0.0  # seconds until the next choice shows
        self.time = 0.0
        self.shown = 0.0  # seconds the current choice has been on screen
        self.open_seconds = 0.0  # seconds its pictures have taken taps
        self.chosen: set[str] = set()  # option ids tapped on this choice
        #: The current choice's pictures this child's age band sees, and where each is.
        self.options: tuple[model.Option, ...] = ()
        self.tiles: list[Rect] = []
        self.finished = not scene.choices  # every question may have been left out
        self.heard = False  # the choice's 'ask' line has been said in full
        self.asking = False  # the narration has begun the 'ask' line (or has said it)
        self._asked = False
        self._pending: list[model.Option] = []  # taps since the last update
        self._show_choice()

    @property
    def choice(self) -> Choice | None:
        return None if self.finished else self.scene.choices[self.index]

    @property
    def listening_for(self) -> str | None:
        """The question's line the pictures wait for, until the narration has said it all
        (None when they do not wait). The chapter calls :meth:`hear` once it has."""
        choice = self.choice
        if not self.LISTEN_FIRST or choice is None or self.heard or not self._asked:
            return None
        return choice.ask

    def hear(self, line_id: str) -> None:
        """The narration has said ``line_id`` in full: if it is the question, answers count."""
        choice = self.choice
        if choice is not None and line_id == choice.ask:
            self.heard = self.asking = True

    @property
    def waiting_to_ask(self) -> str | None:
        """The question's line, handed to the narration but not yet begun (it waits behind the
        story told before it); None otherwise. The chapter calls :meth:`ask` once it begins."""
        choice = self.choice
        if choice is None or self.asking or not self._asked:
            return None
        return choice.ask

    def ask(self, line_id: str) -> None:
        """The narration has begun ``line_id``: if it is the question, it is being asked."""
        choice = self.choice
        if choice is not None and line_id == choice.ask:
            self.asking = True

    @property
    def on_show(self) -> bool:
        """The current choice's pictures are on screen: at once, or (``SHOW_WHEN_ASKED``) from
        the moment their question is asked."""
        choice = self.choice
        if choice is None:
            return False
        return not self.SHOW_WHEN_ASKED or self.asking or choice.ask is None

    @property
    def answerable(self) -> bool:
        """A tap on a picture counts now: it is on screen, not on its way out, and its question
        has been heard."""
        if self.choice is None or self.wait > 0 or not self.on_show:
            return False
        return not self.LISTEN_FIRST or self.heard or self.choice.ask is None

    def spots(self) -> list[Spot]:
        """One-switch choices: every picture of the question on screen, once it takes taps."""
        if not self.answerable:
            return []
        return [
            Spot(x + w / 2, y + h / 2, max(w, h) / 2, option.id, w=w, h=h)
            for option, (x, y, w, h) in zip(self.options, self.tiles, strict=True)
        ]

    # input -----------------------------------------------------------------------------------
    def tap(self, x: float, y: float) -> None:
        if not self.answerable:
            return  # the question is still being said: no answer yet, nothing recorded
        for option, rect in zip(self.options, self.tiles, strict=True):
            if _inside(rect, x, y):
                self._pending.append(option)
                return

    # rules -----------------------------------------------------------------------------------
    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        events: list[WorldEvent] = []
        if self.wait > 0:
            self.wait -= dt
            if self.wait <= 0:
                self._next_choice()
        choice = self.choice
        if choice is None:
            return events
        self.shown += dt
        if self.answerable:
            self.open_seconds += dt
        if not self._asked:
            self._asked = True
            if choice.ask:
                events.append(WorldEvent("ask", line=choice.ask, answer=False))
        for option in self._pending:
            events += self.tapped(choice, option)
        self._pending = []
        return events

    def _next_choice(self) -> None:
        self.wait = 0.0
        if self.index + 1 >= len(self.scene.choices):
            self.finished = True
            return
        self.index += 1
        self._show_choice()

    def _show_choice(self) -> None:
        """Lay out the pictures the child's age band sees, and wait for the question again."""
        choice = self.choice
        self.options = choice.shown_to(self.session.band) if choice is not None else ()
        self.tiles = self.layout(len(self.options))
        self.chosen = set()
        self.shown = self.open_seconds = 0.0
        self.heard = self.asking = self._asked = False

    def layout(self, count: int) -> list[Rect]:
        """Where this board's ``count`` pictures stand."""
        return layout(count)

    def tapped(self, choice: Choice, option: model.Option) -> list[WorldEvent]:
        raise NotImplementedError

    def hint_option(self) -> model.Option | None:
        """The picture a gentle glow points at, from help level 2 up."""
        return None

    def party(self) -> float:
        """How much confetti circles the child's T cell once the board is done: 1 for all of
        it, 0 for none. None after cards: their closing lines are about feelings and staying
        well, not a party."""
        return 0.0


class ChooseRules(BoardRules):
    """One pick from each choice, each shown when its question is asked. A choice that keeps
    what the child already picked on "Who is playing?" (``PICKED_BEFORE``: the colour) is not
    asked again: the journey holds the pick, and it counts, quietly, as made here."""

    SHOW_WHEN_ASKED = True
    #: What a new child picks on "Who is playing?" before any chapter (see ProfilesScreen).
    PICKED_BEFORE = frozenset({"colour"})
    #: Seconds the confetti takes to settle once the answer to the last pick has been said.
    SETTLE_SECONDS = 0.8

    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        #: The answer to the last pick ("Hello, new friend!"), while the narration says it: the
        #: confetti goes with it. The chapter calls :meth:`cheered` once it has moved past it.
        self.cheering_with: str | None = None
        self._settled_at: float | None = None  # when the confetti began to settle
        #: The cells the line being said names, beside the T cell (a line's ``shows``).
        self.stage = Stage()
        super().__init__(scene, seed, session)

    def begin(self, line_id: str) -> None:
        """The narration has begun ``line_id``: the cells it names come, the others go."""
        line = next((line for line in self.scene.lines if line.id == line_id), None)
        self.stage.show(line.shows if line is not None else ())

    def cheered(self, line_id: str) -> None:
        """The narration has moved past ``line_id``: if the confetti went with it, it settles,
        before the story goes on (the next lines tell what leukemia is: no party there)."""
        if line_id == self.cheering_with:
            self.cheering_with = None
            self._settled_at = self.time

    def party(self) -> float:
        """Confetti while the answer to the last pick is said, settling over SETTLE_SECONDS
        once the narration moves past it; none before that pick, none after."""
        if self.cheering_with is not None:
            return 1.0
        if self._settled_at is None:
            return 0.0
        return max(0.0, 1.0 - (self.time - self._settled_at) / self.SETTLE_SECONDS)

    def update(self, dt: float) -> list[WorldEvent]:
        self.stage.update(dt)
        return self._skip_picked() + super().update(dt)

    def _skip_picked(self) -> list[WorldEvent]:
        """Move past each choice whose pick the child's journey already holds, before it is
        asked; each counts as a pick, said and sounded by nothing (``quiet``)."""
        events: list[WorldEvent] = []
        while (choice := self.choice) is not None and not self._asked and self._picked(choice):
            events.append(WorldEvent("pick", quiet=True))
            self._next_choice()
        return events

    def _picked(self, choice: Choice) -> bool:
        return choice.keep in self.PICKED_BEFORE and choice.keep in self.session.picked

    def tapped(self, choice: Choice, option: model.Option) -> list[WorldEvent]:
        if choice.keep:
            self.session.picked[choice.keep] = option
        self.chosen = {option.id}
        self.wait = NEXT_DELAY
        if self.index + 1 >= len(self.scene.choices):  # the last pick: a little party
            self.cheering_with = option.say
            if option.say is None:
                self._settled_at = self.time
        return [WorldEvent("pick", line=option.say)]


class CardsRules(BoardRules):
    """Cards to tap and hear. The last board stays once every card is heard: the closing lines
    (about feelings, the care team, staying well) are said over the cards, not over an empty
    room."""

    def layout(self, count: int) -> list[Rect]:
        """Between the room's plant and its window, clear of the closing card (six or fewer;
        more take the whole width, in rows of four)."""
        if count > 2 * CARDS_PER_ROW:
            return layout(count)
        return layout(count, CARDS_AREA, CARD_W, CARD_GAP, CARDS_PER_ROW)

    def tapped(self, choice: Choice, option: model.Option) -> list[WorldEvent]:
        if option.id in self.chosen:
            return [WorldEvent("again", line=option.say)]
        self.chosen.add(option.id)
        last_board = self.index + 1 >= len(self.scene.choices)
        if len(self.chosen) == len(self.options) and not last_board:
            self.wait = NEXT_DELAY * 2  # time to hear the last card before the next board
        return [WorldEvent("card", line=option.say)]

    def hint_option(self) -> model.Option | None:
        choice = self.choice
        if self.assist < 2 or choice is None:
            return None
        return next((o for o in self.options if o.id not in self.chosen), None)


class QuizRules(BoardRules):
    """Teach-back questions. The help glow (level 2 up) is for the question it was given for:
    the next question starts without it, and any answer after it is recorded with help.

    A quiz left before its end and played again in the same session goes on where the child
    was: the questions answered right then (``Session.solved_in``) are not asked again, and
    count, quietly, as answered (their answers are kept in the session as they were)."""

    LISTEN_FIRST = True
    #: The next question's pictures come with its question: not greyed under the last
    #: answer's "Yes!" while it is said (a play-test found them there, with no question).
    SHOW_WHEN_ASKED = True

    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.helped = False  # the right picture has glowed on this question
        super().__init__(scene, seed, session)

    def _show_choice(self) -> None:
        super()._show_choice()
        self.helped = False
        self.assist = 0

    def layout(self, count: int) -> list[Rect]:
        """Two pictures big and far apart (see ``quiz_layout``)."""
        return quiz_layout(count)

    def update(self, dt: float) -> list[WorldEvent]:
        self._note_help()  # the glow drawn since the last update came before these taps
        events = self._skip_solved() + super().update(dt)
        self._note_help()
        return events

    def _skip_solved(self) -> list[WorldEvent]:
        """Move past each question answered right when this quiz was left in this session,
        before it is asked; each counts as a right answer, said and sounded by nothing."""
        events: list[WorldEvent] = []
        solved = self.session.solved_in.get(self.scene.id, ())
        while (choice := self.choice) is not None and not self._asked and choice.id in solved:
            events.append(WorldEvent("right", quiet=True))
            self._next_choice()
        return events

    def tapped(self, choice: Choice, option: model.Option) -> list[WorldEvent]:
        if option.id in self.chosen:
            return []  # this picture was tried already; it stays greyed
        self.session.answer(choice.id, option.right, self.helped)
        self.chosen.add(option.id)
        if option.right:
            self.session.solved_in.setdefault(self.scene.id, []).append(choice.id)
            self.wait = NEXT_DELAY
            return [WorldEvent("right", line=option.say)]
        return [WorldEvent("try_again", line=option.say or choice.explain)]

    def _note_help(self) -> None:
        if self.hint_option() is not None:
            self.helped = True

    @property
    def solved(self) -> bool:
        return any(o.right and o.id in self.chosen for o in self.options)

    def hint_option(self) -> model.Option | None:
        if self.assist < 2 or not self.answerable or self.solved:
            return None
        return next((o for o in self.options if o.right), None)

    def party(self) -> float:
        """The end of the journey: every closing line is praise, so the confetti stays."""
        return 1.0


class BoardBot:
    """Taps like a child who listens first: waits a moment after each new picture set. In a
    quiz it answers one question in three wrong first, so both paths are played."""

    THINK_SECONDS = 1.5

    def __init__(self) -> None:
        self.tapped_at = -1.0
        self.turns = 0

    def step(self, rules: BoardRules, dt: float) -> list[Gesture]:
        choice = rules.choice
        if choice is None or not rules.answerable or rules.open_seconds < self.THINK_SECONDS:
            return []  # in a quiz this waits for the question to be heard
        if rules.time - self.tapped_at < self.THINK_SECONDS:
            return []
        option = self._pick(rules, choice)
        if option is None:
            return []
        self.tapped_at = rules.time
        self.turns += 1
        x, y, w, h = rules.tiles[rules.options.index(option)]
        return [Press(x + w / 2, y + h / 2), Release(x + w / 2, y + h / 2)]

    def _pick(self, rules: BoardRules, choice: Choice) -> model.Option | None:
        fresh = [o for o in rules.options if o.id not in rules.chosen]
        if isinstance(rules, QuizRules):
            wrong_first = rules.index % 3 == 1
            wrong = [o for o in fresh if not o.right]
            if wrong_first and wrong and not rules.chosen:
                return wrong[0]
            return next((o for o in fresh if o.right), None)
        if isinstance(rules, ChooseRules):
            return rules.options[(rules.index + 1) % len(rules.options)]
        return fresh[0] if fresh else None


# checks ----------------------------------------------------------------------------------------
def _needs_choices(scene: Scene, activity: str) -> list[Problem]:
    if not scene.choices:
        return [Problem(Where(scene.path), f"the '{activity}' activity needs 'choices'")]
    problems = [
        Problem(choice.where, f"a choice in '{activity}' shows at most 8 pictures")
        for choice in scene.choices
        if any(len(choice.shown_to(band)) > 2 * PER_ROW for band in BANDS)
    ]
    if activity == "quiz":
        return problems
    for choice in scene.choices:  # a pick or a board of cards is the same for every child
        if choice.about:
            problems.append(
                Problem(choice.at("about"), f"'about' is for quiz questions, not '{activity}'")
            )
        if choice.bands != BANDS:
            problems.append(
                Problem(choice.at("bands"), f"'bands' is for quiz questions, not '{activity}'")
            )
        problems += [
            Problem(option.at("bands"), f"'bands' is for quiz answers, not '{activity}'")
            for option in choice.options
            if option.bands != BANDS
        ]
    return problems


def _answers_by_band(choice: Choice) -> list[Problem]:
    """Every age band the question is asked of sees one right answer and something to choose
    between. A question with no 'bands' on its answers is the same for all, so it is checked
    (and reported) once."""
    problems = []
    banded = any(o.bands != BANDS for o in choice.options)
    for band in choice.bands if banded else choice.bands[:1]:
        shown = choice.shown_to(band)
        rights = sum(o.right for o in shown)
        who = f" for the '{band}' age band" if banded else ""
        if rights != 1:
            counted = f" (it has {rights})" if banded else ""
            problems.append(
                Problem(choice.where, f"each quiz question needs one 'right: yes'{who}{counted}")
            )
        if len(shown) < 2:
            problems.append(
                Problem(choice.where, f"a quiz question needs at least two pictures{who}")
            )
    return problems


def check_choose(scene: Scene) -> list[Problem]:
    problems = _needs_choices(scene, "choose")
    for choice in scene.choices:
        if choice.keep is None:
            problems.append(Problem(choice.where, "each choice in 'choose' needs 'keep'"))
        if choice.keep == "colour":
            problems += [
                Problem(option.where, "a colour choice needs 'colour' on each option")
                for option in choice.options
                if option.colour is None
            ]
    return problems + goal_problems(scene, board_limits(scene, "choose"))


def check_cards(scene: Scene) -> list[Problem]:
    problems = _needs_choices(scene, "cards")
    for choice in scene.choices:
        problems += [
            Problem(option.where, "each card needs 'say': the line that explains it")
            for option in choice.options
            if option.say is None
        ]
    return problems + goal_problems(scene, board_limits(scene, "cards"))


def check_quiz(scene: Scene) -> list[Problem]:
    problems = _needs_choices(scene, "quiz")
    for choice in scene.choices:
        problems += check_question(choice)
    return problems + goal_problems(scene, board_limits(scene, "quiz"))


def board_limits(scene: Scene, activity: str) -> dict[str, Most]:
    """The most each board event can happen, for every child: a card is tapped first once; a
    quiz has one right answer a question for every age band; a pick is one a choice. A question
    is asked once, unless it may be skipped (a quiz question 'about' something left out or not
    asked of every age band, a colour picked before the chapter)."""
    asked = sum(
        1
        for c in scene.choices
        if c.ask and not c.about and c.bands == BANDS and c.keep not in ChooseRules.PICKED_BEFORE
    )
    limits = {"ask": Most(asked, "questions asked", "only {n} of its choices are always asked")}
    if activity == "choose":
        limits["pick"] = Most(len(scene.choices), "picks", "the chapter has {n} choices")
    elif activity == "cards":
        cards = sum(len(c.options) for c in scene.choices)
        limits["card"] = Most(cards, "cards", "the chapter has {n} cards to tap")
        limits["again"] = Most(
            mistake="when a card is tapped a second time: a child who taps each card once "
            "would be stuck; count 'card' instead"
        )
    else:
        limits["right"] = Most(len(scene.choices), "right answers", "the quiz has {n} questions")
        limits["try_again"] = Most(
            mistake="after a wrong answer: a child who answers every question right would be "
            "stuck; count 'right' instead"
        )
    return limits


def check_question(choice: Choice, alone: bool = False) -> list[Problem]:
    """One quiz question (of the final quiz, or ``alone``: a chapter's teach-back): a question
    to hear, one right picture for each age band, and kind words for a wrong one."""
    problems = _answers_by_band(choice)
    if alone and any(len(choice.shown_to(band)) > 2 * PER_ROW for band in BANDS):
        problems.append(Problem(choice.where, "a quiz question shows at most 8 pictures"))
    if choice.ask is None:
        problems.append(Problem(choice.where, "each quiz question needs 'ask'"))
    if choice.explain is None and any(not o.right and not o.say for o in choice.options):
        problems.append(Problem(choice.where, "a quiz question needs 'explain' for a wrong answer"))
    return problems


_BOARD_EVENTS = frozenset({"ask"})
register(
    ActivitySpec(
        name="choose",
        make_rules=ChooseRules,
        make_bot=BoardBot,
        events=_BOARD_EVENTS | {"pick"},
        check=check_choose,
    )
)
register(
    ActivitySpec(
        name="cards",
        make_rules=CardsRules,
        make_bot=BoardBot,
        events=_BOARD_EVENTS | {"card", "again"},
        check=check_cards,
    )
)
register(
    ActivitySpec(
        name="quiz",
        make_rules=QuizRules,
        make_bot=BoardBot,
        events=_BOARD_EVENTS | {"right", "try_again"},
        check=check_quiz,
    )
)
