"""One test per kind of scene problem, each pinned to the line and column an author must fix."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, ROOT, SceneError, only_problem, parse_scene, problems_in
from game.script.yamlsafe import MAX_DEPTH


def test_the_minimal_scene_loads():
    assert problems_in(MINIMAL) == []


def test_the_shipped_example_in_the_docs_loads():
    doc = (ROOT / "docs" / "scene-format.md").read_text()
    example = doc.split("\n## A full example\n", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert problems_in(example, "hunt_example.yaml") == []


def replace(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


# YAML-level refusals --------------------------------------------------------------------------
def test_yaml_syntax_error_is_located():
    line, col, message = only_problem("id: mini\ntitle: [unclosed\n")
    assert (line, col) == (3, 1) and message.startswith("YAML syntax")


def test_empty_file():
    assert only_problem("") == (1, 1, "the file is empty; a scene starts with 'id:'")


def test_two_documents():
    assert only_problem("id: a\n---\nid: b\n")[:2] == (3, 1)


def test_python_tag_is_refused_and_never_run():
    line, col, message = only_problem("id: !!python/object/apply:os.system ['echo hi']\n")
    assert (line, col) == (1, 5) and "not allowed" in message


def test_anchors_and_aliases_are_refused():
    line, col, message = only_problem("a: &x [1]\nb: *x\n")
    assert (line, col) == (1, 4) and "anchors and aliases" in message
    assert message.endswith("a text that starts with & or * must be in quotes")


def test_merge_keys_are_refused():
    assert only_problem("a: 1\n<<: {b: 2}\n") == (2, 1, "merge keys (<<) are not allowed")


def test_duplicate_key():
    line, col, message = only_problem(
        replace("title: A small hunt\n", "title: A small hunt\ntitle: Again\n")
    )
    assert (line, col) == (4, 1) and message == "'title' is given twice (first at line 3)"


def test_a_key_that_yaml_reads_as_yes_or_no():
    line, col, message = only_problem("on: start\n")
    assert (line, col) == (1, 1) and "reads as yes/no" in message


def test_a_key_that_is_not_text():
    line, col, message = only_problem("[1, 2]: x\n")
    assert (line, col) == (1, 1) and "a key must be text" in message


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
@pytest.mark.parametrize("depth", [100, 5000])
def test_nesting_too_deep(monkeypatch, loader, depth):
    """Refused at the first value too deep, whichever parser reads the file (libyaml's or
    PyYAML's own): values are built from its events, which never recurse."""
    import yaml

    from game.script import yamlread

    if not hasattr(yaml, loader):
        pytest.skip(f"this PyYAML has no {loader}")
    monkeypatch.setattr(yamlread, "_Base", getattr(yaml, loader))
    line, col, message = only_problem("a: " + "[" * depth + "]" * depth + "\n")
    if message == f"nested more than {MAX_DEPTH} levels deep":
        assert (line, col) == (1, 4 + MAX_DEPTH)  # the first '[' is at depth 1, column 4
    else:  # libyaml (0.2.5 on) scans a flow's brackets ahead and stops at 1,000 levels
        assert loader == "CSafeLoader" and depth > 1000 and "nesting depth" in message
        assert (line, col) == (1, 1003)


def test_an_anchor_nothing_refers_to_is_refused():
    """Composing drops an anchor nothing refers to without a word; events show it."""
    line, col, message = only_problem("id: &first mini\ntitle: A hunt\n")
    assert (line, col) == (1, 5) and message.startswith("anchors and aliases")


def raw_error(data: bytes) -> str:
    """The loader's whole answer to a file's raw bytes, as printed."""
    with pytest.raises(SceneError) as caught:
        parse_scene("x.yaml", data, ROOT / "assets")
    return str(caught.value)


def test_not_utf8():
    assert raw_error(b"id: mini\ntitle: caf\xe9\n") == (
        "x.yaml:2:11: this is not UTF-8 text; save the file as UTF-8"
    )


def test_nul_byte_means_not_text():
    assert raw_error(b"id: mini\n\x00\x01").startswith("x.yaml:2:1: this is not a text file")


def test_file_too_large():
    assert raw_error(b"# " + b"x" * 300_000).startswith(
        "x.yaml:1:1: the file is 292 KB; a scene file is at most 256 KB"
    )


def test_unreadable_number():
    line, col, message = only_problem("a: " + "9" * 5000 + "\n")
    assert (line, col) == (1, 4) and message.startswith("cannot read")


# keys and types --------------------------------------------------------------------------------
def test_unknown_top_level_key_suggests_the_right_one():
    text = replace("title:", "titel:")
    found = problems_in(text)
    messages = [(p.where.line, p.where.col, p.message) for p in found]
    assert (3, 1, "unknown key 'titel' in a scene (did you mean 'title'?)") in messages
    assert (1, 1, "a scene needs 'title'") in messages


def test_unknown_actor_key_suggests_the_right_one():
    assert only_problem(replace("    count: 2\n", "    cont: 2\n")) == (
        12,
        5,
        "unknown key 'cont' in an actor (did you mean 'count'?)",
    )


def test_missing_required_key():
    assert only_problem(
        replace("  - id: mini.hello\n    text: Hello!\n", "  - id: mini.hello\n")
    ) == (15, 5, "a line needs 'text'")


def test_top_level_must_be_a_mapping():
    assert only_problem("- just\n- a list\n")[:2] == (1, 1)


def test_text_expected():
    assert only_problem(replace("title: A small hunt", "title: [a, b]")) == (
        3,
        8,
        "the title must be text, not list",
    )


def test_whole_number_expected():
    assert only_problem(replace("count: 2\n", "count: two\n")) == (
        12,
        12,
        "'count' must be a whole number, not text",
    )


def test_number_out_of_range():
    assert only_problem(replace("count: 2\n", "count: 0\n")) == (
        12,
        12,
        "'count' must be from 1 to 500, not 0",
    )


def test_yes_or_no_expected():
    assert only_problem(replace("player: yes", "player: 3")) == (
        8,
        13,
        "'player' must be yes or no, not number",
    )


def test_list_expected():
    assert only_problem(replace("markers: [cd19]", "markers: cd19")) == (
        13,
        14,
        "'markers' must be a list (lines starting with '- '), not text",
    )


def test_unknown_actor_kind_suggests():
    line, col, message = only_problem(replace("kind: leukemia_cell", "kind: leukemia_cel"))
    assert (line, col) == (11, 11)
    assert message.startswith("unknown actor kind 'leukemia_cel' (did you mean 'leukemia_cell'?)")


def test_unknown_marker_suggests():
    found = problems_in(replace("markers: [cd19]", "markers: [cd91]"))
    first = found[0]
    assert (first.where.line, first.where.col) == (13, 15)
    assert first.message.startswith("unknown marker 'cd91' (did you mean 'cd19'?)")


def test_unknown_activity_suggests():
    line, col, message = only_problem(replace("activity: hunt", "activity: hnut"))
    assert (line, col) == (4, 11) and "(did you mean 'hunt'?)" in message


def test_unknown_activity_option():
    text = replace("activity: hunt", "activity:\n  name: hunt\n  player_sped: 200")
    assert only_problem(text) == (
        6,
        3,
        "unknown key 'player_sped' in the 'hunt' activity (did you mean 'player_speed'?)",
    )


def test_activity_option_out_of_range():
    text = replace("activity: hunt", "activity:\n  name: hunt\n  aim_assist: 9")
    assert only_problem(text) == (6, 15, "the option 'aim_assist' must be from 0 to 3, not 9")


def test_unknown_event_suggests():
    line, col, message = only_problem(replace("  - when: start", "  - when: strat"))
    assert (line, col) == (23, 11) and "(did you mean 'start'?)" in message


def test_unknown_fact_id():
    text = replace("    text: Hello!\n", "    text: Hello!\n    fact: F99\n")
    line, col, message = only_problem(text)
    assert (line, col) == (17, 11) and message.startswith("unknown fact 'F99'")


def test_unknown_drift_style():
    text = replace("    markers: [cd19]\n", "    markers: [cd19]\n    drift: wobble\n")
    line, col, message = only_problem(text)
    assert (line, col) == (14, 12) and message.startswith("unknown drift style 'wobble'")


def test_area_needs_four_numbers():
    text = replace("    markers: [cd19]\n", "    markers: [cd19]\n    place: {area: [1, 2]}\n")
    assert only_problem(text) == (14, 19, "'area' (x, y, width, height) needs 4 numbers, not 2")


def test_invalid_id():
    assert only_problem(replace("id: mini", "id: Mini Scene")) == (
        2,
        5,
        "the scene id 'Mini Scene' is not a valid id, like 'hunt'",
    )


def test_line_id_must_start_with_the_scene_id():
    text = replace("  - id: mini.hello", "  - id: other.hello").replace(
        "say: mini.hello", "say: other.hello"
    )
    assert only_problem(text) == (
        15,
        9,
        "line ids in this scene start with 'mini.', like 'mini.intro'",
    )


def test_wrong_format_version():
    assert only_problem(replace("version: 1", "version: 2")) == (
        1,
        10,
        "this game reads scene format version 1; write 'version: 1'",
    )


# references and uniqueness ---------------------------------------------------------------------
def test_duplicate_line_id():
    text = replace("    text: Hello!\n", "    text: Hello!\n  - id: mini.hello\n    text: Hi\n")
    assert only_problem(text) == (
        17,
        5,
        "the line id 'mini.hello' is used twice (first at line 15)",
    )


def test_duplicate_actor_id():
    text = replace("  - id: leukemia\n", "  - id: hero\n")
    line, col, message = only_problem(text)
    assert (line, col) == (10, 5) and "the actor id 'hero' is used twice" in message


def test_unknown_line_in_say_suggests():
    assert only_problem(replace("say: mini.hello", "say: mini.helo")) == (
        24,
        10,
        "unknown line 'mini.helo' (did you mean 'mini.hello'?)",
    )


def test_unknown_actor_in_goal_suggests():
    text = replace("    marker: cd19\n", "    marker: cd19\n    actor: leukaemia\n")
    assert only_problem(text) == (21, 12, "unknown actor 'leukaemia' (did you mean 'leukemia'?)")


def test_unknown_goal_in_trigger():
    text = MINIMAL + "  - when: goal_done\n    goal: fnd\n    say: mini.hello\n"
    assert only_problem(text) == (26, 11, "unknown goal 'fnd' (did you mean 'find'?)")


def test_progress_count_that_can_never_happen():
    text = MINIMAL + "  - when: progress\n    goal: find\n    count: 3\n    say: mini.hello\n"
    assert only_problem(text) == (27, 12, "'count: 3' can never happen: goal 'find' stops at 2")


def test_trigger_missing_its_required_key():
    text = MINIMAL + "  - when: idle\n    say: mini.hello\n"
    assert only_problem(text) == (25, 5, "a 'when: idle' trigger needs 'seconds'")


def test_trigger_key_that_does_not_go_with_its_event():
    text = MINIMAL + "  - when: start\n    seconds: 3\n    say: mini.hello\n"
    line, col, message = only_problem(text)
    assert (line, col) == (26, 5) and message.startswith("unknown key 'seconds'")


def test_trigger_with_nothing_to_do():
    text = MINIMAL + "  - when: all_done\n"
    assert only_problem(text) == (
        25,
        5,
        "a trigger needs something to do: 'say', 'assist' and/or 'sound'",
    )


# assets -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/etc/passwd", "must be a path inside assets/"),
        ("backgrounds/../../pyproject.toml", "'..' is not allowed"),
        ("C:/Windows/x.png", "must be a path inside assets/"),
        ("fonts/Andika-Regular.ttf", "must be in assets/backgrounds/"),
        ("backgrounds/bloodstream.txt", "must end in .svg or .png"),
        ("backgrounds/missing.svg", "there is no file assets/backgrounds/missing.svg"),
    ],
)
def test_background_must_be_an_existing_file_inside_assets(value, message):
    line, col, found = only_problem(
        replace("activity: hunt", f"activity: hunt\nbackground: {value}")
    )
    assert (line, col) == (5, 13) and message in found


