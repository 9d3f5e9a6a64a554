"""The demonstration shows who may read what: each person's documents hold only what they may.

Every document here is made the way a trainer makes it, with `leidraad export`, and
checked on its text: Gezin A.'s father gets none of the mother's words, her score,
her plan or the children's words; the reclassering that works with him gets no
safety plan; Gezin C.'s mother does not read what her son told his mentor.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from leidraad.cli import main
from leidraad.core.domain import Case, Position
from leidraad.core.plans import PlanKind, PlanStatus
from leidraad.demo.seed import demo_database
from leidraad.paths import Paths
from questionsets.loader import load_guide
from storage.repository import Repository
from tests.conftest import FIXED_DAY

# What the mother of Gezin A. said and scored, her plan, and the children's words.
MOTHERS_WORDS = (
    "Ik wil dat hij ons met rust laat",
    "over mijn schouder",
    "Ik ga niet terug",
    "Als het huisverbod verlengd wordt en hij niet meer bij school komt",
    "Als hij echt wegblijft bij school",
    "moeder gaf een",
)
HER_PLAN = ("codewoord", "noodnummers", "nieuw telefoonnummer", "wisselende route", "tante haalt")
CHILDRENS_WORDS = (
    "Als papa niet meer",
    "Ik wil niet dat papa bij school staat",
    "onder haar bed",
    "grote wolk",
    "Noor gaf een",
    "Daan gaf een",
)
JESSE_TOLD_HIS_MENTOR = ("vertelde zijn mentor", "met een riem")


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with demo_database(load_guide([]), FIXED_DAY) as session:
        session.repo.engine.dispose()
        folder = tmp_path_factory.mktemp("demo-rechten")
        shutil.copy(session.paths.database, folder / "leidraad.db")
    return folder / "leidraad.db"


@pytest.fixture
def demo_repo(built_demo: Path, paths: Paths) -> Iterator[Repository]:
    shutil.copy(built_demo, paths.database)
    repository = Repository.open(paths.database)
    yield repository
    repository.engine.dispose()


def case_named(repo: Repository, alias: str) -> Case:
    return repo.find_case(alias)


def export(paths: Paths, case: str, *args: str, answer: str | None = None) -> tuple[int, str, str]:
    """Run `leidraad export` into one file; returns the exit code, what it said, the text."""
    out = paths.data_dir / "uit.md"
    out.unlink(missing_ok=True)
    command = ["--data-dir", str(paths.data_dir), "export", case, "--out", str(out), *args]
    result = CliRunner().invoke(main, command, input=answer)
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    return result.exit_code, result.output, text


def confirmed(paths: Paths, case: str, *args: str) -> str:
    code, said, text = export(paths, case, *args, "--ja")
    assert code == 0, said
    return text


def absent(text: str, *parts: str) -> list[str]:
    """The parts that are (wrongly) in the text."""
    return [p for p in parts if p.lower() in text.lower()]


# --- who is who, who is invited ---------------------------------------------------------


def test_gezin_a_knows_who_is_who_and_who_works_with_whom(demo_repo: Repository) -> None:
    case = case_named(demo_repo, "Gezin A.")
    people = {m.name: m for m in case.members}
    assert people["vader"].position is Position.PLEGER
    assert people["moeder"].position is Position.SLACHTOFFER
    assert people["Noor"].position is people["Daan"].position is Position.KIND
    assert people["moeder"].position_history, "the position is kept with its date"
    reclassering = next(p for p in case.partners if p.organisation == "Reclassering")
    assert reclassering.linked_to == (people["vader"].key,)


def test_a_note_is_a_note_and_a_name_stays_a_name(demo_repo: Repository, paths: Paths) -> None:
    case = case_named(demo_repo, "Familie D.")
    mother = next(m for m in case.members if m.role.value == "ouder")
    assert mother.name == "moeder"
    assert "verstandelijke beperking" in mother.note
    for variant in ("client", "voorbereiding"):
        for meeting in ("1", "2", "5"):
            text = confirmed(
                paths,
                "Familie D.",
                "--variant",
                variant,
                "--client",
                "moeder",
                "--meeting",
                meeting,
            )
            assert absent(text, "verstandelijke", "LVB") == []


def test_positions_can_change_and_keep_their_dates(demo_repo: Repository) -> None:
    case = case_named(demo_repo, "Gezin E.")
    father = next(m for m in case.members if m.name == "vader")
    assert father.position is Position.BEIDE
    assert [p for _, p in father.position_history] == [Position.PLEGER, Position.BEIDE]
    days = [day for day, _ in father.position_history]
    assert days == sorted(days) and days[-1] < FIXED_DAY


def test_children_are_never_invited_and_gezin_a_invites_only_the_mother(
    demo_repo: Repository,
) -> None:
    for summary in demo_repo.list_cases():
        case = demo_repo.get_case(summary.id)
        children = {m.key for m in case.children}
        for listed in demo_repo.list_meetings(summary.id):
            meeting = demo_repo.get_meeting(listed.id)
            assert not children & set(meeting.invited), case.alias
            family = {m.key for m in case.members}
            seated = [p.key for p in meeting.participants if p.key in family]
            assert seated == meeting.invited, f"{case.alias}: only the invited sit at the table"
            if case.alias == "Gezin A.":
                mother = next(m for m in case.members if m.name == "moeder")
                assert meeting.invited == [mother.key]
                assert meeting.together_safe is None  # never seated together: nothing to decide
            if case.alias in ("Gezin B.", "Gezin E."):
                assert len(meeting.invited) == 2 and meeting.together_safe is True


def test_the_plans_know_who_must_and_must_not_know_them(demo_repo: Repository) -> None:
    def safety_plan(alias: str) -> PlanStatus:
        statuses = demo_repo.plan_statuses(case_named(demo_repo, alias).id or 0, FIXED_DAY)
        return next(s for s in statuses if s.kind is PlanKind.VEILIGHEIDSPLAN)

    gezin_a = safety_plan("Gezin A.")
    # the reclassering works with the father: kept from the plan too, never "nog niet"
    assert gezin_a.must_not == ["vader", "Reclassering"]
    assert "vader" not in gezin_a.unaware() and "Reclassering" not in gezin_a.unaware()
    assert "zus van moeder" in gezin_a.aware()  # someone outside the table who must know it
    for alias in ("Gezin B.", "Gezin E."):  # made with both parents
        plan = safety_plan(alias)
        assert plan.must_not == [] and {"moeder", "vader"} <= set(plan.aware())
    assert safety_plan("Familie D.").must_not == ["stiefvader", "Verslavingszorg"]


def test_own_words_say_whose_they_are(demo_repo: Repository) -> None:
    for summary in demo_repo.list_cases():
        case = demo_repo.get_case(summary.id)
        keys = {m.key for m in case.members}
        for listed in demo_repo.list_meetings(summary.id):
            meeting = demo_repo.get_meeting(listed.id)
            own = [a for a in meeting.answers.values() if a.client_words]
            assert all(a.speaker in keys for a in own), case.alias


def test_the_preparation_sheet_lists_only_who_is_invited(
    paths: Paths, demo_repo: Repository
) -> None:
    text = confirmed(paths, "Gezin A.", "--variant", "voorbereiding", "--client", "moeder")
    table = text.split("## Wie er aan tafel zitten", 1)[1].split("##", 1)[0]
    assert "vader" not in table and "Noor" not in table and "Veilig Thuis" in table


# --- Gezin A.: the father and the reclassering ------------------------------------------


@pytest.mark.parametrize("meeting", ["1", "2"])
def test_the_fathers_version_holds_nothing_of_the_mother_or_the_children(
    paths: Paths, demo_repo: Repository, meeting: str
) -> None:
    code, said, text = export(
        paths, "Gezin A.", "--variant", "client", "--client", "vader", "--meeting", meeting, "--ja"
    )
    assert code == 0, said
    assert "Dit verslag is voor jou, vader." in text
    assert absent(text, *MOTHERS_WORDS, *HER_PLAN, *CHILDRENS_WORDS) == []
    assert absent(text, "contactverbod als bijzondere", "19.00", "specialistische hulp voor") == []
    assert "Bellen na 19.00" not in text  # her note is for professionals
    if meeting == "2":
        assert "Ik stuur haar geen berichten" in text  # his own words are his


def test_the_mothers_version_holds_her_own_words(paths: Paths, demo_repo: Repository) -> None:
    text = confirmed(paths, "Gezin A.", "--variant", "client", "--client", "moeder")
    assert "Ik ga niet terug" in text and "Ik stuur haar geen berichten" not in text
    assert absent(text, *CHILDRENS_WORDS) == []


def test_the_reclasserings_version_holds_no_safety_plan(
    paths: Paths, demo_repo: Repository
) -> None:
    for meeting in ("1", "2"):
        text = confirmed(
            paths,
            "Gezin A.",
            "--variant",
            "partner",
            "--partner",
            "Reclassering",
            "--meeting",
            meeting,
        )
        assert "versie voor Reclassering" in text
        assert absent(text, *HER_PLAN, *MOTHERS_WORDS[:3], "Als papa niet meer") == []
        police = confirmed(
            paths, "Gezin A.", "--variant", "partner", "--partner", "Politie", "--meeting", meeting
        )
        assert "codewoord" in police or "nieuw telefoonnummer" in police


def test_without_client_every_adult_gets_a_file_that_names_them(
    paths: Paths, demo_repo: Repository
) -> None:
    command = ["--data-dir", str(paths.data_dir), "export", "Gezin A.", "--variant", "client"]
    result = CliRunner().invoke(main, [*command, "--ja"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in paths.minutes_dir.glob("*.md"))
    assert [n.rsplit("-voor-", 1)[1] for n in names] == ["moeder.md", "vader.md"]


def section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n## ", 1)[0] if heading in text else ""


@pytest.mark.parametrize("meeting", ["1", "2"])
def test_the_father_does_not_learn_where_and_when_the_mother_will_be(
    paths: Paths, demo_repo: Repository, meeting: str
) -> None:
    sheet = confirmed(
        paths, "Gezin A.", "--variant", "voorbereiding", "--client", "vader", "--meeting", meeting
    )
    assert "Datum van het overleg" in sheet
    assert "moeder" not in section(sheet, "## Wie er aan tafel zitten")
    assert "Veilig Thuis" in section(sheet, "## Wie er aan tafel zitten")
    mine = confirmed(
        paths, "Gezin A.", "--variant", "client", "--client", "vader", "--meeting", meeting
    )
    assert "moeder" not in section(mine, "## Wie er waren")
    assert absent(mine, "ex-)partner moeder", "Daan informeren", "Noor informeren") == []
    partner = confirmed(
        paths, "Gezin A.", "--variant", "partner", "--partner", "Reclassering", "--meeting", meeting
    )
    assert "moeder" not in section(partner, "## Aanwezigen")
    assert "**moeder:**" not in partner  # how she is heard says whether she is there
    assert absent(partner, "moeder informeren", "Noor informeren", "| op school |") == []
    table = confirmed(paths, "Gezin A.", "--meeting", meeting)
    assert "| moeder (niet naar vader, Reclassering) |" in section(table, "## Aanwezigen")


def test_aftercare_follows_its_action(paths: Paths, demo_repo: Repository) -> None:
    table = confirmed(paths, "Gezin A.")
    aftercare = table.split("### Nazorg: wie vertelt de uitkomst", 1)[1]
    assert "Noor (niet voor vader" in aftercare
    partner = confirmed(paths, "Gezin A.", "--variant", "partner", "--partner", "Reclassering")
    aftercare = partner.split("### Nazorg: wie vertelt de uitkomst", 1)[1]
    assert "Noor" not in aftercare and "Daan" not in aftercare and "vader" in aftercare
    mother = confirmed(paths, "Gezin A.", "--variant", "client", "--client", "moeder")
    assert "Daan informeren" in mother  # she tells him herself: her own action
    assert "Noor informeren" not in mother  # the child's aftercare, not shared with her


def test_a_preparation_sheet_is_checked_on_what_it_shows(
    paths: Paths, demo_repo: Repository
) -> None:
    for meeting in ("1", "2", "3", "4"):
        args = ("--variant", "voorbereiding", "--client", "moeder", "--meeting", meeting)
        code, said, _ = export(paths, "Gezin C.", *args)
        assert code == 0, said
        assert "veiligheidsplan" not in said


# --- what a trainer can show: the reading check -----------------------------------------


def test_the_fathers_version_still_asks_before_it_is_saved(
    paths: Paths, demo_repo: Repository
) -> None:
    code, said, text = export(
        paths, "Gezin A.", "--variant", "client", "--client", "vader", answer="nee\n"
    )
    assert code == 1 and text == ""
    assert "scores van anderen" in said
    assert "over moeder" not in said  # what she does is hers: not in his version
    assert "er is niets geschreven" in said


def test_the_table_version_lists_what_may_not_go_to_whom(
    paths: Paths, demo_repo: Repository
) -> None:
    code, said, _ = export(paths, "Gezin A.")
    assert code == 0, said
    assert "onderdelen die niet naar vader mogen." in said
    assert "onderdelen die niet naar Reclassering mogen." in said


# --- Gezin C.: what the son told his mentor; consent --------------------------------------


def test_the_mother_never_reads_what_her_son_told_his_mentor(
    paths: Paths, demo_repo: Repository
) -> None:
    table = confirmed(paths, "Gezin C.", "--meeting", "1")
    assert "vertelde zijn mentor" in table and "niet voor moeder" in table
    for variant in ("client", "voorbereiding"):
        text = confirmed(
            paths, "Gezin C.", "--variant", variant, "--client", "moeder", "--meeting", "1"
        )
        assert absent(text, *JESSE_TOLD_HIS_MENTOR) == []
    # The ervaringsdeskundige works with her: not for her is not for them either.
    partner = confirmed(
        paths,
        "Gezin C.",
        "--variant",
        "partner",
        "--partner",
        "Ervaringsdeskundige",
        "--meeting",
        "1",
    )
    assert absent(partner, *JESSE_TOLD_HIS_MENTOR) == []


def test_what_a_child_agreed_to_share_reaches_that_parent_and_nothing_else(
    paths: Paths, demo_repo: Repository
) -> None:
    fourth = confirmed(paths, "Gezin C.", "--variant", "client", "--client", "moeder")
    assert "Mama mag weten dat het goed gaat" in fourth
    assert "Als ik niet meer droom over vroeger" not in fourth  # Sara did not agree
    for parent in ("moeder", "vader"):
        text = confirmed(paths, "Gezin B.", "--variant", "client", "--client", parent)
        assert "Papa en mama lachen weer" in text
        first = confirmed(
            paths, "Gezin B.", "--variant", "client", "--client", parent, "--meeting", "1"
        )
        assert "Als ze niet meer schreeuwen" not in first
