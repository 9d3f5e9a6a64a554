"""The TOML format of a question set, as a strict schema.

Unknown keys, empty texts and missing stages are refused, so a typo in a
regional set is caught when the file is checked, not in the middle of a meeting.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
_ID_HINT = "alleen kleine letters, cijfers en '-'"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionModel(_Strict):
    id: Identifier
    tekst: Text
    toelichting: str = ""
    doorvragen: list[Text] = Field(default_factory=list)


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
KINDS: dict[str, type[_SetModel]] = {
    "fase": PhaseSetModel,
    "clientstem": ClientVoiceSetModel,
    "zorg": WorrySetModel,
}


def duplicate_ids(model: _SetModel) -> list[str]:
    seen: set[str] = set()
    duplicates: list[str] = []
    for questions in model.question_lists().values():
        for question in questions:
            if question.id in seen:
                duplicates.append(question.id)
            seen.add(question.id)
    return duplicates


def explain(kind: str, message: str) -> str:
    """What pydantic complains about, in Dutch and with what to do about it."""
    if kind == "extra_forbidden":
        return "deze sleutel is onbekend; controleer de spelling of haal hem weg"
    if kind == "missing":
        return "deze sleutel ontbreekt"
    if kind in {"string_too_short", "too_short"}:
        return "mag niet leeg zijn"
    if kind == "string_pattern_mismatch":
        return f"ongeldige id: {_ID_HINT}"
    if kind == "literal_error":
        return "onbekende waarde; " + re.sub(r"^Input should be ", "kies ", message)
    if kind in {"string_type", "list_type", "model_type", "dict_type"}:
        return {
            "string_type": "moet tekst zijn (tussen aanhalingstekens)",
            "list_type": 'moet een lijst zijn, zoals ["...", "..."]',
            "model_type": "moet een tabel zijn, zoals [[beeldvorming]]",
            "dict_type": "moet een tabel zijn",
        }[kind]
    return message
