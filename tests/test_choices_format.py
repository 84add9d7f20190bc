"""Choices, quiz questions, cards and sounds in the scene format: every mistake is reported at
its line and column."""

from __future__ import annotations

from conftest import only_problem, problems_in

QUIZ = """\
version: 1
id: quiz1
title: A quiz
activity: quiz
lines:
  - id: quiz1.ask
    text: Which cell has CD19?
  - id: quiz1.explain
    text: Look for the stars.
  - id: quiz1.yes
    text: Yes!
choices:
  - id: cd19
    ask: quiz1.ask
    explain: quiz1.explain
    options:
      - {id: quiz1.a, text: Leukemia cell, picture: leukemia_cell, right: yes, say: quiz1.yes}
      - {id: quiz1.b, text: Red blood cell, picture: red_blood_cell}
goals:
  - id: answered
    when: right
    count: 1
triggers:
  - when: right
    sound: chime
"""


def change(old: str, new: str) -> str:
    assert old in QUIZ
    return QUIZ.replace(old, new, 1)


def test_the_quiz_example_loads():
    assert problems_in(QUIZ) == []


def test_an_unknown_picture_is_named_with_a_suggestion():
    line, col, message = only_problem(change("picture: red_blood_cell", "picture: red_cell"))
    assert (line, col) == (18, 54)
    assert "unknown picture 'red_cell'" in message and "red_blood_cell" in message


def test_an_option_id_must_start_with_the_scene_id():
    assert only_problem(change("id: quiz1.b", "id: other.b")) == (
        18,
        14,
        "option ids in this scene start with 'quiz1.', like 'quiz1.intro'",
    )


def test_a_say_that_names_no_line_points_at_the_say():
    line, col, message = only_problem(change("say: quiz1.yes", "say: quiz1.yess"))
    assert (line, col) == (17, 85)
    assert message.startswith("unknown line 'quiz1.yess'")


def test_an_ask_that_names_no_line_points_at_the_ask():
    line, col, message = only_problem(change("ask: quiz1.ask", "ask: quiz1.asks"))
    assert (line, col) == (14, 10)
    assert message == "unknown line 'quiz1.asks' (did you mean 'quiz1.ask'?)"


def test_a_quiz_question_needs_exactly_one_right_answer():
    line, col, message = only_problem(change(", right: yes", ""))
    assert (line, col, message) == (13, 5, "each quiz question needs one 'right: yes'")


def test_an_option_id_used_twice_is_reported_where_it_repeats():
    line, col, message = only_problem(change("id: quiz1.b", "id: quiz1.a"))
    assert (line, col) == (18, 9) and "the option id 'quiz1.a' is used twice" in message


def test_a_choose_activity_needs_keep_on_each_choice():
    text = change("activity: quiz", "activity: choose").replace(", right: yes", "")
    line, col, message = only_problem(
        text.replace("    when: right", "    when: pick").replace(
            "  - when: right", "  - when: pick"
        )
    )
    assert (line, col, message) == (13, 5, "each choice in 'choose' needs 'keep'")


def test_an_unknown_sound_is_named_with_the_choices():
    line, col, message = only_problem(change("sound: chime", "sound: chimes"))
    assert (line, col) == (25, 12) and "unknown sound 'chimes'" in message
