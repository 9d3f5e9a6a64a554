"""A version per client, in B1: Gezin A., where the father uses violence against the mother."""

from __future__ import annotations

from datetime import date

import pytest

from exports.documents import (
    DocumentRequest,
    Format,
    UnknownClient,
    document_clients,
    document_filename,
    render_document,
)
from exports.plain_words import explain
from exports.reading_check import NoteKind, reading_check
from exports.variants import Variant
from leidraad.core.audience import Restriction
from leidraad.core.domain import (
    PURPOSE_ID,
    SUMMARY_ID,
    Action,
    Answer,
    Case,
    FamilyMember,
    MemberRole,
    Partner,
    Phase,
    SafetyScore,
    participants_for,
)
from leidraad.core.meeting import Meeting
from leidraad.core.positions import Position
from leidraad.core.voice import ClientVoice
from questionsets.loader import load_guide

GUIDE = load_guide()
MOTHER = FamilyMember("moeder", MemberRole.OUDER, position=Position.SLACHTOFFER)
FATHER = FamilyMember(
    "vader", MemberRole.PARTNER, position=Position.PLEGER, note="vermoeden LVB, NOTITIE-VADER"
)
NOOR = FamilyMember("Noor", MemberRole.KIND, 9, position=Position.KIND)
RECLASSERING = Partner("Reclassering", "reclasseringswerker M.", linked_to=(FATHER.key,))
CASE = Case(
    "Gezin A.",
    members=[MOTHER, FATHER, NOOR],
    partners=[Partner("Veilig Thuis", "E. Jansen"), RECLASSERING, Partner("OM", "R.")],
)


def gezin_a_meeting() -> Meeting:
    return Meeting(
        case_id=1,
        number=2,
        held_on=date(2026, 11, 20),
        phase=Phase.DIRECTE_VEILIGHEID,
        participants=participants_for(CASE, [MOTHER.key]),
        invited=[MOTHER.key],
        answers={
            PURPOSE_ID: Answer(PURPOSE_ID, "Doel", "opening", "Afspraken over veiligheid"),
            "dv-beeld-clienten": Answer(
                "dv-beeld-clienten",
                "Wat zeggen de cliënten?",
                "beeldvorming",
                "MOEDER-WOORDEN: ik wil dat hij ons met rust laat",
                True,
                speaker=MOTHER.key,
            ),
            "cs-weten": Answer(
                "cs-weten",
                "Wat wil je dat we weten?",
                "clientstem",
                "VADER-WOORDEN",
                True,
                speaker=FATHER.key,
            ),
            "dv-besluit-veiligheidsplan": Answer(
                "dv-besluit-veiligheidsplan",
                "Wat komt er in het veiligheidsplan?",
                "besluitvorming",
                "PLAN-NIEUW-NUMMER en route naar school",
            ),
            SUMMARY_ID: Answer(SUMMARY_ID, "Samenvatting", "afsluiting", "Er komt een plan"),
        },
        scores=[
            SafetyScore("moeder (ouder)", "", 3, "MOEDER-HOGER", member_key=MOTHER.key),
            SafetyScore("vader (partner of ex-partner)", "", 8, "VADER-HOGER"),
            SafetyScore("Perspectief van Noor (kind, 9 jaar)", "casusregisseur", 2, "NOOR-HOGER"),
            SafetyScore("Veilig Thuis", "E. Jansen", 4, "VT-HOGER"),
        ],
        actions=[
            Action("Contactverbod naleven", "vader", date(2026, 12, 1)),
            Action(
                "OPVANG-ADRES regelen",
                "Veilig Thuis",
                restriction=Restriction().not_for_people(FATHER.key),
            ),
            Action("Bellen met school", "moeder", date(2026, 12, 5)),
        ],
        voices=[
            ClientVoice("moeder", member_key=MOTHER.key, topics="MOEDER-ONDERWERP"),
            ClientVoice(
                "vader",
                member_key=FATHER.key,
                topics="VADER-ONDERWERP",
                professional_note="PROF-NOTITIE niet samen aan tafel",
                inform_by="Reclassering",
            ),
            ClientVoice("Noor", is_child=True, member_key=NOOR.key, heard="NOOR-ZEI"),
        ],
    )


def render(variant: Variant, client: str = "", partner: str = "", fmt: Format = Format.MD) -> str:
    request = DocumentRequest(variant, partner, fmt, client)
    return render_document(CASE, gezin_a_meeting(), GUIDE, request, None)


MOTHERS = ("MOEDER-WOORDEN", "MOEDER-HOGER", "MOEDER-ONDERWERP", "PLAN-NIEUW-NUMMER")
CHILDS = ("NOOR-ZEI", "NOOR-HOGER")
PROFESSIONAL = ("NOTITIE-VADER", "vermoeden LVB", "PROF-NOTITIE")


@pytest.mark.parametrize("fmt", list(Format))
def test_the_fathers_version_holds_nothing_of_the_mother_the_plan_or_the_child(
    fmt: Format,
) -> None:
    for text in (
        render(Variant.CLIENT, "vader", fmt=fmt),
        render(Variant.VOORBEREIDING, "vader", fmt=fmt),
        render(Variant.PARTNER, partner="Reclassering", fmt=fmt),
    ):
        for secret in (*MOTHERS, *CHILDS, *PROFESSIONAL, "OPVANG-ADRES"):
            assert secret not in text


