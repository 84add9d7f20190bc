"""A child life specialist follows docs/scene-format.md alone (issue 17): the guide's germs cards
chapter, a harder hunt for ages 10 to 12 in the usual hunt's place, and the guide's three-question
quiz are written in a copy of the scenes, placed in the journey, translated to Spanish with
``translate``, checked, previewed and played through in a demo of the whole journey, for a child
of the middle band and one of the older band. The chapters' YAML is taken from the guide itself,
so the guide's examples stay ones that work. Also: the guide's full example is the shipped hunt,
exactly, and every link into the guides finds its heading."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from game import cli
from game.script import preview
from game.script.catalog import journey, load_all

DOC = ROOT / "docs" / "scene-format.md"
SCENES = ROOT / "scenes"

#: The Spanish a specialist writes for the guide's two new chapters (the harder hunt's texts are
#: copied from the hunt's, as the guide says). A text the guide adds later gets a plain one.
SPANISH = {
    "germs.title": "Lejos de los gérmenes",
    "germs.intro": "Las células B ayudan a tu cuerpo contra los gérmenes.",
    "germs.intro@sibling": "Las células B ayudan al cuerpo contra los gérmenes.",
    "germs.too": "Tus células CAR T detienen también a las células B sanas.",
    "germs.too@sibling": "Las células CAR T detienen también a las células B sanas.",
    "germs.help": "¡Así que todos ayudamos a alejar los gérmenes!",
    "germs.how_to": "Toca cada dibujo para saber más.",
    "germs.wash": "Lávate las manos con agua y jabón. ¡Frota mientras cantas una canción!",
    "germs.wash@little": "Lávate las manos con jabón. ¡Frota, frota, frota!",
    "germs.medicine": "Los doctores te dan medicina que ayuda a tu cuerpo contra gérmenes.",
    "germs.medicine@sibling": "Los doctores le dan medicina que ayuda contra los gérmenes.",
    "germs.tell": "Calor o escalofríos pueden ser gérmenes. Díselo a un adulto enseguida.",
    "germs.tell@sibling": "¿Tiene calor o escalofríos? Díselo a un adulto enseguida.",
    "germs.hint": "Toca un dibujo que todavía no escuchaste.",
    "germs.hint_more": "Toca el dibujo que brilla para saber más.",
    "germs.done": "¡Muy bien! Todos pueden ayudar: tú, tu familia y tus enfermeras.",
    "germs.done@sibling": "¡Muy bien! Todos pueden ayudar: tú, tu familia y las enfermeras.",
    "germs.card.wash": "Lávate las manos",
    "germs.card.medicine": "Medicina contra gérmenes",
    "germs.card.tell": "Díselo a un adulto",
    "germ_quiz.title": "Juego de los gérmenes",
    "germ_quiz.hello": "Juguemos con dibujos sobre los gérmenes. Toca la mejor respuesta.",
    "germ_quiz.try": "Te lo muestro otra vez.",
    "germ_quiz.wash.ask": "¿Qué ayuda a alejar los gérmenes?",
    "germ_quiz.wash.explain": "Lavarse las manos con jabón ayuda a alejar los gérmenes.",
    "germ_quiz.wash.yes": "¡Sí! Lávate las manos con agua y jabón.",
    "germ_quiz.medicine.ask": "¿Quién puede darte medicina contra los gérmenes?",
    "germ_quiz.medicine.explain": "Los doctores dan medicina que ayuda contra los gérmenes.",
    "germ_quiz.medicine.yes": "¡Sí! Los doctores saben cómo ayudar.",
    "germ_quiz.hot.ask": "Tienes calor y escalofríos. ¿Qué vas a hacer?",
    "germ_quiz.hot.ask@sibling": "Tu hermano o hermana tiene calor y escalofríos. ¿Qué haces?",
    "germ_quiz.hot.explain": "Calor y escalofríos pueden ser fiebre. Díselo a un adulto.",
    "germ_quiz.hot.yes": "¡Sí! Díselo a un adulto enseguida.",
    "germ_quiz.hint": "Tómate tu tiempo. Toca el dibujo que crees que es.",
    "germ_quiz.hint_more": "El dibujo que brilla es el correcto. Tócalo.",
    "germ_quiz.done": "¡Muy bien! Sabes cómo alejar los gérmenes.",
    "germ_quiz.wash.a": "Lávate las manos",
    "germ_quiz.wash.b": "Una pelota",
    "germ_quiz.wash.c": "La luna",
    "germ_quiz.wash.d": "Guardar el secreto",
    "germ_quiz.medicine.a": "Un doctor",
    "germ_quiz.medicine.b": "El sol",
    "germ_quiz.medicine.c": "Una plaqueta",
    "germ_quiz.hot.a": "Guardar el secreto",
    "germ_quiz.hot.b": "Díselo a un adulto",
    "germ_quiz.hot.c": "Esperar a después",
}
NEW = ("germs", "germ_quiz", "hunt_older")


def doc_yaml(marker: str) -> str:
    """The one ```yaml block of the guide that holds ``marker``."""
    text = DOC.read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```yaml\n")[1:]]
    found = [block for block in blocks if marker in block]
    assert len(found) == 1, f"docs/scene-format.md should show one example with {marker!r}"
    return found[0]