# what the hunt activity knows ------------------------------------------------------------------
def test_only_a_t_cell_can_have_a_car():
    text = replace("    markers: [cd19]\n", "    markers: [cd19]\n    car: cd19\n")
    assert only_problem(text) == (14, 10, "only a t_cell can have a CAR")


def test_the_player_is_one_cell():
    text = replace("    player: yes\n", "    player: yes\n    count: 2\n")
    assert only_problem(text) == (9, 12, "the player's actor must have 'count: 1'")


def test_only_one_player():
    text = replace("    markers: [cd19]\n", "    markers: [cd19]\n    player: yes\n")
    found = problems_in(text)
    assert [(p.where.line, p.where.col) for p in found if "only one actor" in p.message] == [
        (10, 5)
    ]


def test_the_hunt_needs_a_player():
    assert only_problem(replace("    player: yes\n", "")) == (
        1,
        1,
        "the 'hunt' activity needs an actor with 'player: yes'",
    )


def test_the_hunt_player_needs_a_car():
    assert only_problem(replace("    car: cd19\n", "")) == (
        6,
        5,
        "the hunt's player needs a CAR: add 'car: cd19'",
    )


def test_a_goal_that_cannot_be_reached():
    assert only_problem(replace("    count: 2\ntriggers", "    count: 3\ntriggers")) == (
        18,
        5,
        "goal 'find' needs 3 cells the CAR fits, but the scene has 2",
    )


