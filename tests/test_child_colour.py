"""The child's T cell is the colour they picked wherever it is shown: on the pause card, the
break reminder and the word book, not only in the chapters."""

from __future__ import annotations

from game.app.loop import App, StepClock
from game.app.ui import pictures
from game.script.catalog import journey, load_all


def test_the_pause_card_and_the_word_book_show_the_childs_colour(display, monkeypatch):
    scenes = load_all()
    app = App(scenes, journey(scenes)[0], display, StepClock())
    app.session.picked["colour"] = next(o for o in app.options.values() if o.colour == "lime")
    asked = []
    real = pictures.picture

    def spy(name, size, colour="sky", *rest, **named):
        asked.append((name, colour))
        return real(name, size, colour, *rest, **named)

    monkeypatch.setattr(pictures, "picture", spy)
    app.play.outcome = "pause"
    app.frame()
    app.frame()
    assert ("t_cell", "lime") in asked and ("t_cell", "sky") not in asked

    asked.clear()
    from game.app.screens.word_page import BookScreen, WordPage

    book = BookScreen(app.library.book, app.strings, None, app.session.hero_colour)
    book.draw(display.canvas)
    t_cell = next(w for w in app.library.book.words if w.picture == "t_cell")
    WordPage(t_cell, app.strings, None, app.session.hero_colour).draw(display.canvas)
    assert asked and all(colour == "lime" for name, colour in asked if name == "t_cell")