def _replace(text: str, pattern: str, new: str) -> str:
    changed, count = re.subn(pattern, new, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"the shipped file has no {pattern!r} to change"
    return changed


def harder_hunt(hunt: str) -> str:
    """The guide's steps: copy hunt.yaml, rename every id, change the title and the numbers."""
    older = _replace(hunt, r"^id: hunt$", "id: hunt_older").replace("hunt.", "hunt_older.")
    older = _replace(older, r"^title: .*$", "title: The big hunt")
    older = _replace(older, r"^(  aim_assist:) \d+", r"\1 0")
    older = _replace(older, r"^(  buddies:) +\d+", r"\1 10")
    cells = r"^(  - id: {}\n    kind: {}\n    count:) \d+"
    older = _replace(older, cells.format("leukemia", "leukemia_cell"), r"\1 10")
    older = _replace(older, cells.format("red_cells", "red_blood_cell"), r"\1 14")
    return _replace(older, r"^(    when: bind\n    actor: leukemia\n    count:) \d+", r"\1 10")


def said(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


def author(tmp_path: Path, monkeypatch, capsys) -> Path:
    """Steps 1 to 4 of the guide in a copy of scenes/, for the three chapters; returns it."""
    folder = tmp_path / "scenes"
    shutil.copytree(SCENES, folder)
    monkeypatch.setattr("game.resources.scenes_dir", lambda: folder)
    monkeypatch.setattr(
        "game.resources.shipped_scene_files",
        lambda: sorted(p for p in folder.glob("*.yaml") if p.name != "journey.yaml"),
    )
    monkeypatch.chdir(tmp_path)

    # 1. Write the chapters: two as the guide shows them, the harder hunt as it says.
    (folder / "germs.yaml").write_text(doc_yaml("\nid: germs\n"), encoding="utf-8")
    (folder / "germ_quiz.yaml").write_text(doc_yaml("\nid: germ_quiz\n"), encoding="utf-8")
    hunt = (folder / "hunt.yaml").read_text(encoding="utf-8")
    (folder / "hunt_older.yaml").write_text(harder_hunt(hunt), encoding="utf-8")

    # Not in the journey yet: check says where each goes, the alternative in the hunt's place.
    assert cli.main(["check"]) == 1
    out = "\n".join(said(capsys))
    assert "the chapter 'germs' is not in the journey file" in out
    assert "the chapter 'germ_quiz' is not in the journey file" in out
    assert "write that line as '- hunt: {older: hunt_older}'" in out

    # 2. Place them in the journey.
    plan = folder / "journey.yaml"
    text = plan.read_text(encoding="utf-8")
    text = _replace(text, r"^  - hunt\b.*$", "  - hunt: {older: hunt_older}   # The big hunt")
    after = r"\1\n  - germs      # Keeping germs away\n  - germ_quiz  # Germ quiz"
    text = _replace(text, r"^(  - after\b.*)$", after)
    plan.write_text(text, encoding="utf-8")

    # 3. Check: no problem; the Spanish is missing.
    assert cli.main(["check"]) == 0
    out = "\n".join(said(capsys))
    assert "missing translation of 'germs.intro' in es.yaml" in out
    assert "missing translation of 'hunt_older.key' in es.yaml" in out
    assert cli.main(["check", str(folder / "germs.yaml")]) == 0  # one file: it says so
    assert any(line.startswith("only these files were checked") for line in said(capsys))

    # 4. Translate, then fill in every empty text by editing the table.
    assert cli.main(["translate", "--lang", "es"]) == 0
    assert re.search(r"wrote scenes.lang.es\.yaml: \d+ text\(s\) to translate", said(capsys)[0])
    fill_in_spanish(folder / "lang" / "es.yaml")
    return folder


def fill_in_spanish(table: Path) -> None:
    """What a translator does in the editor: each ``text: ""`` gets its Spanish; the harder
    hunt's, whose English is the hunt's, the hunt's translation."""
    lines = table.read_text(encoding="utf-8").split("\n")
    written = {}
    for number, line in enumerate(lines[:-1]):
        entry = re.match(r"^  (\S+):$", line)
        text = re.match(r'^    text: "(.+)"$', lines[number + 1])
        if entry and text:
            written[entry.group(1)] = text.group(1)
    filled = 0
    for number, line in enumerate(lines[:-1]):
        entry = re.match(r"^  (\S+):$", line)
        if not entry or lines[number + 1] != '    text: ""':
            continue
        text_id = entry.group(1)
        assert text_id.startswith(NEW), f"translate asked for '{text_id}', not a new chapter's"
        if text_id == "hunt_older.title":
            spanish = "La gran búsqueda"
        elif text_id.startswith("hunt_older."):
            spanish = written["hunt." + text_id.removeprefix("hunt_older.")]
        else:
            spanish = SPANISH.get(text_id, "Texto en español.")
        lines[number + 1] = f'    text: "{spanish}"'
        filled += 1
    assert filled > 40
    table.write_text("\n".join(lines), encoding="utf-8")


def warnings_in(out: list[str]) -> list[str]:
    return [line for line in out if line.startswith("warning: ")]


def test_a_specialist_adds_translates_checks_and_previews_three_chapters(
    tmp_path, monkeypatch, capsys
):
    folder = author(tmp_path, monkeypatch, capsys)

    # Check again: clean, but for the voice files the new lines still need.
    assert cli.main(["check"]) == 0
    out = said(capsys)
    assert out[-1].startswith("12 scene file(s) OK")
    assert [w for w in warnings_in(out) if not w.startswith("warning: voice:")] == []

    # Translated, in Spanish, for every child.
    scenes = load_all()
    assert {"germs", "germ_quiz", "hunt_older"} <= set(scenes)
    assert cli.main(["lines", "--lang", "es"]) == 0
    table = "\n".join(said(capsys))
    assert "Lejos de los gérmenes" in table and "La gran búsqueda" in table

    # 5. Preview: each new file is a chapter ready to play, among the others.
    for scene_id in NEW:
        ready = preview.load_preview(folder / f"{scene_id}.yaml")
        assert isinstance(ready, preview.Ready), ready
        assert ready.first == scene_id

    # The journey: the new chapters in their place, the harder hunt for 10 to 12 only.
    middle, older = journey(scenes, band="middle"), journey(scenes, band="older")
    assert middle[-4:] == ["after", "germs", "germ_quiz", "cheer"]
    assert "hunt" in middle and "hunt_older" not in middle
    assert older[middle.index("hunt")] == "hunt_older" and "hunt" not in older
    assert scenes["hunt_older"].title == "The big hunt"


@pytest.mark.slow  # two whole-journey demos of eleven chapters: a minute or two
@pytest.mark.parametrize("band", ["middle", "older"])
def test_the_whole_journey_with_the_new_chapters_plays_to_its_end(
    tmp_path, monkeypatch, capsys, band
):
    author(tmp_path, monkeypatch, capsys)
    expected = journey(load_all(), band=band)
    assert len(expected) == 11
    data = tmp_path / "data"

    # 6. Play the whole journey with the demo, as a child of this age band.
    code = cli.main(["demo", "--headless", "--band", band, "--data-dir", str(data)])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err
    assert out.out == (
        f"demo: goals reached; 11 chapters played to their goals: {', '.join(expected)}\n"
    )
    profile = json.loads(next((data / "profiles").glob("*.json")).read_text(encoding="utf-8"))
    assert profile["played"] == expected  # each reached its goals (its closing card came)
    assert {"wash", "medicine", "fever", "hot"} <= set(profile["answers"])  # kept apart
    log = (data / "t-cell-hero.log").read_text(encoding="utf-8")
    assert " ERROR " not in log and "Traceback" not in log  # no break screen, no crash


def test_the_full_example_is_the_shipped_hunt_exactly():
    doc = DOC.read_text(encoding="utf-8")
    section = doc.split("\n## A full example\n", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert example == (SCENES / "hunt.yaml").read_text(encoding="utf-8"), (
        "docs/scene-format.md's full example must be scenes/hunt.yaml exactly: copy it in"
    )


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the page's headings."""
    found = set()
    for heading in re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.MULTILINE):
        anchor = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(anchor)
    return found


def test_every_link_into_the_authoring_guides_finds_its_heading():
    """Links into docs/scene-format.md and docs/content-rules.md, from every page (and within
    them): a reorganised guide keeps the headings others link to."""
    docs = ROOT / "docs"
    guides = {docs / "scene-format.md", docs / "content-rules.md"}
    for page in [ROOT / "README.md", *sorted(docs.glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        for target, anchor in re.findall(r"\]\(([\w\-/]*\.md)?#([\w\-]+)\)", text):
            linked = page.parent / target if target else page
            if linked in guides:
                assert anchor in _anchors(linked), f"{page.name}: no heading for {target}#{anchor}"
