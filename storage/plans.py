"""Plans: their versions, who must and must not know them, and who knows which version.

Who must not know a plan starts as core.plans.default_must_not (the pleger, for the
veiligheidsplan) and is stored only once someone chooses otherwise, so the default
follows later changes of position. Every method is one short transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from leidraad.core.domain import Case, InvalidInput
from leidraad.core.plans import (
    PlanAudience,
    PlanKind,
    PlanStatus,
    PlanVersion,
    default_must_not,
    party_key,
    plan_audience,
)
from storage.cases import CaseStore, load_case
from storage.errors import NotFound
from storage.people import decode_keys, encode_keys
from storage.session import UnitOfWork, case_or_fail
from storage.tables import PlanAudienceRow, PlanAwarenessRow, PlanVersionRow


@dataclass(frozen=True)
class PlanAudienceSetting:
    """Who must know one plan from outside the table, and who must not, as a form edits it.

    `outside`: free text names (huisarts, school). `must_not`: member keys; when
    `chosen` is False these are the default (core.plans.default_must_not).
    `audience` is the result in names: who must know it, who must not.
    """

    kind: PlanKind
    outside: tuple[str, ...]
    must_not: tuple[str, ...]
    chosen: bool
    audience: PlanAudience


class PlanStore:
    def __init__(self, work: UnitOfWork, cases: CaseStore) -> None:
        self.work = work
        self.cases = cases

    # --- versions --------------------------------------------------------------

    def plan_versions(self, case_id: int) -> list[PlanVersion]:
        with self.work.session() as s:
            rows = s.exec(
                select(PlanVersionRow)
                .where(PlanVersionRow.case_id == case_id)
                .order_by(col(PlanVersionRow.dated), col(PlanVersionRow.id))
            ).all()
        return [PlanVersion(PlanKind(r.kind), r.label, r.dated, r.id) for r in rows]

    def add_plan_version(
        self, case_id: int, kind: PlanKind, label: str, dated: date
    ) -> PlanVersion:
        """A new version: nobody knows it yet, whoever knew the old one."""
        cleaned = " ".join(label.split())
        if not cleaned:
            raise InvalidInput("Geef de versie een naam, bijvoorbeeld 'versie 2'.")
        with self.work.session() as s:
            case_or_fail(s, case_id)
            row = PlanVersionRow(case_id=case_id, kind=kind.value, label=cleaned, dated=dated)
            s.add(row)
            s.commit()
            return PlanVersion(kind, row.label, row.dated, row.id)

    # --- who must and must not know it ----------------------------------------

    def plan_audience(self, case_id: int, kind: PlanKind) -> PlanAudienceSetting:
        with self.work.session() as s:
            case = load_case(s, case_id)
            return _setting(case, kind, _stored(s, case_id).get(kind))

    def set_plan_audience(
        self,
        case_id: int,
        kind: PlanKind,
        outside: Sequence[str],
        must_not: Sequence[str] | None,
    ) -> PlanAudienceSetting:
        """Store who outside the table must know the plan, and who must not (member keys).

        `must_not` None, or equal to the default, keeps the default: it then follows later
        changes of position. Raises InvalidInput (Dutch) for someone not in the case.
        """
        names = _clean(outside)
        with self.work.session() as s:
            case = load_case(s, case_id)
            barred: list[str] | None = None
            if must_not is not None:
                members = {m.key for m in case.members}
                if any(k not in members for k in must_not):
                    raise InvalidInput("Deze persoon hoort niet (meer) bij de casus.")
                barred = [m.key for m in case.members if m.key in set(must_not)]
                if set(barred) == set(default_must_not(case, kind)):
                    barred = None
            row = _stored(s, case_id).get(kind)
            if not names and barred is None:
                if row is not None:
                    s.delete(row)
                    row = None
            else:
                row = row or PlanAudienceRow(case_id=case_id, kind=kind.value)
                row.outside = encode_keys(names)
                row.must_not = None if barred is None else encode_keys(barred)
                s.add(row)
            s.commit()
            return _setting(case, kind, row)

    # --- who knows which version -------------------------------------------------

    def plan_statuses(self, case_id: int, as_of: date | None = None) -> list[PlanStatus]:
        """Each plan's current version and who knows it; `as_of` gives the state on that day.

        Who must not know a plan is never listed as not knowing it yet.
        """
        versions = [v for v in self.plan_versions(case_id) if as_of is None or v.dated <= as_of]
        current = {v.kind: v for v in versions}  # the latest per kind wins
        ids = [v.id for v in current.values()]
        with self.work.session() as s:
            case = load_case(s, case_id)
            settings = _stored(s, case_id)
            rows = s.exec(
                select(PlanAwarenessRow).where(col(PlanAwarenessRow.plan_version_id).in_(ids))
            ).all()
        statuses = []
        for kind in PlanKind:
            version = current.get(kind)
            known = {
                r.party: r.known_since
                for r in rows
                if version is not None
                and r.plan_version_id == version.id
                and (as_of is None or r.known_since <= as_of)
            }
            outside, must_not = _choice(settings.get(kind))
            statuses.append(PlanStatus.for_case(case, kind, version, known, outside, must_not))
        return statuses

    def set_plan_known(self, version_id: int, party: str, since: date | None) -> None:
        """Mark that a party knows this version since a day, or (None) that it does not."""
        key = party_key(party)
        with self.work.session() as s:
            version = s.get(PlanVersionRow, version_id)
            if version is None:
                raise NotFound("Deze versie van het plan bestaat niet meer.")
            row = s.exec(
                select(PlanAwarenessRow).where(
                    PlanAwarenessRow.plan_version_id == version_id, PlanAwarenessRow.party == key
                )
            ).first()
            if since is None:
                if row is not None:
                    s.delete(row)
            else:
                row = row or PlanAwarenessRow(
                    case_id=version.case_id,
                    plan_version_id=version_id,
                    party=key,
                    known_since=since,
                )
                row.known_since = since
                s.add(row)
            s.commit()


def _stored(s: Session, case_id: int) -> dict[PlanKind, PlanAudienceRow]:
    rows = s.exec(select(PlanAudienceRow).where(PlanAudienceRow.case_id == case_id)).all()
    return {PlanKind(r.kind): r for r in rows}


def _choice(row: PlanAudienceRow | None) -> tuple[list[str], list[str] | None]:
    """(outside names, must-not keys or None for the default) as stored."""
    if row is None:
        return [], None
    return decode_keys(row.outside), None if row.must_not is None else decode_keys(row.must_not)


def _setting(case: Case, kind: PlanKind, row: PlanAudienceRow | None) -> PlanAudienceSetting:
    outside, must_not = _choice(row)
    keys = default_must_not(case, kind) if must_not is None else must_not
    return PlanAudienceSetting(
        kind,
        tuple(outside),
        tuple(keys),
        must_not is not None,
        plan_audience(case, kind, outside, must_not),
    )


def _clean(names: Sequence[str]) -> list[str]:
    """Names as typed, once each (however written), without empty ones."""
    unique: dict[str, str] = {}
    for name in names:
        cleaned = " ".join(name.split())
        if cleaned:
            unique.setdefault(party_key(cleaned), cleaned)
    return list(unique.values())
