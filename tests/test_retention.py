"""A case closed longer than the retention period is offered for destruction, then erased."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner
from sqlmodel import SQLModel

from leidraad.cli import main
from leidraad.core.domain import Action, Answer, SafetyScore
from leidraad.core.plans import PlanKind
from leidraad.paths import Paths
from storage.repository import Repository
from storage.retention import case_tables, cutoff, destroy_cases, expired_cases
from tests.conftest import family_case

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ALIAS = "Familie Zwaluwstaart"
SECRET = "Vader dreigde met een mes op 3 maart"


def filled_case(repo: Repository, alias: str, closed: datetime | None) -> int:
    case = family_case()
    case.alias = alias
    saved = repo.save_case(case)
    assert saved.id is not None
    meeting = repo.start_meeting(saved.id, "Directe veiligheid", date(2019, 5, 1))
    assert meeting.id is not None
    repo.save_answer(meeting.id, Answer("dv-1", "Welke zorgen?", "beeldvorming", SECRET))
    repo.save_action(meeting.id, Action(f"Huisbezoek bij {alias}", "Wijkteam"))
    repo.add_score(meeting.id, SafetyScore(f"Perspectief {alias}", "casusregisseur", 3))
    if closed is not None:
        repo.close_case(saved.id, f"Gesloten: {alias} verhuisd", closed)
    return saved.id


def test_the_retention_period_counts_whole_years_from_closing() -> None:
    assert cutoff(5, NOW) == datetime(2021, 11, 24, 12, 0, tzinfo=UTC)
    assert cutoff(1, datetime(2028, 2, 29, tzinfo=UTC)) == datetime(2027, 2, 28, tzinfo=UTC)


def test_every_table_with_case_data_is_reached_when_destroying() -> None:
    """A new table must hang off a case or a meeting, or purge would leave its rows behind."""
    by_meeting, by_case = case_tables()
    reached = {t.name for t in by_meeting + by_case} | {"cases", "meetings"}
    assert reached | {"schema_info", "audit_log"} == set(SQLModel.metadata.tables)


@pytest.mark.both_backends
def test_only_cases_closed_longer_than_the_period_are_offered(repo: Repository) -> None:
    old = filled_case(repo, "Gezin Oud", datetime(2020, 1, 10, tzinfo=UTC))
    filled_case(repo, "Gezin Recent", datetime(2023, 6, 1, tzinfo=UTC))
    filled_case(repo, "Gezin Open", None)
    reopened = filled_case(repo, "Gezin Heropend", datetime(2019, 1, 1, tzinfo=UTC))
    repo.reopen_case(reopened)

    assert [c.case_id for c in expired_cases(repo.engine, 5, NOW)] == [old]
    assert [c.alias for c in expired_cases(repo.engine, 2, NOW)] == ["Gezin Oud", "Gezin Recent"]
    [found] = expired_cases(repo.engine, 5, NOW)
    assert found.meetings == ((1, date(2019, 5, 1)),)


@pytest.mark.both_backends
def test_destroying_removes_every_row_and_leaves_one_line_in_the_log(repo: Repository) -> None:
    old = filled_case(repo, ALIAS, datetime(2020, 1, 10, tzinfo=UTC))
    kept = filled_case(repo, "Gezin Blijft", None)

    destroy_cases(repo.engine, expired_cases(repo.engine, 5, NOW), "P. Jansen", NOW)

    assert [c.alias for c in repo.list_cases(include_closed=True)] == ["Gezin Blijft"]
    assert repo.meeting_by_number(kept, 1).answers["dv-1"].text == SECRET
    with repo.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            if "case_id" in table.c and table.name != "audit_log":
                rows = connection.execute(table.select().where(table.c.case_id == old)).all()
                assert rows == [], table.name
    entries = repo.audit_log(old)
    assert entries[-1].action == "vernietigd"
    assert entries[-1].actor == "P. Jansen"
    assert all(ALIAS not in e.detail for e in entries)


@pytest.mark.sqlite_only
def test_after_purge_the_words_are_nowhere_in_the_database_files(paths: Paths) -> None:
    repo = Repository.open(paths.database)
    gone = filled_case(repo, ALIAS, datetime(2020, 1, 10, tzinfo=UTC))
    filled_case(repo, "Gezin Blijft", None)
    reports = [
        paths.minutes_dir / name
        for name in (
            "familie-zwaluwstaart-1-overleg-1-2019-05-01.md",
            "familie-zwaluwstaart-1-overleg-1-2019-05-01-client.html",
            "familie-zwaluwstaart-1-overleg-1-2019-05-01-voor-politie.md",
            "familie-zwaluwstaart-1-verloop-2019-06-01.md",
        )
    ]
    for report in reports:
        report.write_text(f"# {ALIAS}\n", encoding="utf-8")
        repo.record_document(gone, None, report.name)  # as the export use case does
    repo.engine.dispose()
    other = paths.minutes_dir / "gezin-blijft-2-overleg-1-2019-05-01.md"
    other.write_text("# Gezin Blijft\n", encoding="utf-8")

    def raw() -> bytes:
        return b"".join(p.read_bytes() for p in sorted(paths.data_dir.glob("leidraad.db*")))

    assert ALIAS.encode() in raw()  # the search below can see it
    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), "purge", "--ja"])
    assert result.exit_code == 0, result.output
    assert f"1. {ALIAS}" in result.output
    assert "Vernietigd: 1 casus, 4 verslagen." in result.output

    everything = raw()
    assert b"Gezin Blijft" in everything
    assert ALIAS.encode() not in everything
    assert b"Zwaluwstaart" not in everything
    assert not any(report.exists() for report in reports)
    assert other.exists()


def test_the_dry_run_lists_and_touches_nothing(paths: Paths, repo: Repository) -> None:
    filled_case(repo, ALIAS, datetime(2015, 1, 10, tzinfo=UTC))
    result = CliRunner().invoke(
        main, ["--data-dir", str(paths.data_dir), "--bewaartermijn", "10", "purge", "--dry-run"]
    )
    assert result.exit_code == 0, result.output
    assert "Langer dan 10 jaar gesloten" in result.output
    assert ALIAS in result.output
    assert "niets vernietigd" in result.output
    assert [c.alias for c in repo.list_cases(include_closed=True)] == [ALIAS]


def test_the_retention_period_comes_from_the_settings_file(paths: Paths, repo: Repository) -> None:
    filled_case(repo, ALIAS, datetime(2024, 1, 10, tzinfo=UTC))
    paths.settings_file.write_text("bewaartermijn_jaren = 1\n", encoding="utf-8")
    args = ["--data-dir", str(paths.data_dir), "purge", "--dry-run"]
    result = CliRunner().invoke(main, args)
    assert "Langer dan 1 jaar gesloten" in result.output
    paths.settings_file.write_text("bewaartermijn_jaren = 0\n", encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "bewaartermijn moet een heel aantal jaren zijn" in result.output


def test_answering_no_destroys_nothing(paths: Paths, repo: Repository) -> None:
    filled_case(repo, ALIAS, datetime(2015, 1, 10, tzinfo=UTC))
    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), "purge"], input="nee\n")
    assert result.exit_code == 1
    assert "Niets vernietigd" in result.output
    assert [c.alias for c in repo.list_cases(include_closed=True)] == [ALIAS]


def test_the_program_mentions_cases_past_their_retention_at_start(
    paths: Paths, repo: Repository
) -> None:
    from leidraad.cli.opening import Context, startup_notices

    filled_case(repo, ALIAS, datetime(2015, 1, 10, tzinfo=UTC))
    context = Context(str(paths.data_dir), None, None, None, None)
    [notice, *_] = startup_notices(context, repo)
    assert "Bewaartermijn verlopen: 1 casus langer dan 5 jaar gesloten" in notice
    assert "leidraad purge --dry-run" in notice


@pytest.mark.both_backends
def test_each_expired_case_lists_its_own_meetings(repo: Repository) -> None:
    first = filled_case(repo, "Gezin Een", datetime(2019, 1, 1, tzinfo=UTC))
    repo.start_meeting(first, "Directe veiligheid", date(2019, 6, 1))
    bare = family_case()
    bare.alias = "Gezin Zonder Overleg"
    saved = repo.save_case(bare)
    assert saved.id is not None
    repo.close_case(saved.id, "Verhuisd", datetime(2019, 3, 1, tzinfo=UTC))
    filled_case(repo, "Gezin Twee", datetime(2020, 1, 1, tzinfo=UTC))
    filled_case(repo, "Gezin Open", None)

    assert [(c.alias, c.meetings) for c in expired_cases(repo.engine, 5, NOW)] == [
        ("Gezin Een", ((1, date(2019, 5, 1)), (2, date(2019, 6, 1)))),
        ("Gezin Zonder Overleg", ()),
        ("Gezin Twee", ((1, date(2019, 5, 1)),)),
    ]
    assert expired_cases(repo.engine, 10, NOW) == []


@pytest.mark.both_backends
def test_after_destroying_no_words_of_the_case_remain_in_any_table(repo: Repository) -> None:
    """Reasons for closing and reopening, notes, plan audiences: all go with the case."""
    case = family_case()
    case.alias = ALIAS
    case.members[0].note = "vermoeden LVB"
    saved = repo.save_case(case)
    assert saved.id is not None
    repo.set_plan_audience(saved.id, PlanKind.VEILIGHEIDSPLAN, ["huisarts Zwaluw"], [])
    repo.close_case(saved.id, "Zwaluwstaart verhuisd", datetime(2018, 1, 1, tzinfo=UTC))
    repo.reopen_case(saved.id, "Vader Zwaluwstaart weer gezien", datetime(2018, 6, 1, tzinfo=UTC))
    repo.close_case(saved.id, "Rust bij Zwaluwstaart", datetime(2019, 1, 1, tzinfo=UTC))

    destroy_cases(repo.engine, expired_cases(repo.engine, 5, NOW), "P. Jansen", NOW)

    with repo.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(table.select()):
                text = " ".join(str(v) for v in row)
                assert "Zwaluw" not in text and "LVB" not in text, table.name
