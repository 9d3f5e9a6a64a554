"""Who must and must not know a plan is kept per case and plan, and the awareness list obeys it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from leidraad.core.domain import InvalidInput
from leidraad.core.plans import PlanKind
from leidraad.core.positions import Position
from storage.repository import Repository
from tests.conftest import FIXED_DAY
from tests.test_people_storage import violent_family

pytestmark = pytest.mark.both_backends

VP = PlanKind.VEILIGHEIDSPLAN


def saved_family(repo: Repository) -> int:
    case = repo.save_case(violent_family())
    assert case.id is not None
    return case.id


def test_the_pleger_is_never_listed_as_not_knowing_the_veiligheidsplan(repo: Repository) -> None:
    case_id = saved_family(repo)
    version = repo.add_plan_version(case_id, VP, "versie 1", FIXED_DAY)
    assert version.id is not None
    repo.set_plan_known(version.id, "moeder", FIXED_DAY)

    status = repo.plan_statuses(case_id)[0]

    assert status.kind is VP
    assert "vader" not in status.unaware()
    assert status.must_not == ["vader"]
    assert status.aware() == ["moeder"]
    assert "Mag het niet krijgen: vader." in status.summary()
    history = repo.case_history(case_id)
    assert "vader" not in history.plans[0].unaware()
    # The help plan is for everyone: vader must know that one.
    assert "vader" in repo.plan_statuses(case_id)[1].parties


def test_by_default_the_plan_audience_follows_positions(repo: Repository) -> None:
    case_id = saved_family(repo)
    vader = repo.get_case(case_id).members[1]
    setting = repo.plan_audience(case_id, VP)
    assert (setting.outside, setting.must_not, setting.chosen) == ((), (vader.key,), False)
    assert setting.audience.must_not_know == ("vader",)

    case = repo.get_case(case_id)
    case.members[1] = replace(vader, position=Position.ONBEKEND)
    repo.save_case(case)
    assert repo.plan_audience(case_id, VP).must_not == ()
    assert "vader" in repo.plan_statuses(case_id)[0].parties


def test_people_outside_the_table_must_know_it_and_are_counted(repo: Repository) -> None:
    case_id = saved_family(repo)
    vader = repo.get_case(case_id).members[1]
    setting = repo.set_plan_audience(case_id, VP, ["huisarts", " School ", "school", ""])
    assert setting.outside == ("huisarts", "School")
    assert setting.must_not == (vader.key,) and not setting.chosen  # still the default
    version = repo.add_plan_version(case_id, VP, "versie 1", FIXED_DAY)
    assert version.id is not None
    repo.set_plan_known(version.id, "huisarts", FIXED_DAY)

    status = repo.plan_statuses(case_id)[0]
    assert "School" in status.unaware()
    assert "huisarts" in status.aware()
    assert repo.plan_audience(case_id, VP) == setting
    # Other plans and other cases are not touched.
    assert repo.plan_audience(case_id, PlanKind.HERSTELPLAN).outside == ()
    other = saved_family(repo)
    assert repo.plan_audience(other, VP).outside == ()


def test_who_must_not_know_it_can_be_chosen_and_set_back(repo: Repository) -> None:
    case_id = saved_family(repo)
    moeder, vader, _ = repo.get_case(case_id).members

    nobody = repo.set_plan_audience(case_id, VP, [], [])
    assert (nobody.must_not, nobody.chosen) == ((), True)
    assert "vader" in repo.plan_statuses(case_id)[0].parties

    both = repo.set_plan_audience(case_id, PlanKind.HERSTELPLAN, [], [vader.key, moeder.key])
    assert both.must_not == (moeder.key, vader.key)  # in the order of the case
    assert set(both.audience.must_not_know) == {"moeder", "vader"}

    back = repo.set_plan_audience(case_id, VP, [], None)
    assert (back.must_not, back.chosen) == ((vader.key,), False)
    same = repo.set_plan_audience(case_id, VP, ["school"], [vader.key])
    assert not same.chosen  # the default list stays the default

    with pytest.raises(InvalidInput, match="hoort niet"):
        repo.set_plan_audience(case_id, VP, [], ["iemand-anders"])


def test_a_plan_audience_goes_with_its_case_when_the_case_is_destroyed(repo: Repository) -> None:
    from datetime import UTC, datetime

    from storage.retention import destroy_cases, expired_cases

    case_id = saved_family(repo)
    repo.set_plan_audience(case_id, VP, ["huisarts Van Dijk"], [])
    repo.close_case(case_id, "verhuisd", datetime(2015, 1, 1, tzinfo=UTC))
    destroy_cases(repo.engine, expired_cases(repo.engine, 5), "P. Jansen")
    with repo.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT count(*) FROM plan_audiences").scalar()
        changes = connection.exec_driver_sql("SELECT count(*) FROM position_changes").scalar()
    assert (rows, changes) == (0, 0)