def test_the_father_reads_his_own_words_and_what_he_must_do() -> None:
    text = render(Variant.CLIENT, "VADER")
    assert "VADER-HOGER" in text
    assert "Contactverbod naleven" in text
    assert "Dit doe jij zelf." in text
    assert "Reclassering" in text and "De reclassering begeleidt" in text


def test_the_mothers_version_has_her_words_and_plan_but_not_the_childs() -> None:
    text = render(Variant.CLIENT, MOTHER.key)
    assert "MOEDER-WOORDEN" in text
    assert "MOEDER-HOGER" in text
    assert "OPVANG-ADRES" in text
    assert "VADER-HOGER" in text  # nothing keeps what he scored from her
    for secret in (*CHILDS, *PROFESSIONAL):
        assert secret not in text


def test_the_client_version_is_b1_and_names_people_by_what_they_are_to_the_reader() -> None:
    text = render(Variant.CLIENT, "moeder")
    assert "Dit verslag is voor jou, moeder." in text
    assert "Versie:" not in text and "versie voor de cliënt" not in text
    assert "(partner of ex-partner)" not in text
    assert "Je (ex-)partner vader gaf een **8**." in text
    assert "E. Jansen, van Veilig Thuis" in text
    assert "**Wat betekent dit voor jou?**" in text
    assert "- **OM:** Het Openbaar Ministerie (OM) beslist" in text
    for jargon in ("Beeldvorming", "Oordeelsvorming", "Vragenset", "Regie"):
        assert jargon not in text


def test_the_preparation_sheet_lists_only_who_is_invited_and_no_positions() -> None:
    text = render(Variant.VOORBEREIDING, "moeder")
    table = text[text.index("## Wie er aan tafel zitten") : text.index("## Wat we je gaan vragen")]
    assert "vader" not in table  # not invited
    assert "Reclassering" in table
    for word in ("pleger", "slachtoffer", *PROFESSIONAL):
        assert word not in text


def test_a_client_version_needs_one_adult_and_the_file_names_them() -> None:
    assert [m.name for m in document_clients(CASE)] == ["moeder", "vader"]
    with pytest.raises(UnknownClient, match="moeder, vader"):
        render(Variant.CLIENT)
    with pytest.raises(UnknownClient, match="kind"):
        render(Variant.CLIENT, "Noor")
    request = DocumentRequest(Variant.CLIENT, client=" Moeder ")
    name = document_filename(CASE, gezin_a_meeting(), request)
    assert name == "gezin-a-overleg-2-2026-11-20-voor-moeder.md"
    html = render(Variant.CLIENT, "moeder", fmt=Format.HTML)
    assert "<title>Gezin A.: overleg 2 (verslag voor moeder)</title>" in html


def test_every_organisation_gets_a_plain_explanation() -> None:
    for name in (
        "Veilig Thuis",
        "Raad voor de Kinderbescherming",
        "Reclassering",
        "OM",
        "Jeugdbescherming",
        "Jeugd-GGZ",
        "Slachtofferhulp",
        "Wijkteam",
    ):
        assert len(explain(name).split()) >= 8, name
    assert explain("Jeugd-GGZ").startswith("De jeugd-GGZ")
    assert "werkt samen" in explain("Stichting Onbekend")


def test_the_reading_check_names_what_came_from_someone_else() -> None:
    meeting = gezin_a_meeting()
    mother = reading_check(CASE, meeting, GUIDE, DocumentRequest(Variant.CLIENT, client="moeder"))
    texts = [n.text for n in mother]
    assert "Dit document voor moeder bevat 2 scores van anderen (Veilig Thuis, vader)." in texts
    assert "Dit document voor moeder bevat 1 actie over vader." in texts
    assert all(n.person in {"", FATHER.key} for n in mother)
    full = reading_check(CASE, meeting, GUIDE, DocumentRequest())
    texts = [n.text for n in full]
    assert "Dit document voor de ketenpartners aan tafel bevat 1 uitspraak van moeder." in texts
    assert (
        "Dit document voor de ketenpartners aan tafel bevat 1 deel van het veiligheidsplan."
        in texts
    )
    assert any(n.kind is NoteKind.KINDERSTEM and n.person == NOOR.key for n in full)
    assert any("niet naar vader mogen" in t for t in texts)
    assert any("niet naar Reclassering mogen" in t for t in texts)
    father = reading_check(CASE, meeting, GUIDE, DocumentRequest(Variant.CLIENT, client="vader"))
    assert not any("moeder" in n.text and n.kind is NoteKind.UITSPRAAK for n in father)


def test_the_full_version_says_who_an_item_may_not_reach() -> None:
    text = render(Variant.VOLLEDIG)
    assert "MOEDER-WOORDEN" in text and "NOOR-ZEI" in text
    assert "niet naar vader, Reclassering" in text
    assert "OPVANG-ADRES regelen (niet voor vader; niet naar Reclassering)" in text
