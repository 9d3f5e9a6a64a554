"""Question sets from the built-in folder and an organisation's own folders, put in place.

A broken or misfitting file from a user folder never stops the program: it is
skipped and the reason is reported, so the meeting can go on with the
built-in guide. Reading and checking one file lives in `parsing.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from leidraad.core.domain import Phase, Stage
from leidraad.core.guide import (
    ClientVoiceSet,
    Guide,
    PhaseSet,
    Question,
    SetSummary,
    WorrySet,
)
from questionsets.parsing import (
    MAX_BYTES,
    Problem,
    QuestionSetError,
    parse_set,
    set_files,
    validate_document,
)
from questionsets.schema import (
    ClientVoiceSetModel,
    PhaseSetModel,
    QuestionModel,
    SetModel,
    WorrySetModel,
    question_ids,
)

__all__ = [
    "BUILTIN_DIR",
    "MAX_BYTES",
    "LoadedSet",
    "QuestionSetError",
    "builtin_sets",
    "check_path",
    "load_guide",
    "parse_set",
    "resolve",
    "validate_document",
]

BUILTIN_DIR = Path(__file__).parent / "builtin"
MAX_SHOWN = 5  # problems listed per skipped file before "en nog ..."


@dataclass(frozen=True)
class LoadedSet:
    model: SetModel
    path: Path
    builtin: bool = False


def _question(model: QuestionModel) -> Question:
    return Question(
        model.id,
        model.tekst,
        model.toelichting.strip(),
        tuple(model.doorvragen),
        safety_plan=model.veiligheidsplan,
    )


def _to_phase_set(model: PhaseSetModel, path: Path) -> PhaseSet:
    return PhaseSet(
        id=model.id,
        phase=Phase(model.fase),
        title=model.titel,
        version=model.versie,
        based_on=model.gebaseerd_op,
        stages={
            Stage(name): tuple(_question(q) for q in questions)
            for name, questions in model.question_lists().items()
        },
        region=model.regio.strip(),
        source=str(path),
    )


def _to_client_voice(model: ClientVoiceSetModel, path: Path) -> ClientVoiceSet:
    return ClientVoiceSet(
        model.id,
        model.titel,
        model.versie,
        model.gebaseerd_op,
        model.schaalvraag,
        model.hogervraag,
        tuple(_question(q) for q in model.vragen),
        str(path),
        model.regio.strip(),
    )


def _to_worry(model: WorrySetModel, path: Path) -> WorrySet:
    return WorrySet(
        model.id,
        model.titel,
        model.versie,
        model.gebaseerd_op,
        tuple(_question(q) for q in model.vragen),
        str(path),
        model.regio.strip(),
    )


Slot = tuple[str, str]


def _slot(model: SetModel) -> Slot:
    """Where a set is used: one slot per phase, one for the client's voice, one for worries."""
    return (model.soort, model.fase if isinstance(model, PhaseSetModel) else "")


def _slot_name(slot: Slot) -> str:
    if slot[0] == "fase":
        phase = Phase(slot[1])
        return f"fase {phase.number}, {phase.label}"
    return {"clientstem": "de stem van de cliënt", "zorg": "de zorg concreet maken"}[slot[0]]


_SLOT_ORDER = [
    *(_slot_name(("fase", p.value)) for p in Phase),
    _slot_name(("clientstem", "")),
    _slot_name(("zorg", "")),
]


