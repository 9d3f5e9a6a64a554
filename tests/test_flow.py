from leidraad.core.domain import Phase
from leidraad.core.flow import MeetingFlow, Part
from tests.conftest import small_guide


def make_flow() -> MeetingFlow:
    guide = small_guide()
    return MeetingFlow(guide.for_phase(Phase.DIRECTE_VEILIGHEID), guide.client_voice)


def test_the_meeting_walks_every_part_in_the_fixed_order() -> None:
    flow = make_flow()
    parts = list(dict.fromkeys(step.part for step in flow.steps))
    assert parts == list(Part)
    # opening, scores + 1 voice question, 3 stages x 2 questions, action plan, closing
    assert len(flow) == 1 + 2 + 6 + 1 + 1


def test_next_and_previous_stop_at_the_ends() -> None:
    flow = make_flow()
    assert flow.previous(0) == 0
    last = len(flow) - 1
    assert flow.next(last) == last


def test_next_part_jumps_to_the_first_question_of_the_following_part() -> None:
    flow = make_flow()
    beeld = flow.start_of(Part.BEELDVORMING)
    assert flow.next_part(beeld) == flow.start_of(Part.OORDEELSVORMING)
    assert flow.next_part(flow.start_of(Part.AFSLUITING)) == flow.start_of(Part.AFSLUITING)


def test_previous_part_goes_to_the_start_of_this_part_first() -> None:
    flow = make_flow()
    second = flow.start_of(Part.BEELDVORMING) + 1
    assert flow.previous_part(second) == flow.start_of(Part.BEELDVORMING)
    assert flow.previous_part(flow.start_of(Part.BEELDVORMING)) == flow.start_of(Part.CLIENTSTEM)


def test_the_progress_line_says_part_and_question() -> None:
    flow = make_flow()
    position = flow.start_of(Part.OORDEELSVORMING) + 1
    assert flow.where(position) == "Deel 4 van 7 · Oordeelsvorming · vraag 2 van 2"
    assert flow.where(0) == "Deel 1 van 7 · Opening"
    assert flow.where(1) == "Deel 2 van 7 · Stem van de cliënt · veiligheidscijfers"
