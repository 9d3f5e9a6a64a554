from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leidraad.domain import Phase, Stage
from questionsets.loader import BUILTIN_DIR, QuestionSetError, check_path, load_guide, parse_set

VALID = """
soort = "fase"
id = "dv-regio"
fase = "directe_veiligheid"
titel = "Directe veiligheid"
versie = "2"
gebaseerd_op = "Test"
regio = "ZVH Testregio"

[[beeldvorming]]
id = "r-b-1"
tekst = "Welke zorgen zijn er?"
doorvragen = ["Sinds wanneer?"]

[[oordeelsvorming]]
id = "r-o-1"
tekst = "Wat is nodig?"

[[besluitvorming]]
id = "r-s-1"
tekst = "Wie doet wat?"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_built_in_set_loads_with_all_three_stages() -> None:
    guide = load_guide()
    assert guide.problems == []
    for phase in Phase:
        phase_set = guide.for_phase(phase)
        for stage in Stage:
            questions = phase_set.stages[stage]
            assert len(questions) >= 3, (phase, stage)
            assert all(q.followups for q in questions), (phase, stage)
        assert phase_set.version and phase_set.based_on
    assert guide.client_voice.scale_question and guide.client_voice.questions
    assert guide.worry is not None and len(guide.worry.questions) == 5
    assert check_path(BUILTIN_DIR) == []


def test_question_ids_are_unique_across_the_built_in_guide() -> None:
    guide = load_guide()
    ids = [q.id for s in guide.phases.values() for qs in s.stages.values() for q in qs]
    ids += [q.id for q in guide.client_voice.questions]
    assert len(ids) == len(set(ids))


def test_a_user_set_with_a_phase_replaces_the_built_in_one_and_names_its_region(
    tmp_path: Path,
) -> None:
    write(tmp_path, "regio.toml", VALID)
    guide = load_guide([tmp_path])
    phase_set = guide.for_phase(Phase.DIRECTE_VEILIGHEID)
    assert phase_set.id == "dv-regio"
    assert phase_set.label == "Directe veiligheid (versie 2), ZVH Testregio"
    assert guide.for_phase(Phase.HERSTEL).region == ""


def test_a_broken_user_file_is_skipped_and_reported(tmp_path: Path) -> None:
    write(tmp_path, "kapot.toml", "soort = [")
    guide = load_guide([tmp_path])
    assert len(guide.problems) == 1
    assert "kapot.toml" in guide.problems[0]
    assert "geen geldige TOML" in guide.problems[0]
    assert guide.for_phase(Phase.DIRECTE_VEILIGHEID).region == ""


@pytest.mark.parametrize(
    "change,message",
    [
        (
            lambda t: t.replace('regio = "ZVH Testregio"', 'regoi = "x"'),
            "regoi: deze sleutel is onbekend",
        ),
        (
            lambda t: t.replace('id = "r-o-1"', 'id = "r-b-1"'),
            "vraag-id 'r-b-1' komt meer dan eens voor",
        ),
        (
            lambda t: t.replace('tekst = "Wat is nodig?"', 'tekst = "  "'),
            "oordeelsvorming[1].tekst: mag niet leeg zijn",
        ),
        (
            lambda t: t[: t.index("[[besluitvorming]]")],
            "besluitvorming: deze stap ontbreekt; voeg minstens één [[besluitvorming]]-vraag toe",
        ),
        (
            lambda t: t.replace('doorvragen = ["Sinds wanneer?"]', 'doorvragen = "Sinds?"'),
            "doorvragen: moet een lijst zijn",
        ),
        (
            lambda t: t.replace('fase = "directe_veiligheid"', 'fase = "fase1"'),
            "fase: onbekende waarde",
        ),
        (lambda t: t.replace('id = "r-b-1"', 'id = "R B"'), "beeldvorming[1].id: ongeldige id"),
        (lambda t: t.replace('soort = "fase"', 'soort = "iets"'), "soort: moet"),
        (lambda t: t + "\n[[besluitvorming]\n", "geen geldige TOML"),
    ],
)
def test_each_mistake_gets_its_own_message_naming_file_and_key(
    tmp_path: Path, change, message: str
) -> None:
    path = write(tmp_path, "set.toml", change(VALID))
    with pytest.raises(QuestionSetError) as error:
        parse_set(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_garbage_never_raises_anything_but_a_question_set_error(
    tmp_path: Path, data: bytes
) -> None:
    try:
        parse_set(tmp_path / "x.toml", data)
    except QuestionSetError:
        pass


@settings(max_examples=200)
@given(st.data())
def test_mangled_valid_files_never_raise_anything_but_a_question_set_error(data) -> None:
    lines = VALID.strip().splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "number", "list", "table"]))
        key = lines[index].split("=")[0].strip()
        if action == "drop":
            lines.pop(index)
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "number" and "=" in lines[index]:
            lines[index] = f"{key} = 42"
        elif action == "list" and "=" in lines[index]:
            lines[index] = f"{key} = [1, 2]"
        elif action == "table" and "=" in lines[index]:
            lines[index] = f"{key} = {{ a = 1 }}"
        if not lines:
            break
    try:
        parse_set(Path("y.toml"), "\n".join(lines).encode())
    except QuestionSetError:
        pass
