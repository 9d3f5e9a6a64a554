"""The guide's built-in content: every phase and stage covers the ground the guide promises.

The coverage table below is the checklist of the issue, kept next to the
question ids that answer it, so removing or moving a question shows up here.
"""

from __future__ import annotations

import re

import pytest

from leidraad.core.domain import Phase, Stage
from leidraad.core.guide import Guide, Question
from questionsets.loader import load_guide

BEELD, OORDEEL, BESLUIT = Stage.BEELDVORMING, Stage.OORDEELSVORMING, Stage.BESLUITVORMING

# theme -> per phase: the stage and the ids of the questions that cover it
COVERAGE: dict[str, dict[Phase, tuple[Stage, tuple[str, ...]]]] = {
    "zorgen en feiten, en wie ze kent": {
        Phase.DIRECTE_VEILIGHEID: (BEELD, ("dv-beeld-zorgen",)),
        Phase.STABIELE_VEILIGHEID: (BEELD, ("sv-beeld-stand",)),
        Phase.HERSTEL: (BEELD, ("hs-beeld-veiligheid",)),
    },
    "wat goed gaat": {
        Phase.DIRECTE_VEILIGHEID: (BEELD, ("dv-beeld-beschermend",)),
        Phase.STABIELE_VEILIGHEID: (BEELD, ("sv-beeld-krachten",)),
        Phase.HERSTEL: (BEELD, ("hs-beeld-hoop",)),
    },
    "geschiedenis en patroon van het geweld": {
        Phase.DIRECTE_VEILIGHEID: (BEELD, ("dv-beeld-patroon",)),
        Phase.STABIELE_VEILIGHEID: (BEELD, ("sv-beeld-patroon",)),
        Phase.HERSTEL: (BEELD, ("hs-beeld-patroon",)),
    },
    "wat iedere partner weet dat anderen misschien niet weten": {
        Phase.DIRECTE_VEILIGHEID: (BEELD, ("dv-beeld-feiten",)),
        Phase.STABIELE_VEILIGHEID: (BEELD, ("sv-beeld-partners",)),
        Phase.HERSTEL: (BEELD, ("hs-beeld-nieuw",)),
    },
    "welke veiligheid nu nodig is": {
        Phase.DIRECTE_VEILIGHEID: (OORDEEL, ("dv-oordeel-nodig", "dv-oordeel-risico")),
        Phase.STABIELE_VEILIGHEID: (OORDEEL, ("sv-oordeel-directe-veiligheid",)),
        Phase.HERSTEL: (OORDEEL, ("hs-oordeel-directe-veiligheid",)),
    },
    "risicofactoren die het geweld in stand houden": {
        Phase.DIRECTE_VEILIGHEID: (OORDEEL, ("dv-oordeel-fase",)),
        Phase.STABIELE_VEILIGHEID: (OORDEEL, ("sv-oordeel-risicofactoren", "sv-oordeel-passend")),
        Phase.HERSTEL: (OORDEEL, ("hs-oordeel-terugval",)),
    },
    "herstel en traumazorg: wat en wanneer": {
        Phase.DIRECTE_VEILIGHEID: (BESLUIT, ("dv-besluit-prioriteit",)),
        Phase.STABIELE_VEILIGHEID: (OORDEEL, ("sv-oordeel-volgorde",)),
        Phase.HERSTEL: (OORDEEL, ("hs-oordeel-herstel-nodig", "hs-oordeel-moment")),
    },
    "wat nu voorrang krijgt en wat kan wachten": {
        Phase.DIRECTE_VEILIGHEID: (BESLUIT, ("dv-besluit-prioriteit",)),
        Phase.STABIELE_VEILIGHEID: (BESLUIT, ("sv-besluit-prioriteit",)),
        Phase.HERSTEL: (BESLUIT, ("hs-besluit-prioriteit",)),
    },
    "wie de regie heeft": {
        Phase.DIRECTE_VEILIGHEID: (BESLUIT, ("dv-besluit-regie",)),
        Phase.STABIELE_VEILIGHEID: (BESLUIT, ("sv-besluit-regie",)),
        Phase.HERSTEL: (BESLUIT, ("hs-besluit-regie",)),
    },
    "welke partners de plannen moeten kennen": {
        Phase.DIRECTE_VEILIGHEID: (BESLUIT, ("dv-besluit-veiligheidsplan",)),
        Phase.STABIELE_VEILIGHEID: (BESLUIT, ("sv-besluit-plannen",)),
        Phase.HERSTEL: (BESLUIT, ("hs-besluit-herstelplan",)),
    },
}

