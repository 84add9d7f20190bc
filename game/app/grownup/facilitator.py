"""The grown-up's controls: a panel over the game (which waits underneath), opened by holding
the top-left corner for three seconds or by Ctrl+F.

Pages: chapters (jump, restart, skip, leave out), the child (name, age band, who is playing:
the patient or a brother or sister, language, break reminder), sound and words, easier to use
(text size, contrast, motion, one switch), the session (the feelings check-in, teach-back after
each chapter, and ending the session), results (teach-back answers and the summary picture)
and data (clear with a confirmation). Every control is one big button; a tap moves a setting to
its next step, so nothing needs a keyboard. The panel changes ``profile.settings`` and names
what the app must do in ``command``.

The panel speaks the grown-up's language, not the child's: its words come from a lookup of
its own, in ``language`` (a device setting, with its own button at the top), while the child's
band and role still choose which quiz questions Results shows. Switching the child to another
language leaves the panel as it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.app import pace
from game.app.grownup import records_page, results_page
from game.app.grownup.summary import feelings_rows, quiz_rows
from game.app.platform import intents
from game.app.screens.feelings import feelings_words
from game.app.ui import art, labels, text, theme, widgets
from game.app.ui.keyboard import NameKeyboard
from game.profile.profile import Profile, clean_name
from game.profile.store import SUMMARIES
from game.script.model import Scene
from game.script.strings import Strings
from game.world.spots import Spot

PAGES = ("chapters", "child", "sound", "access", "session", "results", "data")
CLOSE = pygame.Rect(1070, 14, 190, 76)
#: The grown-up's language, between the title and the session timer.
LANGUAGE = pygame.Rect(516, 14, 330, 76)
TITLE_WIDTH, TIMER_RIGHT = LANGUAGE.x - 56, CLOSE.x - 20
TAB_Y, TAB_H = 100, 96
TAB_W = (1200 - 4 * (len(PAGES) - 1)) // len(PAGES)  # every tab in one row
ROW_TOP, ROW_STEP = 214, 100
VALUE = pygame.Rect(620, 0, 600, 82)
CHAPTER_W, CHAPTER_H, CHAPTER_GAP = 384, 96, 20
#: A chapter played has a star inside its button's top right corner, in room kept clear of its
#: words, so it never reaches over a tab or the yellow frame round the next chapter.
STAR, STAR_ROOM = 34, 26
#: Chapter buttons the grid holds (three rows of three); a longer journey shows them a view
#: at a time, its last cell showing the next view. Leave-out buttons, in the row below.
GRID_CELLS = 9
LEAVE_W = CHAPTER_W * 3 // 2
SAVE = pygame.Rect(820, 680, 400, 90)
#: The next page of answers on Results, between the save message and Save.
MORE_RESULTS = pygame.Rect(620, 680, 180, 90)
#: On the Data page: every session on the device, its picture and its table.
RECORDS = pygame.Rect(40, 470, 560, 96)
SWITCH_CHILD = pygame.Rect(40, ROW_TOP + 5 * ROW_STEP - 8, 520, 80)  # under the child's rows
#: On the session page: the feelings check-in (when it is on), then 'who is playing?'.
END_SESSION = pygame.Rect(620, ROW_TOP + 5 * ROW_STEP - 8, 600, 80)
#: Words beside the panel's rows at normal text size (see theme.label_size).
ROW_SIZE = 34
#: Commands for the app: 'close', 'play:<scene>', 'restart', 'skip', 'map', 'switch_child',
#: 'clear_child', 'clear_all', 'save_summary', 'end_session', 'show_records' (every session on
#: the device), 'export_records' (their table).


@dataclass(frozen=True)
class Row:
    """One setting: its name on the left, a button showing its value on the right."""

    name: str
    label: str
    value: str


class FacilitatorPanel:
    def __init__(
        self,
        strings: Strings,
        profile: Profile,
        chapters: list[Scene],
        current: str | None,
        target: str | None,
        session_seconds: float,
        folders: list[Path],
        saving: bool,
        language: str | None = None,
    ) -> None:
        """``strings``: the game's words (the child's language); ``chapters``: the whole
        journey; ``current``: the chapter being played (None on the map); ``target``: the
        chapter the map points at; ``folders``: where the summary picture may be saved, the
        first chosen; ``language``: the grown-up's (default: the child's)."""
        #: The panel's own words, in the grown-up's language.
        self.strings = Strings(strings.english, strings.tables)
        self.language = language if language in strings.languages else strings.language
        self.profile = profile
        self.chapters = chapters
        self.current = current
        self.target = target
        self.session_seconds = session_seconds
        self.folders = folders
        self.folder = 0
        self.saving = saving
        self.page = "chapters"
        #: This session's feelings check-in and the child's T cell colour (the app sets them),
        #: and which page of the answers Results shows.
        self.feelings: dict[str, int] = {}
        self.colour = "sky"
        self.results_view = 0
        #: Which view of a long journey's chapters, and of many leave-out buttons, shows.
        ids = [s.id for s in chapters]
        here = current or target
        at = ids.index(here) if here in ids else 0
        self.chapter_view = at // (GRID_CELLS - 1) if len(ids) > GRID_CELLS else 0
        self.leave_view = 0
        self.keyboard: NameKeyboard | None = None
        #: 'child' or 'all' while a confirmation is asked.
        self.confirming: str | None = None
        #: A short message on the page, as a text id (like 'ui.results.saved').
        self.message = ""
        #: Where the summary picture was last saved (the 'saved' message names it).
        self.saved: Path | None = None
        #: Every session on the device (opened from the Data page; the app fills it in).
        self.records: records_page.RecordsView | None = None
        self.command: str | None = None
        #: True when a setting changed and the app should apply the settings.
        self.changed = False
        self._follow_child()

    def _follow_child(self) -> None:
        """The panel's words: the grown-up's language, the child's band and role (so Results
        shows the questions as the child was asked them)."""
        self.strings.set_language(self.language)
        self.strings.set_band(self.settings.band)
        self.strings.set_role(self.settings.role)

    @property
    def settings(self):
        return self.profile.settings

    # what is on screen -------------------------------------------------------------------------
    def buttons(self) -> list[widgets.Button]:
        get = self.strings.get
        if self.keyboard is not None:
            return self.keyboard.buttons()
        if self.confirming is not None:
            return [
                widgets.Button(
                    "confirm",
                    get("ui.data.yes"),
                    pygame.Rect(240, 520, 380, 96),
                    art.VERMILLION_DARK,
                ),
                widgets.Button(
                    "cancel",
                    get("ui.data.no"),
                    pygame.Rect(660, 520, 380, 96),
                    art.GREEN_DARK,
                    quiet=True,
                ),
            ]
        language = get("ui.grownup.language", language=self.strings.name(self.language))
        found = [
            widgets.Button("close", get("ui.grownup.close"), CLOSE, art.GREEN_DARK),
            widgets.Button("grownup_language", language, LANGUAGE, art.PURPLE_DARK, size=34),
        ]
        if self.records is not None:
            return found + self.records.buttons(get, self.folders, self.folder)
        tabs = [(f"page:{page}", get(f"ui.grownup.{page}")) for page in PAGES]
        size = widgets.common_size([label for _, label in tabs], (TAB_W, TAB_H))
        for i, (name, label) in enumerate(tabs):
            rect = pygame.Rect(40 + i * (TAB_W + 4), TAB_Y, TAB_W, TAB_H)
            selected = name == f"page:{self.page}"
            found.append(widgets.Button(name, label, rect, art.INK, size=size, selected=selected))
        if self.page == "chapters":
            found += self._chapter_buttons()
        else:
            for i, row in enumerate(self.rows()):
                rect = VALUE.move(0, ROW_TOP + i * ROW_STEP)
                found.append(widgets.Button(f"set:{row.name}", row.value, rect, art.PURPLE_DARK))
            found += self._page_actions()
        return found

    def _chapter_buttons(self) -> list[widgets.Button]:
        get = self.strings.get
        found = []
        labels = [f"{i + 1}. {get(f'{scene.id}.title')}" for i, scene in enumerate(self.chapters)]
        # the grid in one size, with room at each end for the star of a chapter played
        size = widgets.common_size(labels, (CHAPTER_W, CHAPTER_H), room=STAR_ROOM)
        shown, more = self._chapters_shown()
        cells = []
        for i in shown:
            left_out = self.chapters[i].id in self.settings.leave_out
            colour = (110, 110, 120) if left_out else art.BLUE
            cells.append((f"play:{self.chapters[i].id}", labels[i], colour))
        if more is not None:  # a long journey: the next chapters, a view at a time
            cells.append(("more:chapters", more, art.INK))
        for i, (name, label, colour) in enumerate(cells):
            rect = pygame.Rect(
                40 + (i % 3) * (CHAPTER_W + 16),
                ROW_TOP + (i // 3) * (CHAPTER_H + CHAPTER_GAP),
                CHAPTER_W,
                CHAPTER_H,
            )
            found.append(widgets.Button(name, label, rect, colour, size=size, room=STAR_ROOM))
        y = ROW_TOP + 3 * (CHAPTER_H + CHAPTER_GAP)
        actions = ["map"]
        if self.current is not None:
            actions = ["restart", "skip", "map"]
        labels = [get(f"ui.chapters.{action}") for action in actions]
        size = widgets.common_size(labels, (CHAPTER_W, 84))
        for i, (action, label) in enumerate(zip(actions, labels, strict=True)):
            rect = pygame.Rect(40 + i * (CHAPTER_W + 16), y, CHAPTER_W, 84)
            found.append(widgets.Button(action, label, rect, art.INK, size=size))
        y += 100
        names, more = self._leave_shown()
        width = LEAVE_W if len(names) <= 2 and more is None else CHAPTER_W
        gap = 24 if width == LEAVE_W else 16
        labels = [
            get(f"ui.leave.{name}.{'out' if name in self.settings.leave_out else 'in'}")
            for name in names
        ]
        size = widgets.common_size(labels, (width, 84))
        for i, (name, label) in enumerate(zip(names, labels, strict=True)):
            rect = pygame.Rect(40 + i * (width + gap), y, width, 84)
            found.append(widgets.Button(f"leave:{name}", label, rect, art.PURPLE_DARK, size=size))
        if more is not None:
            rect = pygame.Rect(40 + len(names) * (width + gap), y, width, 84)
            found.append(widgets.Button("more:leave", more, rect, art.INK))
        return found

    def _chapters_shown(self) -> tuple[list[int], str | None]:
        """Which chapters the grid shows (by index) and, for a journey longer than the grid,
        the words on the cell that shows the next ones ("9–16 →")."""
        count = len(self.chapters)
        if count <= GRID_CELLS:
            return list(range(count)), None
        per = GRID_CELLS - 1
        views = math.ceil(count / per)
        view = self.chapter_view % views
        following = (view + 1) % views
        more = f"{following * per + 1}–{min(count, (following + 1) * per)} →"
        return list(range(view * per, min(count, (view + 1) * per))), more

    def _leave_shown(self) -> tuple[list[str], str | None]:
        """Which leave-out buttons the bottom row shows: all of them when three fit, else two
        at a time and a button that shows the next ("2/3 →")."""
        names = self.optional_names()
        if len(names) <= 3:
            return names, None
        views = math.ceil(len(names) / 2)
        view = self.leave_view % views
        return names[view * 2 : view * 2 + 2], f"{(view + 1) % views + 1}/{views} →"

    def optional_names(self) -> list[str]:
        """What may be left out: optional chapters, then details, as the scenes mark them."""
        found = [s.id for s in self.chapters if s.optional]
        for scene in self.chapters:
            found += [d for d in scene.details if d not in found]
        return found

    def rows(self) -> list[Row]:
        get, s = self.strings.get, self.settings

        def on_off(value: bool) -> str:
            return get("ui.on") if value else get("ui.off")

        if self.page == "child":
            reminder = (
                get("ui.child.break_after", minutes=s.break_minutes)
                if s.break_minutes
                else get("ui.off")
            )
            return [
                Row("name", get("ui.child.name"), self.profile.child_name or get("ui.child.none")),
                Row("band", get("ui.child.band"), get(f"ui.band.{s.band}")),
                Row("role", get("ui.child.role"), get(f"ui.role.{s.role}")),
                Row("language", get("ui.child.language"), self.strings.name(s.language)),
                Row("break_minutes", get("ui.child.break"), reminder),
            ]
        if self.page == "sound":
            return [
                Row("voice", get("ui.sound.voice"), on_off(s.voice)),
                Row("text_speed", get("ui.sound.text_speed"), get(f"ui.speed.{s.text_speed}")),
                Row("effects", get("ui.sound.effects"), f"{s.effects}%"),
                Row("music", get("ui.sound.music"), f"{s.music}%"),
            ]
        if self.page == "access":
            return [
                Row("text_size", get("ui.access.text_size"), get(f"ui.size.{s.text_size}")),
                Row("high_contrast", get("ui.access.contrast"), on_off(s.high_contrast)),
                Row("reduced_motion", get("ui.access.motion"), on_off(s.reduced_motion)),
                Row("one_switch", get("ui.access.switch"), on_off(s.one_switch)),
                Row(
                    "scan_seconds",
                    get("ui.access.scan"),
                    get("ui.access.seconds", seconds=f"{s.scan_seconds:g}"),
                ),
            ]
        if self.page == "session":
            return [
                Row("feelings_check_in", get("ui.session.feelings"), on_off(s.feelings_check_in)),
                Row("teach_back", get("ui.session.teach_back"), on_off(s.teach_back)),
            ]
        if self.page == "results":
            if not self.folders:
                return [Row("folder", get("ui.results.folder"), get("ui.off"))]
            box = widgets.Button("folder", "", VALUE).label_box
            face = text.font(theme.look().label_size(30), "bold")
            folder = labels.shorten_middle(str(self.folders[self.folder]), face, box.width)
            return [Row("folder", get("ui.results.folder"), folder)]
        return []

    def _page_actions(self) -> list[widgets.Button]:
        get = self.strings.get
        if self.page == "child":
            return [widgets.Button("switch_child", get("ui.child.switch"), SWITCH_CHILD, art.INK)]
        if self.page == "session":
            return [widgets.Button("end_session", get("ui.session.end"), END_SESSION, art.INK)]
        if self.page == "results":
            found = [widgets.Button("save_summary", get("ui.results.save"), SAVE, art.GREEN_DARK)]
            count = len(self._result_pages())
            if count > 1:  # the answers go on: '1 of 2 →'
                at = self.results_view % count + 1
                label = f"{get('ui.counter', found=at, total=count)} →"
                found.append(widgets.Button("more:results", label, MORE_RESULTS, art.INK))
            return found
        if self.page == "data":
            labels = [get("ui.data.clear_child"), get("ui.data.clear_all")]
            size = widgets.common_size(labels, (560, 96))  # the pair in one size
            return [
                widgets.Button(
                    name, label, pygame.Rect(x, 240, 560, 96), art.VERMILLION_DARK, size=size
                )
                for name, label, x in zip(("ask:child", "ask:all"), labels, (40, 640), strict=True)
            ] + [widgets.Button("show_records", get("ui.records.open"), RECORDS, art.INK)]
        return []

    def spots(self) -> list[Spot]:
        return [b.spot for b in self.buttons()]

    # input ---------------------------------------------------------------------------------------
    def handle(self, intent: intents.Intent) -> None:
        if self.keyboard is not None:
            self.keyboard.handle(intent)
            self._typed()
            return
        if isinstance(intent, intents.PointerDown):
            for button in self.buttons():
                if button.hit(intent.x, intent.y):
                    self.press(button.name)
                    return

    def _typed(self) -> None:
        if self.keyboard is not None and self.keyboard.done:
            self.profile.child_name = clean_name(self.keyboard.name)
            self.keyboard = None
            self.changed = True

    def press(self, name: str) -> None:
        """Do what the button called ``name`` does (tests and the one-switch mode use this
        as a tap would)."""
        self.message = ""
        if self.keyboard is not None:
            self.keyboard.press(name)
            self._typed()
        elif name == "grownup_language":
            codes = self.strings.languages
            self.language = codes[(codes.index(self.language) + 1) % len(codes)]
            self._follow_child()
        elif name.startswith("page:"):
            self.page = name.removeprefix("page:")
        elif name.startswith("set:"):
            self._step(name.removeprefix("set:"))
        elif name == "more:chapters":
            self.chapter_view += 1
        elif name == "more:leave":
            self.leave_view += 1
        elif name == "more:results":
            self.results_view += 1
        elif name.startswith("leave:"):
            self.settings.toggle_left_out(name.removeprefix("leave:"))
            self.changed = True
        elif name == "records:back":
            self.records = None
        elif name.startswith("records:") and self.records is not None:
            self.records.press(name)
        elif name.startswith("ask:"):
            self.confirming = name.removeprefix("ask:")
        elif name == "confirm":
            self.command = f"clear_{self.confirming}"
            self.confirming = None
        elif name == "cancel":
            self.confirming = None
        else:  # close, play:<id>, restart, skip, map, switch_child, save_summary, end_session
            self.command = name

    def _step(self, name: str) -> None:
        if name == "name":
            self.keyboard = NameKeyboard(self.strings, self.profile.child_name)
            return
        if name == "folder":
            self.folder = (self.folder + 1) % max(1, len(self.folders))
            return
        if name == "language":
            codes = self.strings.languages
            language = self.settings.language
            index = codes.index(language) if language in codes else -1
            self.settings.language = codes[(index + 1) % len(codes)]
        else:
            self.settings.step(name)
            self._follow_child()  # the band and role choose the questions Results shows
        self.changed = True

    def take_command(self) -> str | None:
        command, self.command = self.command, None
        return command

    # drawing -------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.session_seconds += dt

    def relabel(self) -> None:
        """Every word is looked up as it is drawn."""

    def pace(self) -> int:
        """Buttons and words only."""
        return pace.RESTING

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((232, 236, 244))
        get = self.strings.get
        title = widgets.fitted(get("ui.grownup.title"), 44, TITLE_WIDTH)
        canvas.blit(title, title.get_rect(midleft=(40, 52)))
        minutes = int(self.session_seconds // 60)
        timer = widgets.fitted(
            get("ui.grownup.timer", minutes=minutes), 32, TIMER_RIGHT - LANGUAGE.right - 16
        )
        canvas.blit(timer, timer.get_rect(midright=(TIMER_RIGHT, 52)))
        if self.keyboard is not None:
            heading = widgets.fitted(get("ui.child.type_name"), 38, 1160)
            canvas.blit(heading, heading.get_rect(midleft=(60, 150)))
            self.keyboard.draw(canvas)
            return
        if self.confirming is not None:
            self._confirmation(canvas)
            return
        if self.records is not None:
            self.records.draw(canvas, get, self.buttons())
            if self.message:
                exported = self.records.exported
                words = records_page.message_words(get, self.message, self.saved, exported)
                records_page.draw_message(canvas, words)
            return
        size = theme.look().label_size(ROW_SIZE)
        for i, row in enumerate(self.rows()):
            label = labels.label(row.label, size, VALUE.x - 80, VALUE.height, centred=False)
            canvas.blit(label, label.get_rect(midleft=(60, ROW_TOP + i * ROW_STEP + 41)))
        if self.page == "chapters":
            for button in self._chapter_buttons():
                if button.name == f"play:{self.current or self.target}":
                    # A black ring round the yellow frame: buttons have yellow edges in high
                    # contrast, and the frame must still stand out.
                    pygame.draw.rect(canvas, art.INK, button.rect.inflate(26, 26), border_radius=36)
                    pygame.draw.rect(
                        canvas, art.YELLOW, button.rect.inflate(16, 16), border_radius=32
                    )
        if self.page == "results":
            self._results(canvas)
        elif self.page == "data":
            note = "ui.data.note" if self.saving else "ui.data.not_saving"
            self._paragraph(canvas, get(note), 370)
        elif self.page == "session":  # what the check-in and teach-back are, and are not
            self._paragraph(canvas, get("ui.session.note"), ROW_TOP + 2 * ROW_STEP + 10)
        for button in self.buttons():
            button.draw(canvas)  # the open page's tab is light with a thick edge (see Button)
        if self.page == "chapters":
            self._chapter_marks(canvas)
        if self.message:
            words = results_page.message_words(
                lambda path: get(self.message, path=path), self.saved
            )
            results_page.draw_message(canvas, words)

    def _chapter_marks(self, canvas: pygame.Surface) -> None:
        """A star on each chapter played, and 'left out' on chapters left out (never colour
        alone; the chapter being played has a yellow frame)."""
        get = self.strings.get
        for button in self._chapter_buttons():
            scene_id = button.name.removeprefix("play:")
            if scene_id in self.profile.played:
                star = art.star_icon(STAR, True)
                corner = button.rect.topright
                canvas.blit(star, star.get_rect(topright=(corner[0] - 10, corner[1] + 6)))
            if scene_id in self.settings.leave_out:  # a tag on its lower edge, off its words
                tag = widgets.fitted(get("ui.chapters.left_out"), 24, 200, theme.look().ink)
                pill = tag.get_rect().inflate(24, 4)
                pill.center = (button.rect.centerx, button.rect.bottom - 8)
                widgets.panel(canvas, pill, radius=pill.height // 2)
                canvas.blit(tag, tag.get_rect(center=pill.center))

    def _results(self, canvas: pygame.Surface) -> None:
        get = self.strings.get
        played = [s for s in self.chapters if s.id in self.profile.played]
        names = ", ".join(get(f"{s.id}.title") for s in played) or get("ui.results.none")
        top = results_page.draw_feelings(
            canvas,
            feelings_rows(self.feelings, self.strings),
            self.colour,
            lambda face: feelings_words(self.strings, face),
        )
        rows = self._result_rows()
        words = get("ui.results.played", chapters=names)
        if not rows:
            words += "\n" + get("ui.summary.no_quiz")
            self._paragraph(canvas, words, top)
            return
        shown = self._result_pages()[self.results_view % len(self._result_pages())]
        results_page.draw_results(
            canvas, words, [rows[i] for i in shown], lambda row: row.outcome(self.strings), top
        )

    def _result_rows(self) -> list:
        """Every question answered: each chapter's teach-back, then the final quiz."""
        return quiz_rows(self.profile, self.chapters, self.strings, teach_back=True)

    def _result_pages(self) -> list[range]:
        get = self.strings.get
        played = [s for s in self.chapters if s.id in self.profile.played]
        names = ", ".join(get(f"{s.id}.title") for s in played) or get("ui.results.none")
        rows = tuple((row.outcome(self.strings), row.question) for row in self._result_rows())
        top = results_page.TOP + (results_page.FEELINGS_HEIGHT if self.feelings else 0)
        return results_page.pages(get("ui.results.played", chapters=names), rows, top)

    def _paragraph(self, canvas: pygame.Surface, words: str, y: int) -> int:
        face = text.font(30)
        for part in words.split("\n"):
            for row in text.wrap(part, face, 1180):
                canvas.blit(text.render(row, face, art.INK), (50, y))
                y += 40
        return y

    def _confirmation(self, canvas: pygame.Surface) -> None:
        get = self.strings.get
        card = pygame.Rect(180, 200, 920, 450)
        widgets.panel(canvas, card, radius=32)
        who = self.profile.child_name or get(self.profile.picked.get("name", "ui.child.none"))
        ask = (
            get("ui.data.ask_child", name=who)
            if self.confirming == "child"
            else get("ui.data.ask_all")
        )
        face = text.font(38, "bold")
        for i, row in enumerate(text.wrap(ask, face, card.width - 80)):
            words = text.render(row, face, art.INK)
            canvas.blit(words, words.get_rect(center=(card.centerx, card.y + 70 + i * 52)))
        note = widgets.fitted(get("ui.data.cannot_undo"), 30, card.width - 80)
        canvas.blit(note, note.get_rect(center=(card.centerx, card.y + 260)))
        for button in self.buttons():
            button.draw(canvas)


def summary_folders(data_dir: Path | None, home: Path | None = None) -> list[Path]:
    """Where a summary picture can go, without typing a path: the game's own folder, then the
    usual picture and document folders, then USB sticks and other drives that are plugged in."""
    home = home or Path.home()
    found: list[Path] = []
    if data_dir is not None:
        found.append(data_dir / SUMMARIES)
    for name in ("Pictures", "Documents", "Desktop"):
        if (home / name).is_dir():
            found.append(home / name)
    for mounts in (Path("/media") / home.name, Path("/run/media") / home.name, Path("/Volumes")):
        if mounts.is_dir():
            found += sorted(p for p in mounts.iterdir() if p.is_dir())
    if Path("C:/").exists() and Path("C:/") != Path("/"):  # Windows: other drive letters
        found += [Path(f"{letter}:/") for letter in "DEFGHIJ" if Path(f"{letter}:/").exists()]
    return found