def _skipped(path: Path, problems: Sequence[Problem | str]) -> str:
    """One message per skipped file, short enough for a notification."""
    shown = [f"  {p}" for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        shown.append(
            f"  ... en nog {len(problems) - MAX_SHOWN}; "
            f"alles zien: leidraad questionsets check {path}"
        )
    return "\n".join([f"{path} is overgeslagen:", *shown])


def load_sets(folders: Iterable[Path]) -> tuple[list[LoadedSet], list[str]]:
    """Every valid set in the folders, in order, and a message for every file skipped."""
    loaded: list[LoadedSet] = []
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in set_files(folder):
            try:
                loaded.append(LoadedSet(parse_set(file), file))
            except QuestionSetError as error:
                problems.append(_skipped(file, error.problems))
    return loaded, problems


def builtin_sets() -> list[LoadedSet]:
    sets, problems = load_sets([BUILTIN_DIR])
    if problems:
        # The built-in sets ship with the program; a problem there is a bug, not a user error.
        raise QuestionSetError(BUILTIN_DIR, problems)
    return [LoadedSet(s.model, s.path, builtin=True) for s in sets]


def resolve(builtin: list[LoadedSet], user: list[LoadedSet]) -> Guide:
    """The guide from built-in and user sets; user sets that do not fit are skipped, with a note."""
    guide, errors = _resolve(builtin, user)
    guide.problems += [_skipped(e.path, e.problems) for e in errors]
    return guide


def _resolve(
    builtin: list[LoadedSet], user: list[LoadedSet]
) -> tuple[Guide, list[QuestionSetError]]:
    """Put an organisation's sets in place: by id they replace a built-in set, else they add one.

    For each phase (and for the client's voice and the worry set) the last
    user set read wins; the built-in set stays as the fallback, so the guide
    is always complete whatever the user folder holds.
    """
    problems: list[QuestionSetError] = []
    notes: dict[int, str] = {}
    builtin_by_id = {s.model.id: s for s in builtin}
    accepted: list[LoadedSet] = []
    for item in user:
        base = builtin_by_id.get(item.model.id)
        if base is not None and _slot(base.model) != _slot(item.model):
            problems.append(
                QuestionSetError(
                    item.path,
                    [
                        f'id "{item.model.id}" is de ingebouwde set voor '
                        f"{_slot_name(_slot(base.model))}. Een set met dit id vervangt die, "
                        "en moet dus ook daarvoor zijn (nu: "
                        f"{_slot_name(_slot(item.model))}). Geef je set een eigen id om "
                        "hem toe te voegen."
                    ],
                )
            )
            continue
        for earlier in accepted:
            if earlier.model.id == item.model.id and id(earlier) not in notes:
                notes[id(earlier)] = f"vervangen door {item.path} (zelfde id)"
        accepted.append(item)
    live = [item for item in accepted if id(item) not in notes]

    # Per slot: the user sets, last read first, then the built-in set as the fallback.
    candidates: dict[Slot, list[LoadedSet]] = {}
    for item in [*reversed(live), *builtin]:
        candidates.setdefault(_slot(item.model), []).append(item)
    skipped: set[int] = set()
    builtin_phase_ids = {
        qid for s in builtin if isinstance(s.model, PhaseSetModel) for qid in question_ids(s.model)
    }
    voice = _choose(
        candidates[("clientstem", "")],
        builtin_phase_ids,
        "de ingebouwde fasesets",
        problems,
        skipped,
    )
    voice_ids = set(question_ids(voice.model))
    chosen: dict[Slot, LoadedSet] = {("clientstem", ""): voice}
    for phase in Phase:
        slot = ("fase", phase.value)
        owner = f"de set '{voice.model.id}' voor de stem van de cliënt"
        chosen[slot] = _choose(candidates[slot], voice_ids, owner, problems, skipped)
    if ("zorg", "") in candidates:
        chosen[("zorg", "")] = candidates[("zorg", "")][0]

    replaced_by = {s.model.id: s for s in live if id(s) not in skipped}
    summaries: list[SetSummary] = []
    for item in [*builtin, *accepted]:
        if id(item) in skipped:
            continue
        slot = _slot(item.model)
        used = chosen.get(slot) is item
        note = notes.get(id(item), "")
        replacement = replaced_by.get(item.model.id)
        if not note and item.builtin and replacement is not None:
            note = f"vervangen door {replacement.path} (zelfde id)"
        if not used and not note:
            note = f"niet in gebruik: voor {_slot_name(slot)} geldt '{chosen[slot].model.id}'"
        summaries.append(_summary(item, slot, used, note))
    summaries.sort(key=lambda s: _SLOT_ORDER.index(s.slot))

    assert isinstance(voice.model, ClientVoiceSetModel)
    phases: dict[Phase, PhaseSet] = {}
    for phase in Phase:
        item = chosen[("fase", phase.value)]
        assert isinstance(item.model, PhaseSetModel)
        phases[phase] = _to_phase_set(item.model, item.path)
    worry_item = chosen.get(("zorg", ""))
    worry = None
    if worry_item is not None and isinstance(worry_item.model, WorrySetModel):
        worry = _to_worry(worry_item.model, worry_item.path)
    voice_set = _to_client_voice(voice.model, voice.path)
    return Guide(phases, voice_set, worry, [], summaries), problems


def _choose(
    options: list[LoadedSet],
    taken: set[str],
    owner: str,
    problems: list[QuestionSetError],
    skipped: set[int],
) -> LoadedSet:
    """The first option whose question ids do not clash with ids already in use."""
    for option in options:
        clash = sorted(set(question_ids(option.model)) & taken)
        if not clash or option.builtin:
            return option
        skipped.add(id(option))
        listed = ", ".join(f'"{c}"' for c in clash[:5])
        problems.append(
            QuestionSetError(
                option.path,
                [
                    f"vraag-id {listed} staat ook in {owner}; in één overleg heeft elke "
                    "vraag een eigen id. Kies een ander id."
                ],
            )
        )
    raise AssertionError("the built-in sets always fit together")


def _summary(item: LoadedSet, slot: Slot, used: bool, note: str) -> SetSummary:
    model = item.model
    return SetSummary(
        id=model.id,
        kind=model.soort,
        slot=_slot_name(slot),
        title=model.titel,
        version=model.versie,
        region=model.regio.strip(),
        source=str(item.path),
        builtin=item.builtin,
        used=used,
        note=note,
        questions=len(question_ids(model)),
    )


def load_guide(user_folders: Iterable[Path] = ()) -> Guide:
    """The built-in guide, with an organisation's sets added or put in place by id."""
    user, problems = load_sets(user_folders)
    guide = resolve(builtin_sets(), user)
    guide.problems[:0] = problems
    return guide


def check_path(path: Path) -> list[str]:
    """Every problem in a file or folder of sets, for `leidraad questionsets check`."""
    if not path.exists():
        return [f"{path}: bestaat niet"]
    files = set_files(path) if path.is_dir() else [path]
    if not files:
        return [f"{path}: geen .toml-bestanden gevonden"]
    problems: list[str] = []
    loaded: list[LoadedSet] = []
    for file in files:
        try:
            loaded.append(LoadedSet(parse_set(file), file))
        except QuestionSetError as error:
            problems += error.lines()
    # How the valid files would fit with the built-in sets: same-id or clashing question ids.
    if not path.resolve().is_relative_to(BUILTIN_DIR.resolve()):
        for misfit in _resolve(builtin_sets(), loaded)[1]:
            problems += misfit.lines()
    return problems
