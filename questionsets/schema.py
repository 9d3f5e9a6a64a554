"""The TOML format of a question set, as a strict schema.

Unknown keys, empty texts and missing stages are refused, so a typo in a
regional set is caught when the file is checked, not in the middle of a meeting.
The format is described for users in `questionsets/FORMAAT.md`; keep both in step.
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
ID_HINT = "kleine letters, cijfers en '-', te beginnen met een letter of cijfer (zoals dv-beeld-1)"

STAGES = ("beeldvorming", "oordeelsvorming", "besluitvorming")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionModel(_Strict):
    id: Identifier
    tekst: Text
    toelichting: str = ""
    doorvragen: list[Text] = Field(default_factory=list)
    # The answer holds (part of) a veiligheidsplan: it never reaches a pleger's document.
    veiligheidsplan: StrictBool = False


class _SetModel(_Strict):
    id: Identifier
    titel: Text
    versie: Text
    gebaseerd_op: Text
    regio: str = ""

    def question_lists(self) -> dict[str, list[QuestionModel]]:
        return {}


class PhaseSetModel(_SetModel):
    soort: Literal["fase"]
    fase: Literal["directe_veiligheid", "stabiele_veiligheid", "herstel"]
    beeldvorming: list[QuestionModel] = Field(min_length=1)
    oordeelsvorming: list[QuestionModel] = Field(min_length=1)
    besluitvorming: list[QuestionModel] = Field(min_length=1)

    def question_lists(self) -> dict[str, list[QuestionModel]]:
        return {
            "beeldvorming": self.beeldvorming,
            "oordeelsvorming": self.oordeelsvorming,
            "besluitvorming": self.besluitvorming,
        }


class ClientVoiceSetModel(_SetModel):
    soort: Literal["clientstem"]
    schaalvraag: Text
    hogervraag: Text
    vragen: list[QuestionModel] = Field(min_length=1)

    def question_lists(self) -> dict[str, list[QuestionModel]]:
        return {"vragen": self.vragen}


class WorrySetModel(_SetModel):
    soort: Literal["zorg"]
    vragen: list[QuestionModel] = Field(min_length=1)

    def question_lists(self) -> dict[str, list[QuestionModel]]:
        return {"vragen": self.vragen}


SetModel = PhaseSetModel | ClientVoiceSetModel | WorrySetModel
KindModel = type[_SetModel]
KINDS: dict[str, KindModel] = {
    "fase": PhaseSetModel,
    "clientstem": ClientVoiceSetModel,
    "zorg": WorrySetModel,
}
KIND_NAMES = '"fase", "clientstem" of "zorg"'
QUESTION_LISTS = (*STAGES, "vragen")

# What a missing or wrong key should look like, shown in the message so the fix is obvious.
_EXAMPLES = {
    "soort": f"soort = {KIND_NAMES.replace(' of ', ', ')}",
    "id": 'id = "dv-beeld-zorgen"',
    "titel": 'titel = "Directe veiligheid"',
    "versie": 'versie = "1.0"',
    "gebaseerd_op": 'gebaseerd_op = "Waarop deze set is gebaseerd"',
    "regio": 'regio = "ZVH Voorbeeldregio"',
    "fase": 'fase = "directe_veiligheid", "stabiele_veiligheid" of "herstel"',
    "schaalvraag": 'schaalvraag = "Welk cijfer van 0 tot 10 geef je de veiligheid thuis?"',
    "hogervraag": 'hogervraag = "Wat is er nodig om dat cijfer één punt hoger te maken?"',
    "tekst": 'tekst = "Welke zorgen zijn er?"',
    "toelichting": 'toelichting = "Waarom deze vraag er is"',
    "doorvragen": 'doorvragen = ["Sinds wanneer?", "Wie weet dit?"]',
    "veiligheidsplan": "veiligheidsplan = true",
}


def set_keys(kind: KindModel) -> set[str]:
    return set(kind.model_fields)


def question_keys() -> set[str]:
    return set(QuestionModel.model_fields)


def _suggest(key: str, allowed: set[str]) -> str:
    close = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
    return f' (bedoel je "{close[0]}"?)' if close else ""


def explain(kind: str, key: str, message: str, model: KindModel, in_question: bool) -> str:
    """What pydantic complains about, in Dutch, with what to do about it."""
    allowed = question_keys() if in_question else set_keys(model)
    if kind == "extra_forbidden" and in_question and key in set_keys(model):
        return (
            "hoort bij de hele set, niet bij een vraag; zet deze regel bovenaan het bestand, "
            "vóór het eerste kopje [[...]]"
        )
    if kind == "extra_forbidden" and not in_question and key in question_keys():
        return (
            "hoort bij een vraag, niet bij de hele set; zet deze regel onder een kopje "
            "zoals [[beeldvorming]] of [[vragen]], na het id van die vraag"
        )
    if kind == "extra_forbidden":
        hint = _suggest(key, allowed)
        elsewhere = [name for name, m in KINDS.items() if not in_question and key in m.model_fields]
        if not hint and elsewhere:
            return (
                f'deze sleutel hoort niet bij een set met soort = "{_kind_name(model)}", '
                f'alleen bij soort = "{elsewhere[0]}"; haal hem weg'
            )
        return (
            f"deze sleutel is onbekend{hint}; controleer de spelling of haal hem weg "
            f"(toegestaan: {', '.join(sorted(allowed))})"
        )
    if kind == "missing":
        if key in QUESTION_LISTS:
            return f"deze stap ontbreekt; voeg minstens één [[{key}]]-vraag toe"
        example = _EXAMPLES.get(key)
        return "deze sleutel ontbreekt; voeg hem toe" + (f", zoals: {example}" if example else "")
    if kind == "too_short" and key in QUESTION_LISTS:
        return f"deze stap heeft geen vragen; voeg minstens één [[{key}]]-vraag toe"
    if kind in {"string_too_short", "too_short"}:
        return "mag niet leeg zijn; schrijf de tekst tussen de aanhalingstekens"
    if kind == "string_too_long":
        return "te lang: een id heeft hoogstens 60 tekens"
    if kind == "string_pattern_mismatch":
        return f"ongeldige id: gebruik {ID_HINT}"
    if kind == "literal_error":
        example = _EXAMPLES.get(key)
        return ("onbekende waarde; kies " + example.split("= ", 1)[-1]) if example else message
    if kind == "list_type" and key in QUESTION_LISTS:
        return f"moet een lijst vragen zijn: zet boven elke vraag een regel [[{key}]]"
    if kind == "list_type":
        return 'moet een lijst zijn, zoals ["Eerste?", "Tweede?"]'
    if kind == "bool_type":
        return "moet true of false zijn, zonder aanhalingstekens, zoals: " + _EXAMPLES.get(
            key, "veiligheidsplan = true"
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return "moet een vraag zijn met id, tekst en eventueel toelichting en doorvragen"
    if kind == "string_type":
        example = _EXAMPLES.get(key)
        return "moet tekst zijn, tussen aanhalingstekens" + (
            f", zoals: {example}" if example else ""
        )
    return f"ongeldige waarde ({message})"


def _kind_name(model: KindModel) -> str:
    return next(name for name, m in KINDS.items() if m is model)


def question_ids(model: _SetModel) -> list[str]:
    return [q.id for questions in model.question_lists().values() for q in questions]


def describe_value(value: Any) -> str:
    """A short, safe rendering of a value a user wrote, for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
