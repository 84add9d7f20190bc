"""'next:' chains: check refuses a loop where it closes; the journey holds every scene once."""

from __future__ import annotations

from conftest import MINIMAL


def scene_folder(tmp_path, nexts: dict[str, str]):
    """A folder of minimal scenes, each with the given 'next'."""
    paths = []
    for scene_id, following in nexts.items():
        text = MINIMAL.replace("id: mini\n", f"id: {scene_id}\nnext: {following}\n", 1)
        text = text.replace("mini.hello", f"{scene_id}.hello")
        path = tmp_path / f"{scene_id}.yaml"
        path.write_text(text)
        paths.append(path)
    return paths


def test_a_next_loop_is_refused_at_the_next_that_closes_it(tmp_path):
    from game.script.catalog import check_files

    _scenes, problems = check_files(scene_folder(tmp_path, {"a": "b", "b": "a"}))
    assert len(problems) == 1
    assert problems[0].where.path.endswith("b.yaml") and problems[0].where.line == 3
    assert "makes a loop (a → b → a)" in problems[0].message


def test_a_scene_leading_to_itself_is_a_loop(tmp_path):
    from game.script.catalog import check_files

    _scenes, problems = check_files(scene_folder(tmp_path, {"a": "a"}))
    assert [p.message.split(";")[0] for p in problems] == ["'next: a' makes a loop (a → a)"]


def test_a_next_to_an_unknown_scene_suggests_one(tmp_path):
    from game.script.catalog import check_files

    _scenes, problems = check_files(scene_folder(tmp_path, {"first": "secnd", "second": "null"}))
    assert [p.message for p in problems] == ["unknown scene 'secnd' (did you mean 'second'?)"]


def test_the_journey_holds_every_scene_once_even_with_a_loop(tmp_path):
    from game.script.catalog import check_files, journey

    scenes, _ = check_files(scene_folder(tmp_path, {"a": "b", "b": "a", "c": "d", "d": "null"}))
    assert journey(scenes) == ["c", "d", "a", "b"]


def test_a_chapter_outside_the_chain_comes_after_the_longest_chain(tmp_path):
    from game.script.catalog import check_files, journey

    folder = scene_folder(tmp_path, {"a": "null", "m": "n", "n": "o", "o": "null"})
    scenes, problems = check_files(folder)
    assert problems == [] and journey(scenes) == ["m", "n", "o", "a"]
