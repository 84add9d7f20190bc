"""The grown-up's Results page shows this session's feelings check-in (as faces) and every
answer: each chapter's teach-back and the final quiz, over pages when they do not fit, none
left out and none twice."""

from __future__ import annotations

import pygame
import pytest

from game.script.catalog import journey, load_all
from game.script.session import Answer


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def panel_with_answers(scenes, answered):
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.profile.profile import Profile
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    chapters = [scenes[i] for i in journey(scenes)]
    profile = Profile("p1")
    profile.played = [s.id for s in chapters]
    questions = [q.id for s in chapters for q in s.questions if q.keep is None][:answered]
    profile.answers = {q: Answer(tries=2, solved=True, with_help=True) for q in questions}
    panel = FacilitatorPanel(strings, profile, chapters, None, "meet", 60.0, [], True)
    panel.page = "results"
    return panel, questions


def test_every_answer_is_on_exactly_one_page_and_more_turns_the_page(scenes, display):
    panel, questions = panel_with_answers(scenes, 99)
    assert len(questions) > 10  # the teach-back questions and the final quiz
    pages = panel._result_pages()
    assert len(pages) > 1
    shown = [i for page in pages for i in page]
    assert shown == list(range(len(questions)))
    more = next(b for b in panel.buttons() if b.name == "more:results")
    assert more.label.startswith("1 of ")
    canvas = pygame.Surface((1280, 800))
    for _ in pages:
        panel.draw(canvas)
        panel.press("more:results")
    assert panel.results_view == len(pages)
    for button in panel.buttons():
        assert canvas.get_rect().contains(button.rect), button.name


def test_a_few_answers_fit_on_one_page_with_no_more_button(scenes, display):
    panel, _ = panel_with_answers(scenes, 3)
    assert len(panel._result_pages()) == 1
    assert "more:results" not in {b.name for b in panel.buttons()}


def test_the_feelings_check_in_is_drawn_as_faces_above_the_chapters(scenes, display):
    from game.app.grownup import results_page

    panel, _ = panel_with_answers(scenes, 3)
    canvas = pygame.Surface((1280, 800))
    assert results_page.draw_feelings(canvas, [], "sky") == results_page.TOP
    panel.feelings = {"before": 4, "after": 2}
    blank = canvas.copy()
    top = results_page.draw_feelings(canvas, [("At the start", 4), ("At the end", 2)], "lime")
    assert top == results_page.TOP + results_page.FEELINGS_HEIGHT
    strip = pygame.Rect(0, results_page.TOP, 1280, results_page.FEELINGS_HEIGHT)
    assert canvas.subsurface(strip).get_view("2").raw != blank.subsurface(strip).get_view("2").raw
    panel.draw(pygame.Surface((1280, 800)))  # with feelings, the page still draws


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_face_on_the_results_and_records_pages_has_its_word(scenes, display, language):
    """Play-test: the faces had no words, and 'Scared' and 'Very scared' look almost the same
    that small. Results draws the word of each face the child picked, the records page the
    word of each of the five faces, in the grown-up's language."""
    from game.app.grownup import records_page
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.app.screens.feelings import MOODS
    from game.app.ui import text
    from game.profile import export
    from game.profile.profile import Profile
    from game.profile.records import SessionRecord
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    chapters = [scenes[i] for i in journey(scenes)]
    panel = FacilitatorPanel(
        strings, Profile("p1"), chapters, None, "meet", 60.0, [], True, language
    )
    words = [panel.strings.get(f"ui.feelings.{mood}") for mood in MOODS]
    assert panel.strings.language == language and len(set(words)) == len(MOODS)
    drawn: list[str] = []
    render = text.render

    def spy(said, *args, **kwargs):
        drawn.append(said)
        return render(said, *args, **kwargs)

    canvas = pygame.Surface((1280, 800))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text, "render", spy)
        panel.page, panel.feelings = "results", {"before": 4, "after": 5}
        panel.draw(canvas)
        assert words[3] in drawn and words[4] in drawn and words[0] not in drawn
        drawn.clear()
        record = SessionRecord(1, "2026-12-01", seconds=600, feelings_before=4, feelings_after=5)
        panel.page = "data"
        panel.records = records_page.RecordsView(
            export.Device([Profile("p1", sessions=[record])]), chapters
        )
        records_page._one_line.cache_clear()  # drawn afresh, as the first time the page opens
        panel.draw(canvas)
    assert all(word in drawn for word in words), (words, drawn)