def test_every_problem_is_reported_at_once():
    text = replace("title: A small hunt", "titel: x").replace("count: 2\n", "count: -1\n")
    text = text.replace("say: mini.hello", "say: mini.nope")
    found = problems_in(text)
    assert len(found) >= 4
    assert found == sorted(found)


def test_a_detail_and_an_optional_chapter_are_read_and_checked():
    text = (
        MINIMAL.replace("version: 1\n", "version: 1\noptional: yes\n")
        .replace(
            "    count: 2\n    markers: [cd19]\n",
            "    count: 2\n    markers: [cd19]\n  - id: extra\n    kind: b_cell\n    count: 1\n"
            "    markers: [cd19]\n    detail: healthy_b_cells\n",
            1,
        )
        .replace("    marker: cd19\n    count: 2\n", "    actor: leukemia\n    count: 2\n")
    )
    assert problems_in(text) == []
    assert only_problem(MINIMAL.replace("version: 1\n", "version: 1\noptional: maybe\n"))[2]
    line, col, message = only_problem(
        MINIMAL.replace("    player: yes\n", "    player: yes\n    detail: hero_bits\n")
    )
    assert "cannot be left out" in message and (line, col) == (9, 13)


def test_leaving_out_a_detail_lowers_the_goals_that_counted_it():
    from game.script.catalog import load_all

    hunt = load_all()["hunt"]
    assert hunt.details == ["healthy_b_cells"]
    without = hunt.without(["healthy_b_cells"])
    assert "b_cells" not in {a.id for a in without.actors}
    assert all(t.actor != "b_cells" for t in without.triggers)
    # The goal counts the leukemia cells, never the healthy B cells: it stays as it was.
    assert without.goals == hunt.goals and hunt.goals[0].actor == "leukemia"
    assert hunt.without(["something_else"]) is hunt


