"""A voice index that cannot be used, whatever is in it, is an empty index: logged once in
play, one calm warning in ``check``, never a traceback."""

from __future__ import annotations

import logging

import pytest

from game.script.model import Text
from game.script.strings import Strings, source_hash
from game.voice.index import Recorded, load_index, read_index, save_index, voice_problems

HASH = source_hash("Hello.")

BROKEN = {
    "deep lists": "[" * 100_000 + "]" * 100_000,
    "deep objects": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "deep inside an entry": '{"lines": {"a.one": {"hash": "x", "seconds": '
    + "[" * 60_000
    + "]" * 60_000
    + "}}}",
    "a huge whole number": '{"lines": {"a.one": {"hash": "x", "seconds": 1' + "0" * 400 + "}}}",
    "a huge time in words": '{"lines": {"a.one": {"hash": "x", "seconds": 1, "words": [9'
    + "9" * 400
    + "]}}}",
    "too many digits": '{"lines": {"a.one": {"hash": "x", "seconds": ' + "7" * 5000 + "}}}",
    "infinity": '{"lines": {"a.one": {"hash": "x", "seconds": Infinity}}}',
    "a negative time": '{"lines": {"a.one": {"hash": "x", "seconds": -1}}}',
    "a list at the top": "[1, 2, 3]",
    "a number at the top": "42",
    "lines as a list": '{"lines": [1, 2]}',
    "an entry as text": '{"lines": {"a.one": "hello"}}',
    "a hash as an object": '{"lines": {"a.one": {"hash": {"x": [[[]]]}, "seconds": 1}}}',
    "seconds as text": '{"lines": {"a.one": {"hash": "x", "seconds": "1.5"}}}',
    "seconds as true": '{"lines": {"a.one": {"hash": "x", "seconds": true}}}',
    "words as an object": '{"lines": {"a.one": {"hash": "x", "seconds": 1, "words": {"a": 1}}}}',
    "words as text": '{"lines": {"a.one": {"hash": "x", "seconds": 1, "words": "0.1"}}}',
    "a word time as null": '{"lines": {"a.one": {"hash": "x", "seconds": 1, "words": [null]}}}',
    "not JSON": "{nope",
    "not UTF-8": b"\xff\xfe\x00{",
    "empty": "",
}


def write(folder, body) -> None:
    (folder / "en").mkdir(parents=True, exist_ok=True)
    path = folder / "en" / "index.json"
    path.write_bytes(body if isinstance(body, bytes) else body.encode())


@pytest.mark.parametrize("body", BROKEN.values(), ids=BROKEN.keys())
def test_any_unusable_index_is_empty_and_logged(tmp_path, caplog, body):
    write(tmp_path, body)
    with caplog.at_level(logging.WARNING):
        assert load_index(tmp_path, "en") == {}
    assert len([r for r in caplog.records if "cannot be read" in r.getMessage()]) == 1
    index, why = read_index(tmp_path, "en")
    assert index == {} and why and len(why) < 200


def test_an_index_that_is_a_folder_is_empty(tmp_path):
    (tmp_path / "en" / "index.json").mkdir(parents=True)
    assert read_index(tmp_path, "en")[0] == {}


@pytest.mark.parametrize("body", list(BROKEN.values())[:6], ids=list(BROKEN)[:6])
def test_check_warns_calmly_about_an_unusable_index(tmp_path, body):
    write(tmp_path, body)
    (tmp_path / "en" / "a.one.mp3").write_bytes(b"")
    strings = Strings({"a.one": "Hello."}, {})
    found = voice_problems(strings, [Text("a.one", "mini", None, "Hello.", "line")], tmp_path)
    assert found[0].startswith("voice: en/index.json cannot be read (")
    assert "voice: en/a.one.mp3 is missing" in found


def test_a_good_index_still_reads(tmp_path):
    save_index(tmp_path, "en", {"a.one": Recorded(HASH, 1.5, (0.0, 0.5)), "b": Recorded(HASH, 2)})
    assert read_index(tmp_path, "en") == (
        {"a.one": Recorded(HASH, 1.5, (0.0, 0.5)), "b": Recorded(HASH, 2.0, None)},
        None,
    )