PLANS = {
    "dv-besluit-veiligheidsplan": ("veiligheidsplan", "29%"),
    "sv-besluit-plannen": ("hulpverleningsplan", "31%"),
    "hs-besluit-herstelplan": ("herstelplan", "11%"),
}


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide()


def _all_questions(guide: Guide) -> list[Question]:
    questions = [q for s in guide.phases.values() for qs in s.stages.values() for q in qs]
    assert guide.worry is not None
    return questions + list(guide.client_voice.questions) + list(guide.worry.questions)


def test_every_phase_has_the_three_stages_with_questions_and_follow_ups(guide: Guide) -> None:
    for phase in Phase:
        phase_set = guide.for_phase(phase)
        assert phase_set.version and phase_set.based_on
        assert list(phase_set.stages) == list(Stage)
        for stage, questions in phase_set.stages.items():
            assert len(questions) >= 5, (phase, stage)
            assert all(len(q.followups) >= 3 for q in questions), (phase, stage)


@pytest.mark.parametrize("theme", list(COVERAGE))
def test_every_phase_covers_the_ground_of_the_guide(guide: Guide, theme: str) -> None:
    for phase, (stage, ids) in COVERAGE[theme].items():
        present = {q.id for q in guide.for_phase(phase).stages[stage]}
        assert set(ids) <= present, (theme, phase, stage)


def test_plan_questions_name_their_plan_and_why_it_matters(guide: Guide) -> None:
    by_id = {q.id: q for q in _all_questions(guide)}
    for question_id, (plan, figure) in PLANS.items():
        question = by_id[question_id]
        assert plan in question.text
        assert "partners" in question.text
        assert figure in question.help


def test_every_question_and_follow_up_is_a_question(guide: Guide) -> None:
    for question in _all_questions(guide):
        assert question.text.endswith("?"), question.id
        assert all(f.endswith("?") for f in question.followups), question.id
        assert len(set(question.followups)) == len(question.followups), question.id
        assert not question.help.endswith("?"), question.id


def test_texts_fit_a_projector_line(guide: Guide) -> None:
    for question in _all_questions(guide):
        assert len(question.text) <= 130, question.id
        assert all(len(f) <= 130 for f in question.followups), question.id


def _longest_sentence(text: str) -> int:
    return max(len(s.split()) for s in re.split(r"[.?!]\s*", text) if s.strip())


def test_what_a_client_hears_is_plain_language(guide: Guide) -> None:
    voice = guide.client_voice
    to_client = [q for q in voice.questions if not q.id.startswith("cs-kind")]
    texts = [voice.scale_question, voice.higher_question]
    texts += [t for q in to_client for t in (q.text, *q.followups)]
    for text in texts:
        assert _longest_sentence(text) <= 14, text


def test_the_clients_voice_has_the_questions_the_client_is_prepared_for(guide: Guide) -> None:
    voice = guide.client_voice
    assert "cijfer" in voice.scale_question and "0" in voice.scale_question
    assert "10" in voice.scale_question and "thuis" in voice.scale_question
    assert "hoger" in voice.higher_question
    by_id = {q.id: q for q in voice.questions}
    assert "weet" in by_id["cs-weten"].text
    assert any("hoger" in f for f in by_id["cs-cijfer"].followups)
    assert any("gebeld" in f for f in by_id["cs-betrokken"].followups)


def test_the_childs_perspective_is_voiced_by_casusregisseur_or_jeugd_ggz(guide: Guide) -> None:
    by_id = {q.id: q for q in guide.client_voice.questions}
    told, needs = by_id["cs-kind-verteld"], by_id["cs-kind-nodig"]
    assert "casusregisseur" in told.text
    assert "jeugd-GGZ" in needs.help
    assert sum("nodig" in f for f in needs.followups) >= 2


def test_the_worry_set_makes_a_worry_concrete_in_the_guides_order(guide: Guide) -> None:
    assert guide.worry is not None
    texts = [q.text for q in guide.worry.questions]
    expected = ["grootste zorg", "baseer", "nu gebeuren", "wachten", "nodig"]
    assert len(texts) == len(expected)
    for text, words in zip(texts, expected, strict=True):
        assert words in text


def test_the_guide_talks_with_clients_not_about_them(guide: Guide) -> None:
    # Every phase asks for the family's own view and how they hear the decisions.
    for phase in Phase:
        stages = guide.for_phase(phase).stages
        ids = [q.id for qs in stages.values() for q in qs]
        assert any(i.endswith("-clienten") for i in ids), phase
        assert any(q.id.endswith("-clienten") for q in stages[Stage.BESLUITVORMING]), phase