def test_a_trigger_about_the_moment_is_read_and_needs_lines_to_say():
    moment = replace("    say: mini.hello\n", "    say: mini.hello\n    moment: yes\n")
    assert problems_in(moment) == []
    assert parse_scene("m.yaml", moment.encode(), ROOT / "assets").triggers[0].moment
    assert not parse_scene("m.yaml", MINIMAL.encode(), ROOT / "assets").triggers[0].moment
    text = replace("    say: mini.hello\n", "    assist: 1\n    moment: yes\n")
    line, col, message = only_problem(text)
    assert text.splitlines()[line - 1] == "    moment: yes" and col == 13
    assert "'moment' tells how long the lines in 'say'" in message
    assert "yes or no" in only_problem(moment.replace("moment: yes", "moment: 3"))[2]


def test_a_line_shows_cells_only_in_a_choose_chapter_and_only_known_ones():
    """'shows' puts the cells a line names beside the T cell of a 'choose' chapter."""
    line, _, message = only_problem(
        replace("    text: Hello!\n", "    text: Hi!\n    shows: [b_cell]\n")
    )
    assert (
        line == 15 and "'shows' on line 'mini.hello' is drawn only in a 'choose' chapter" in message
    )
    _, _, message = only_problem(replace("    text: Hello!\n", "    text: Hi!\n    shows: b_cel\n"))
    assert "unknown cell to show 'b_cel'" in message and "did you mean 'b_cell'" in message


def test_the_lab_shows_only_a_b_cell_and_the_leukemia_cell():
    """In the lab ('attach') a line may bring a healthy B cell or the leukemia cell the CAR
    fits, as it is said; nothing else."""
    lab = (ROOT / "scenes" / "lab.yaml").read_text(encoding="utf-8")
    assert problems_in(lab, "lab.yaml") == []
    old = "    shows: b_cell"
    assert old in lab
    line, _, message = only_problem(lab.replace(old, "    shows: [b_cell, platelet]", 1))
    assert lab.splitlines()[line - 1].strip().startswith("- id: lab.name_tag")
    assert "the lab shows only b_cell and leukemia_cell" in message
