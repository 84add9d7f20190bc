"""The journey's activities, tested through their pure rules (no pygame): what a tap or a drag
does, that nothing can be lost, and that help points at the right thing."""

from __future__ import annotations

import itertools
import math

import pytest

from game.script.catalog import load_all
from game.script.runner import Runner, Say
from game.script.session import Session
from game.world import attach, collect, drip, multiply, picks

STEP = 1 / 60


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def run(rules, seconds: float) -> list:
    """Let ``seconds`` pass; what happened (not that the child was busy carrying a cell)."""
    events = []
    for _ in range(round(seconds / STEP)):
        events += rules.update(STEP)
    return [event for event in events if not event.busy]


def tap(rules, x: float, y: float) -> None:
    rules.point(x, y)
    rules.release()


def centre(rect) -> tuple[float, float]:
    x, y, w, h = rect
    return x + w / 2, y + h / 2


def drag(rules, start, end, seconds: float = 0.5) -> list:
    """Press at ``start``, move to ``end`` over ``seconds``, let go; the events on the way."""
    events = []
    rules.point(*start)
    frames = round(seconds / STEP)
    for i in range(1, frames + 1):
        t = i / frames
        rules.point(start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        events += rules.update(STEP)
    rules.release()
    return [event for event in events + rules.update(STEP) if not event.busy]


# picture boards ---------------------------------------------------------------------------------
def test_rows_of_pictures_are_balanced_so_no_picture_stands_alone():
    for count, rows in ((4, [4]), (5, [3, 2]), (6, [3, 3]), (7, [4, 3]), (8, [4, 4])):
        tops = [y for _, y, _, _ in picks.layout(count)]
        assert [tops.count(top) for top in sorted(set(tops))] == rows, count


def test_tiles_are_big_apart_and_inside_the_play_area():
    for count in range(1, 9):
        tiles = picks.layout(count)
        assert len(tiles) == count
        for x, y, w, h in tiles:
            assert min(w, h) >= 64
            left, top, right, bottom = picks.AREA
            assert left <= x and x + w <= right and top <= y and y + h <= bottom
        for a in tiles:
            for b in tiles:
                if a is not b:
                    assert (
                        a[0] + a[2] <= b[0]
                        or b[0] + b[2] <= a[0]
                        or a[1] + a[3] <= b[1]
                        or (b[1] + b[3] <= a[1])
                    )


def test_choose_keeps_the_pick_then_shows_the_next_choice(scenes):
    session = Session()
    rules = picks.ChooseRules(scenes["meet"], session=session)
    events = run(rules, STEP)
    assert [(e.type, e.line) for e in events] == [("ask", "meet.pick_colour")]
    rules.ask("meet.pick_colour")  # the narration begins the question: the pictures come
    tap(rules, *centre(rules.tiles[3]))
    events = run(rules, STEP)
    assert [(e.type, e.line) for e in events] == [("pick", "meet.nice_colour")]
    assert session.hero_colour == "yellow"
    tap(rules, *centre(rules.tiles[0]))  # while the answer is heard, taps wait
    assert run(rules, picks.NEXT_DELAY - STEP * 3) == []
    events = run(rules, 0.1)
    assert rules.choice.id == "name" and [e.line for e in events] == ["meet.pick_name"]
    rules.ask("meet.pick_name")
    tap(rules, *centre(rules.tiles[1]))
    run(rules, picks.NEXT_DELAY + 0.1)
    assert session.hero_name == "meet.name.dino" and rules.choice is None


def test_a_picks_pictures_wait_unseen_and_untappable_until_its_question_is_asked(scenes):
    session = Session()
    rules = picks.ChooseRules(scenes["meet"], session=session)
    run(rules, STEP)
    assert rules.waiting_to_ask == "meet.pick_colour"
    assert not rules.on_show and not rules.answerable and rules.spots() == []
    tap(rules, *centre(rules.tiles[3]))  # a tap on where a picture will be is nothing
    assert run(rules, 1.0) == [] and "colour" not in session.picked
    rules.ask("meet.pick_colour")
    assert rules.on_show and rules.answerable and rules.waiting_to_ask is None
    assert len(rules.spots()) == len(rules.options)


def test_a_drag_across_the_board_is_one_tap_and_a_tap_between_tiles_is_none(scenes):
    rules = picks.CardsRules(scenes["after"])
    run(rules, STEP)
    rules.point(5, 5)  # between and outside the tiles
    for rect in rules.tiles:  # sliding the finger over every card does not tap them
        rules.point(*centre(rect))
    rules.release()
    assert run(rules, STEP) == []


def test_each_card_counts_once_and_can_be_heard_again(scenes):
    rules = picks.CardsRules(scenes["after"])
    run(rules, STEP)
    first = scenes["after"].choices[0].options[0]
    tap(rules, *centre(rules.tiles[0]))
    assert [(e.type, e.line) for e in run(rules, STEP)] == [("card", first.say)]
    tap(rules, *centre(rules.tiles[0]))
    assert [(e.type, e.line) for e in run(rules, STEP)] == [("again", first.say)]
    assert rules.chosen == {first.id}


def test_cards_help_points_at_a_card_not_heard_yet(scenes):
    rules = picks.CardsRules(scenes["ready"])
    run(rules, STEP)
    tap(rules, *centre(rules.tiles[0]))
    run(rules, STEP)
    assert rules.hint_option() is None  # no help until the runner asks for it
    rules.set_assist(2)
    assert rules.hint_option() == scenes["ready"].choices[0].options[1]


def test_a_wrong_quiz_answer_is_explained_kindly_and_recorded_then_tried_again(scenes):
    session = Session()
    rules = picks.QuizRules(scenes["cheer"], session=session)
    run(rules, STEP)
    question = rules.choice
    rules.hear(question.ask)  # the narration has said the question
    wrong = next(i for i, o in enumerate(question.options) if not o.right)
    right = next(i for i, o in enumerate(question.options) if o.right)
    tap(rules, *centre(rules.tiles[wrong]))
    events = run(rules, STEP)
    assert [(e.type, e.line) for e in events] == [("try_again", question.explain)]
    tap(rules, *centre(rules.tiles[wrong]))  # the same picture again: nothing more happens
    assert run(rules, STEP) == []
    rules.set_assist(2)
    assert rules.hint_option() is question.options[right]
    tap(rules, *centre(rules.tiles[right]))
    events = run(rules, STEP)
    assert [(e.type, e.line) for e in events] == [("right", question.options[right].say)]
    answer = session.answers[question.id]
    assert (answer.tries, answer.right_first_try, answer.solved) == (2, False, True)
    assert answer.with_help  # the right picture glowed before it was tapped
    run(rules, picks.NEXT_DELAY + 0.1)
    assert rules.choice is not question


def test_a_first_try_right_answer_is_recorded_as_such():
    session = Session()
    session.answer("q", True)
    session.answer("q", False)  # taps after the right answer do not count
    assert session.answers["q"].tries == 1 and session.answers["q"].right_first_try


# collecting -------------------------------------------------------------------------------------
def first_of(rules, kind):
    return next(c for c in rules.cells if c.kind == kind and c.state == "free")


def test_a_t_cell_dragged_into_the_bag_is_kept(scenes):
    rules = collect.CollectRules(scenes["collect"])
    cell = first_of(rules, "t_cell")
    events = drag(rules, (cell.x, cell.y), collect.bag_centre())
    assert [(e.type, e.actor) for e in events] == [("collect", "t_cells")]
    assert cell.state == "kept"
    run(rules, 1.0)
    assert collect.in_bag(cell.x, cell.y)


def test_another_cell_put_in_the_bag_goes_back_to_the_tube(scenes):
    rules = collect.CollectRules(scenes["collect"])
    cell = first_of(rules, "red_blood_cell")
    events = drag(rules, (cell.x, cell.y), collect.bag_centre())
    assert [e.type for e in events] == ["not_this"]
    run(rules, 2.0)  # back to its own place in the stream
    assert cell.state == "free" and abs(cell.y - collect.TUBE_Y) <= 12
    assert cell.x == pytest.approx(rules.place(cell))


def test_carrying_a_cell_is_not_idle_no_hint_comes_while_the_child_carries_one(scenes):
    """Play-test: "Look for T cells in the machine's window. Drag one down." came while the
    child was carrying a T cell. The wait for a hint starts again when the child lets go."""
    scene = scenes["collect"]
    rules, runner = collect.CollectRules(scene), Runner(scene)
    runner.start()
    hint = next(t for t in scene.triggers if t.when == "idle").seconds

    def play(seconds: float) -> list[str]:
        said = []
        for _ in range(round(seconds / STEP)):
            for event in rules.update(STEP):
                said += [out.line_id for out in runner.handle(event) if isinstance(out, Say)]
            said += [out.line_id for out in runner.update(STEP) if isinstance(out, Say)]
        return said

    assert play(hint - 3) == []  # looking for a while...
    cell = first_of(rules, "t_cell")
    rules.point(cell.x, cell.y)  # ... then takes a T cell and carries it about, slowly
    assert rules.held is cell
    assert play(hint + 5) == []
    rules.point(300, 330)
    assert play(hint + 5) == []
    rules.release()  # let go outside the bag: it glides back, and the wait starts again
    assert play(hint - 1) == []
    assert play(2) == ["collect.hint"]


def test_a_press_far_from_any_cell_picks_nothing_up(scenes):
    rules = collect.CollectRules(scenes["collect"])
    events = drag(rules, (640, 700), collect.bag_centre())
    assert events == [] and rules.kept() == []


def test_cells_that_flow_past_come_round_again(scenes):
    rules = collect.CollectRules(scenes["collect"])
    run(rules, 60.0)
    for cell in rules.cells:  # in the tube, or on its way round through the body
        assert collect.STREAM_END - rules.loop <= cell.x <= collect.STREAM_END
    assert len([c for c in rules.cells if c.kind == "t_cell"]) == 6
    seen = set()
    for _ in range(round(rules.loop / rules.flow / STEP) + 1):  # one trip round
        rules.update(STEP)
        seen |= {c.id for c in rules.cells if collect.in_window(c)}
    assert seen == {c.id for c in rules.cells}  # every cell came past the window again


def test_collect_help_points_at_a_t_cell_from_level_two(scenes):
    rules = collect.CollectRules(scenes["collect"])
    assert rules.hint_target() is None
    rules.set_assist(2)
    while not any(c.kind == "t_cell" and collect.in_window(c) for c in rules.cells):
        run(rules, 0.5)
    assert rules.hint_target().kind == "t_cell"


def test_the_collect_arrow_never_points_from_a_cell_outside_the_machine(scenes):
    rules = collect.CollectRules(scenes["collect"], seed=2)
    rules.set_assist(2)
    mx, _, mw, _ = collect.MACHINE
    pointed, waited = 0, 0
    for frame in range(round(60 / STEP)):
        if frame % 600 == 0 and rules.hint_target() is not None:  # take one now and then
            target = rules.hint_target()
            drag(rules, (target.x, target.y), collect.bag_centre())
        rules.update(STEP)
        target = rules.hint_target()
        t_cells_in_window = [c for c in rules.cells if c.kind == "t_cell" and collect.in_window(c)]
        if target is None:
            waited += 1
            assert not t_cells_in_window  # no arrow only while no T cell is in the window
        else:
            pointed += 1
            assert target.kind == "t_cell" and target.state == "free"
            assert mx <= target.x <= mx + mw
    assert pointed and waited  # both happened: T cells came and went


def only(rules, *cells) -> None:
    """Move every other cell far off (until the next update puts them back in the tube)."""
    for cell in rules.cells:
        if cell not in cells:
            cell.y = 2000.0


def test_a_press_takes_the_t_cell_near_the_finger_before_a_platelet_under_it(scenes):
    rules = collect.CollectRules(scenes["collect"])
    t_cell, platelet = first_of(rules, "t_cell"), first_of(rules, "platelet")
    only(rules, t_cell, platelet)
    t_cell.x, t_cell.y = 660.0, collect.TUBE_Y
    platelet.x, platelet.y = 610.0, collect.TUBE_Y  # a little cell overlapping it
    rules.point(606.0, collect.TUBE_Y + 4)  # the finger lands on the platelet...
    assert rules.held is t_cell  # ...and takes the T cell the child was asked to take
    rules.release()


def test_a_press_takes_a_t_cell_within_a_generous_reach_but_not_far_off(scenes):
    """A press on no other cell takes a T cell a little way off (a child's finger lands beside
    a moving cell); far off, it takes nothing."""
    for reach, taken in ((60.0, True), (100.0, True), (collect.T_CELL_WIDE_REACH + 5, False)):
        rules = collect.CollectRules(scenes["collect"])
        t_cell = first_of(rules, "t_cell")
        only(rules, t_cell)
        t_cell.x, t_cell.y = 640.0, collect.TUBE_Y
        rules.point(640.0 + reach, collect.TUBE_Y)  # its radius is about 37
        assert (rules.held is t_cell) is taken, reach


def only_t_cells(scene):
    """The collect chapter with two of its T cells alone in the stream, far apart."""
    import dataclasses

    actors = tuple(dataclasses.replace(a, count=2) for a in scene.actors if a.kind == "t_cell")
    return dataclasses.replace(scene, actors=actors)


def test_the_stream_waits_under_a_finger_and_a_finger_sliding_onto_a_t_cell_takes_it(scenes):
    """A five-year-old's finger lands beside the T cell it reached for, which has flowed on:
    the stream stands still while the finger is down, and sliding onto the cell takes it (a
    play-test missed about half the grabs on the moving stream)."""
    rules = collect.CollectRules(only_t_cells(scenes["collect"]))
    run(rules, 3.0)
    cell = min(rules.cells, key=lambda c: abs(c.x - 640))
    far = collect.T_CELL_REACH + rules.flow * collect.REACH_BACK + 20
    landed = (cell.x - far, collect.TUBE_Y)  # too far behind it
    rules.point(*landed)
    assert rules.held is None
    run(rules, 0.3)
    seen = (cell.x, rules.travel)
    run(rules, 1.0)  # the finger rests there: the stream stands still
    assert (cell.x, rules.travel) == pytest.approx(seen, abs=0.01)
    for step in range(1, 21):  # the finger slides onto the cell
        rules.point(landed[0] + (cell.x - landed[0]) * step / 20, collect.TUBE_Y)
        rules.update(STEP)
    assert rules.held is cell
    events = drag(rules, (cell.x, cell.y), collect.bag_centre())
    assert [e.type for e in events] == ["collect"]
    run(rules, 2.0)  # the finger is up: the stream flows again
    assert rules.travel > seen[1] + rules.flow


def test_after_a_press_that_took_nothing_the_stream_waits_for_the_next_try(scenes):
    rules = collect.CollectRules(only_t_cells(scenes["collect"]))
    run(rules, 3.0)
    cell = min(rules.cells, key=lambda c: abs(c.x - 640))
    seen = cell.x
    rules.point(cell.x, collect.TUBE_Y + 200)  # a miss, below the tube
    run(rules, 0.4)
    rules.release()
    run(rules, 1.0)  # the child lifts the finger and tries again where they saw the cell
    assert cell.x == pytest.approx(seen, abs=15)  # it came to a stop, gently
    rules.point(seen, collect.TUBE_Y)
    assert rules.held is cell
    rules.release()
    run(rules, collect.LINGER + 1.0)  # taken: the stream flows on
    assert rules.pace > 0.9


def test_a_press_where_a_t_cell_was_a_moment_ago_takes_it(scenes):
    """A child sees a T cell in the machine's window and reaches for it; their finger lands
    where they saw it, two seconds on, on the red cell that has flowed there since: the T cell
    they reached for is taken (a play-test took the red cell, or nothing)."""
    rules = collect.CollectRules(scenes["collect"])
    run(rules, 3.0)
    while True:
        seen = [c for c in rules.cells if c.kind == "t_cell" and collect.in_window(c)]
        if seen:
            break
        run(rules, 0.1)
    cell = seen[0]
    where = (cell.x, cell.y)
    run(rules, 2.0)
    assert math.dist(where, (cell.x, cell.y)) > collect.T_CELL_WIDE_REACH  # it flowed on
    rules.point(*where)
    assert rules.held is cell


def test_a_press_on_another_cell_with_no_t_cell_near_takes_that_cell(scenes):
    rules = collect.CollectRules(scenes["collect"])
    ahead = collect.T_CELL_REACH + rules.flow * collect.REACH_BACK  # where a T cell just was
    tried = 0
    for cell in rules.cells:  # the cells beside each red cell in the stream, as they flow
        if cell.kind != "red_blood_cell":
            continue
        if any(
            t.kind == "t_cell" and 0 <= t.x - cell.x <= ahead and t.state == "free"
            for t in rules.cells
        ):
            run(rules, 1.0)
            continue
        rules.point(cell.x, cell.y)
        assert rules.held is cell  # a finger on a red cell is beyond its neighbour's reach
        rules.release()
        run(rules, 1.0)
        tried += 1
    assert tried >= 3


def test_cells_in_the_stream_never_overlap_even_after_one_is_let_go(scenes):
    rules = collect.CollectRules(scenes["collect"], seed=5)
    red = first_of(rules, "red_blood_cell")
    drag(rules, (red.x, red.y), (red.x + 150, collect.TUBE_Y + 200))  # dropped off the tube
    for _ in range(round(40 / STEP)):
        rules.update(STEP)
        free = sorted((c for c in rules.cells if c.state == "free"), key=lambda c: c.x)
        for a, b in itertools.pairwise(free):
            assert b.x - a.x >= a.radius + b.radius, (a, b)
    assert red.state == "free"  # it found its own place again


# the lab ----------------------------------------------------------------------------------------
def told(rules: attach.AttachRules) -> attach.AttachRules:
    """The lab once the narration has begun telling the child to drag the CARs."""
    rules.ask(rules.waiting_to_ask)
    assert rules.ready
    return rules


def test_the_cars_wait_for_the_child_to_be_told_what_to_do(scenes):
    rules = attach.AttachRules(scenes["lab"])
    assert rules.waiting_to_ask == "lab.how_to" and not rules.ready
    piece = rules.pieces[0]
    assert drag(rules, (piece.x, piece.y), attach.CENTRE) == [] and piece.slot is None
    assert (
        rules.spots() == [] and rules.hint() is None and attach.AttachBot().step(rules, STEP) == []
    )
    rules.ask("lab.intro")  # another line of the story: still waiting
    assert not rules.ready
    rules.ask("lab.how_to")
    assert rules.ready and rules.waiting_to_ask is None
    assert [e.type for e in drag(rules, (piece.x, piece.y), attach.CENTRE)] == ["attach"]


def test_a_car_let_go_near_an_empty_place_clicks_on(scenes):
    rules = told(attach.AttachRules(scenes["lab"]))
    piece = rules.pieces[0]
    events = drag(rules, (piece.x, piece.y), attach.slot_position(2, rules.count))
    assert [e.type for e in events] == ["attach"]
    assert piece.slot == 2 and 2 not in rules.empty_slots()


def test_a_car_let_go_on_the_middle_of_the_cell_clicks_into_the_nearest_free_place(scenes):
    rules = told(attach.AttachRules(scenes["lab"]))
    first, second = rules.pieces[0], rules.pieces[1]
    events = drag(rules, (first.x, first.y), attach.CENTRE)  # the very middle
    assert [e.type for e in events] == ["attach"] and first.slot is not None
    run(rules, 0.5)
    assert (first.x, first.y) == pytest.approx(attach.slot_position(first.slot, rules.count))
    # Let go on the cell, a little below its middle, with the place at the bottom free
    bottom = rules.count // 2
    assert bottom in rules.empty_slots()
    events = drag(rules, (second.x, second.y), (attach.CENTRE[0] + 10, attach.CENTRE[1] + 60))
    assert [e.type for e in events] == ["attach"] and second.slot == bottom


def test_a_car_let_go_on_the_cell_next_to_a_taken_place_takes_the_nearest_free_one(scenes):
    rules = told(attach.AttachRules(scenes["lab"]))
    first, second = rules.pieces[0], rules.pieces[1]
    top = attach.slot_position(0, rules.count)
    drag(rules, (first.x, first.y), top)
    assert first.slot == 0
    events = drag(rules, (second.x, second.y), (top[0] + 20, top[1] + 40))  # on the taken one
    assert [e.type for e in events] == ["attach"] and second.slot in (1, rules.count - 1)


def test_a_car_let_go_off_the_cell_glides_back_gently_to_the_tray(scenes):
    rules = told(attach.AttachRules(scenes["lab"]))
    piece = rules.pieces[0]
    events = drag(rules, (piece.x, piece.y), (640, 620))
    assert [e.type for e in events] == ["back"]  # a scene can answer it (the lab: a whoosh)
    assert piece.slot is None and rules.gliding_home()
    run(rules, 0.4)
    assert piece.home != pytest.approx((piece.x, piece.y))  # not a snap: still on its way
    run(rules, 2.0)
    assert (piece.x, piece.y) == pytest.approx(piece.home) and not rules.gliding_home()


def test_a_car_only_picked_up_and_put_down_in_its_tray_says_nothing(scenes):
    rules = told(attach.AttachRules(scenes["lab"]))
    piece = rules.pieces[0]
    assert drag(rules, (piece.x, piece.y), (piece.x + 10, piece.y + 5)) == []


def test_when_every_car_is_on_a_cell_with_cd19_comes_and_fits(scenes):
    rules = told(attach.AttachRules(scenes["lab"]))
    for index, piece in enumerate(rules.pieces):
        drag(rules, (piece.x, piece.y), attach.slot_position(index, rules.count), 0.1)
    assert rules.empty_slots() == []
    events = run(rules, attach.VISIT_SECONDS + 0.1)
    assert [e.type for e in events] == ["fit"] and "cd19" in events[0].markers


# many, many T cells -----------------------------------------------------------------------------
def test_each_tap_doubles_the_cells_until_the_dish_is_full(scenes):
    rules = multiply.MultiplyRules(scenes["grow"])
    counts = []
    for _ in range(rules.generations + 2):
        tap(rules, *multiply.DISH[:2])
        run(rules, multiply.SPLIT_SECONDS + 0.1)
        counts.append(len(rules.cells))
    assert counts == [2, 4, 8, 16, 32, 64, 64, 64]
    cx, cy, radius = multiply.DISH
    for cell in rules.cells:
        assert math.hypot(cell.x - cx, cell.y - cy) + rules.radius <= radius + 1


def test_every_tap_counts_one_while_cells_split_waits_its_turn(scenes):
    """The play-test: six taps 0.8 s apart (each split takes 0.9 s) make all six splits."""
    rules = multiply.MultiplyRules(scenes["grow"])
    events = []
    for _ in range(6):
        tap(rules, *multiply.DISH[:2])
        events += run(rules, 0.8)
    assert rules.splitting and rules.waiting == 0  # the sixth tap is being played out
    events += run(rules, multiply.SPLIT_SECONDS)
    assert [e.type for e in events] == ["split"] * 6 + ["full"] and len(rules.cells) == 64


def test_a_waiting_tap_makes_the_split_before_it_hurry(scenes):
    rules = multiply.MultiplyRules(scenes["grow"])
    tap(rules, *multiply.DISH[:2])
    run(rules, STEP)
    tap(rules, *multiply.DISH[:2])  # while the first split plays
    assert rules.waiting == 1 and rules.done == 1
    events = run(rules, multiply.SPLIT_SECONDS / multiply.CATCH_UP + 2 * STEP)
    assert events == [multiply.WorldEvent("split")] and rules.done == 2 and rules.waiting == 0


def test_taps_beyond_a_full_dish_are_not_kept(scenes):
    rules = multiply.MultiplyRules(scenes["grow"])
    for _ in range(rules.generations + 3):
        tap(rules, *multiply.DISH[:2])
    assert rules.waiting == rules.generations and rules.taps_left == 0
    assert rules.spots() == []  # nothing left for the switch to choose
    run(rules, rules.generations * multiply.SPLIT_SECONDS)
    assert rules.full and len(rules.cells) == 2**rules.generations and rules.waiting == 0


# coming back ------------------------------------------------------------------------------------
def test_a_tap_on_the_bag_sends_a_drop_down_the_tube_into_the_vein(scenes):
    rules = drip.DripRules(scenes["back"])
    tap(rules, *centre(drip.BAG))
    events = run(rules, drip.tube_length() / drip.DROP_SPEED + 0.1)
    assert [e.type for e in events] == ["drop", "drip"]
    assert len(rules.swimmers) == drip.CELLS_PER_DROP and rules.left == rules.total - 1


def test_the_bag_lets_a_few_drops_go_at_once_and_never_more_than_it_holds(scenes):
    rules = drip.DripRules(scenes["back"])
    for _ in range(5):
        tap(rules, *centre(drip.BAG))
        run(rules, STEP)
    assert len(rules.drops) == drip.MAX_DROPS
    for _ in range(40):
        tap(rules, *centre(drip.BAG))
        run(rules, 0.5)
    assert rules.left == 0
    tap(rules, 1000, 200)  # away from the bag
    assert [e.type for e in run(rules, 0.1)] == []
