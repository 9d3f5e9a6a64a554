"""Loading question sets: the schema's Dutch messages, garbage in, and user sets put in place."""

from __future__ import annotations

import functools
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leidraad.core.domain import Phase, Stage
from leidraad.core.guide import holds_safety_plan
from questionsets.loader import (
    BUILTIN_DIR,
    MAX_BYTES,
    LoadedSet,
    QuestionSetError,
    builtin_sets,
    check_path,
    load_guide,
    parse_set,
    resolve,
    validate_document,
)
from questionsets.schema import KINDS, question_keys

VALID = """\
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

VOICE = """\
soort = "clientstem"
id = "clientstem"
titel = "Stem van de cliënt, regio"
versie = "3"
gebaseerd_op = "Test"
regio = "ZVH Testregio"
schaalvraag = "Welk cijfer geef je de veiligheid thuis?"
hogervraag = "Hoe kan het cijfer omhoog?"

[[vragen]]
id = "regio-cs-1"
tekst = "Wat wil je dat wij weten?"
"""

WORRY = """\
soort = "zorg"
id = "zorg-regio"
titel = "Zorg concreet, regio"
versie = "1"
gebaseerd_op = "Test"

[[vragen]]
id = "zr-1"
tekst = "Wat is je grootste zorg?"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path, data: bytes | None = None) -> str:
    with pytest.raises(QuestionSetError) as caught:
        parse_set(path, data)
    return str(caught.value)


# --- the built-in sets --------------------------------------------------------


def test_every_built_in_file_passes_the_check() -> None:
    assert check_path(BUILTIN_DIR) == []
    guide = load_guide()
    assert guide.problems == []
    assert all(s.builtin and s.used for s in guide.sets)
    assert len(guide.sets) == 5


def test_question_ids_are_unique_across_the_built_in_guide() -> None:
    guide = load_guide()
    ids = [q.id for s in guide.phases.values() for qs in s.stages.values() for q in qs]
    ids += [q.id for q in guide.client_voice.questions]
    assert guide.worry is not None
    ids += [q.id for q in guide.worry.questions]
    assert len(ids) == len(set(ids))


def test_the_built_in_veiligheidsplan_questions_are_marked() -> None:
    ids = load_guide().safety_plan_ids()
    assert {"dv-besluit-veiligheidsplan", "dv-oordeel-nodig", "sv-besluit-plannen"} <= ids
    assert "dv-beeld-zorgen" not in ids


def test_a_question_can_be_marked_as_veiligheidsplan(tmp_path: Path) -> None:
    text = VALID.replace(
        'tekst = "Wie doet wat?"', 'tekst = "Wie doet wat?"\nveiligheidsplan = true'
    )
    path = write(tmp_path, "set.toml", text)
    model = parse_set(path)
    guide = load_guide([tmp_path])
    assert guide.phases[Phase.DIRECTE_VEILIGHEID].id == model.id
    assert "r-s-1" in guide.safety_plan_ids()
    assert "r-b-1" not in guide.safety_plan_ids()
    question = guide.phases[Phase.DIRECTE_VEILIGHEID].stages[Stage.BESLUITVORMING][0]
    assert question.safety_plan


def test_veiligheidsplan_must_be_true_or_false_without_quotes(tmp_path: Path) -> None:
    text = VALID.replace(
        'tekst = "Wie doet wat?"', 'tekst = "Wie doet wat?"\nveiligheidsplan = "ja"'
    )
    message = errors_of(write(tmp_path, "set.toml", text))
    assert "regel 21" in message
    assert "veiligheidsplan: moet true of false zijn, zonder aanhalingstekens" in message


def test_a_worry_made_concrete_at_a_veiligheidsplan_question_is_veiligheidsplan() -> None:
    ids = frozenset({"dv-besluit-veiligheidsplan"})
    assert holds_safety_plan("dv-besluit-veiligheidsplan~zc-basis", ids)
    assert not holds_safety_plan("dv-beeld-zorgen~zc-basis", ids)


# --- one file, one message per mistake ---------------------------------------


Change = Callable[[str], str]


def _without(block: str) -> Change:
    return lambda t: t[: t.index(block)]


MISTAKES: list[tuple[str, Change, str]] = [
    (
        "onbekende sleutel",
        lambda t: t.replace("regio =", "regoi ="),
        'regel 7: regoi: deze sleutel is onbekend (bedoel je "regio"?)',
    ),
    (
        "onbekende sleutel in een vraag",
        lambda t: t.replace('tekst = "Wat is nodig?"', 'tekst = "Wat is nodig?"\ntoelichtng = "x"'),
        'regel 17: [[oordeelsvorming]] vraag 1 (id "r-o-1"), toelichtng: deze sleutel is '
        'onbekend (bedoel je "toelichting"?)',
    ),
    (
        "sleutel van de set onder een vraag",
        lambda t: t + 'regio = "Elders"\n',
        "regio: hoort bij de hele set, niet bij een vraag; zet deze regel bovenaan",
    ),
    (
        "sleutel van een vraag bovenaan",
        lambda t: t.replace('regio = "ZVH Testregio"', 'tekst = "Welke zorgen?"'),
        "regel 7: tekst: hoort bij een vraag, niet bij de hele set; zet deze regel onder een kopje",
    ),
    (
        "sleutel van een andere soort",
        lambda t: t.replace('regio = "ZVH Testregio"', 'schaalvraag = "x"'),
        'schaalvraag: deze sleutel hoort niet bij een set met soort = "fase"',
    ),
    (
        "dubbel vraag-id",
        lambda t: t.replace('id = "r-o-1"', 'id = "r-b-1"'),
        'regel 15: [[oordeelsvorming]] vraag 1: vraag-id "r-b-1" komt meer dan eens voor; '
        "geef elke vraag een eigen id",
    ),
    (
        "ontbrekende stap",
        _without("[[besluitvorming]]"),
        "besluitvorming: deze stap ontbreekt; voeg minstens één [[besluitvorming]]-vraag toe",
    ),
    (
        "lege stap",
        lambda t: t[: t.index("[[besluitvorming]]")].replace(
            'soort = "fase"', 'soort = "fase"\nbesluitvorming = []'
        ),
        "besluitvorming: deze stap heeft geen vragen; voeg minstens één [[besluitvorming]]",
    ),
    (
        "stap als enkele tabel",
        lambda t: t.replace("[[besluitvorming]]", "[besluitvorming]"),
        "regel 18: besluitvorming: moet een lijst vragen zijn: zet boven elke vraag een regel "
        "[[besluitvorming]]",
    ),
    (
        "lege tekst",
        lambda t: t.replace('tekst = "Wat is nodig?"', 'tekst = "  "'),
        'regel 16: [[oordeelsvorming]] vraag 1 (id "r-o-1"), tekst: mag niet leeg zijn',
    ),
    (
        "ontbrekende tekst",
        lambda t: t.replace('tekst = "Wat is nodig?"\n', ""),
        'tekst: deze sleutel ontbreekt; voeg hem toe, zoals: tekst = "',
    ),
    (
        "ontbrekende titel",
        lambda t: t.replace('titel = "Directe veiligheid"\n', ""),
        'titel: deze sleutel ontbreekt; voeg hem toe, zoals: titel = "',
    ),
    (
        "doorvragen als tekst in plaats van lijst",
        lambda t: t.replace('doorvragen = ["Sinds wanneer?"]', 'doorvragen = "Sinds?"'),
        'regel 12: [[beeldvorming]] vraag 1 (id "r-b-1"), doorvragen: moet een lijst zijn',
    ),
    (
        "lege doorvraag",
        lambda t: t.replace('doorvragen = ["Sinds wanneer?"]', 'doorvragen = ["Sinds?", ""]'),
        "doorvragen nr. 2: mag niet leeg zijn",
    ),
    (
        "getal als versie",
        lambda t: t.replace('versie = "2"', "versie = 2"),
        'regel 5: versie: moet tekst zijn, tussen aanhalingstekens, zoals: versie = "1.0"',
    ),
    (
        "getal als vraagtekst",
        lambda t: t.replace('tekst = "Wie doet wat?"', "tekst = 5"),
        'regel 20: [[besluitvorming]] vraag 1 (id "r-s-1"), tekst: moet tekst zijn',
    ),
    (
        "vraag als tekst in plaats van tabel",
        lambda t: t[: t.index("[[besluitvorming]]")].replace(
            "soort =", 'besluitvorming = ["Wie doet wat?"]\nsoort ='
        ),
        "[[besluitvorming]] vraag 1: moet een vraag zijn met id, tekst",
    ),
    (
        "onbekende fase",
        lambda t: t.replace('fase = "directe_veiligheid"', 'fase = "fase1"'),
        'regel 3: fase: onbekende waarde; kies "directe_veiligheid", "stabiele_veiligheid" of '
        "\"herstel\" (nu: 'fase1')",
    ),
    (
        "ongeldig vraag-id",
        lambda t: t.replace('id = "r-b-1"', 'id = "R B"'),
        'regel 10: [[beeldvorming]] vraag 1 (id "R B"), id: ongeldige id',
    ),
    (
        "id dat het programma zelf gebruikt",
        lambda t: t.replace('id = "r-o-1"', 'id = "opening-doel"'),
        'id "opening-doel" gebruikt het programma zelf; kies een ander id',
    ),
    (
        "onbekende soort",
        lambda t: t.replace('soort = "fase"', 'soort = "iets"'),
        'regel 1: soort: onbekende soort \'iets\'; kies "fase", "clientstem" of "zorg"',
    ),
    (
        "geen soort",
        lambda t: t.replace('soort = "fase"\n', ""),
        'soort: deze sleutel ontbreekt; zet bovenaan soort = "fase"',
    ),
    (
        "TOML: kopje niet afgesloten",
        lambda t: t + "\n[[besluitvorming]\n",
        "regel 22, kolom 17: geen geldige TOML: een kopje als [[beeldvorming]] moet eindigen op ]]",
    ),
    (
        "TOML: tekst niet afgesloten",
        lambda t: t.replace('tekst = "Wie doet wat?"', 'tekst = "Wie doet wat?'),
        "regel 20, kolom 23: geen geldige TOML: een tekst is niet afgesloten",
    ),
    (
        "TOML: dubbele sleutel",
        lambda t: t.replace('tekst = "Wie doet wat?"', 'tekst = "Wie?"\ntekst = "Wat?"'),
        "regel 21, kolom 15: geen geldige TOML: deze sleutel staat al eerder in hetzelfde blok",
    ),
    (
        "TOML: tekst zonder aanhalingstekens",
        lambda t: t.replace('tekst = "Wie doet wat?"', "tekst = Wie doet wat?"),
        "regel 20, kolom 9: geen geldige TOML: hier hoort een waarde",
    ),
]


@pytest.mark.parametrize("change,message", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_each_mistake_gets_its_own_message_naming_file_line_or_key_and_fix(
    tmp_path: Path, change: Change, message: str
) -> None:
    path = write(tmp_path, "set.toml", change(VALID))
    text = errors_of(path)
    assert message in text
    assert all(line.startswith(str(path)) for line in text.splitlines())


def test_a_clientstem_set_needs_its_scale_question(tmp_path: Path) -> None:
    path = write(tmp_path, "stem.toml", VOICE.replace('schaalvraag = "Welk cijfer', 'x = "'))
    text = errors_of(path)
    assert "schaalvraag: deze sleutel ontbreekt; voeg hem toe, zoals: schaalvraag =" in text
    assert "regel 7: x: deze sleutel is onbekend" in text


def test_a_worry_set_needs_questions(tmp_path: Path) -> None:
    path = write(tmp_path, "zorg.toml", WORRY[: WORRY.index("[[vragen]]")])
    assert "vragen: deze stap ontbreekt; voeg minstens één [[vragen]]-vraag toe" in errors_of(path)


def test_a_file_that_is_not_utf8_says_so_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.replace("zorgen", "zorgén").encode("latin-1"))
    assert "regel 11: dit is geen UTF-8-tekst; sla het bestand op als UTF-8" in errors_of(path)


def test_a_byte_order_mark_from_a_windows_editor_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(VALID.encode("utf-8-sig").replace(b"\n", b"\r\n"))
    assert parse_set(path).id == "dv-regio"


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "groot.toml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES)
    assert "te groot voor een vragenset" in errors_of(path)


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_deeply_nested_brackets_give_a_message_not_a_crash(opening: str) -> None:
    data = ("soort = " + opening * 5000).encode()
    assert "te diep geneste haken" in errors_of(Path("diep.toml"), data)


def test_an_unreadable_path_is_a_question_set_error(tmp_path: Path) -> None:
    assert "kan het bestand niet lezen" in errors_of(tmp_path / "bestaat-niet.toml")


def test_every_message_of_one_file_is_reported_at_once(tmp_path: Path) -> None:
    broken = VALID.replace("regio =", "regoi =").replace('versie = "2"', "versie = 2")
    text = errors_of(write(tmp_path, "set.toml", broken))
    assert "regoi: deze sleutel is onbekend" in text
    assert "versie: moet tekst zijn" in text


# --- garbage in: only our own error comes out ---------------------------------


def _only_our_error(path: Path, data: bytes) -> None:
    try:
        parse_set(path, data)
    except QuestionSetError as error:
        assert error.problems
        assert all(line.startswith(str(path)) for line in error.lines())


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_random_bytes_and_text_never_raise_anything_but_a_question_set_error(
    tmp_path: Path, data: bytes
) -> None:
    _only_our_error(tmp_path / "x.toml", data)


_KEYS = sorted({k for kind in KINDS.values() for k in kind.model_fields} | question_keys())
_TOML_VALUES = st.one_of(
    st.text(alphabet=string.printable, max_size=12).map(lambda s: '"' + s + '"'),
    st.sampled_from(['"fase"', '"clientstem"', '"zorg"', '"directe_veiligheid"', '"herstel"']),
    st.integers(-5, 5).map(str),
    st.sampled_from(["true", "1.5", "1979-05-27", "[]", '["a", ""]', "{ a = 1 }", '""', "[[]]"]),
)
_TOML_LINES = st.one_of(
    st.builds(lambda k, v: f"{k} = {v}", st.sampled_from([*_KEYS, "x", "a.b"]), _TOML_VALUES),
    st.sampled_from(
        [
            "[[beeldvorming]]",
            "[[oordeelsvorming]]",
            "[[besluitvorming]]",
            "[[vragen]]",
            "[beeldvorming]",
            "[[beeldvorming]",
            "# commentaar",
            "",
            '"""',
            "=",
            "[",
        ]
    ),
    st.text(alphabet='[]{}="#, .\n\\abc', max_size=10),
)


@settings(max_examples=300)
@given(st.lists(_TOML_LINES, max_size=25))
def test_toml_like_garbage_never_raises_anything_but_a_question_set_error(
    lines: list[str],
) -> None:
    _only_our_error(Path("toml.toml"), "\n".join(lines).encode())


_SCALARS = st.one_of(
    st.text(max_size=8),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(),
)
_STRUCTURES: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from([*_KEYS, "x"]) | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=150)
@given(
    st.fixed_dictionaries(
        {"soort": st.sampled_from(["fase", "clientstem", "zorg"]) | _SCALARS},
        optional={key: _STRUCTURES for key in _KEYS if key != "soort"},
    )
    | _STRUCTURES
)
def test_random_structures_never_raise_anything_but_a_question_set_error(document: Any) -> None:
    path = Path("structuur.toml")
    try:
        validate_document(path, document)
    except QuestionSetError as error:
        assert all(line.startswith(str(path)) for line in error.lines())


@settings(max_examples=300)
@given(st.data())
def test_mangled_valid_files_never_raise_anything_but_a_question_set_error(data: Any) -> None:
    lines = VALID.strip().splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "number", "list", "table", "cut"]))
        key = lines[index].split("=")[0].strip()
        if action == "drop":
            lines.pop(index)
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: data.draw(st.integers(0, len(lines[index])))]
        elif "=" in lines[index]:
            value = {"number": "42", "list": "[1, 2]", "table": "{ a = 1 }"}[action]
            lines[index] = f"{key} = {value}"
    _only_our_error(Path("y.toml"), "\n".join(lines).encode())


# --- an organisation's own sets -------------------------------------------------


def test_a_set_with_a_new_id_becomes_the_set_for_its_phase(tmp_path: Path) -> None:
    path = write(tmp_path, "regio.toml", VALID)
    guide = load_guide([tmp_path])
    phase_set = guide.for_phase(Phase.DIRECTE_VEILIGHEID)
    assert (phase_set.id, phase_set.source) == ("dv-regio", str(path))
    assert phase_set.label == "Directe veiligheid (versie 2), ZVH Testregio"
    assert guide.for_phase(Phase.HERSTEL).region == ""
    builtin = next(s for s in guide.sets if s.id == "directe-veiligheid")
    assert not builtin.used
    assert "niet in gebruik" in builtin.note and "dv-regio" in builtin.note


def test_a_set_with_a_built_in_id_replaces_that_set(tmp_path: Path) -> None:
    path = write(tmp_path, "dv.toml", VALID.replace('id = "dv-regio"', 'id = "directe-veiligheid"'))
    guide = load_guide([tmp_path])
    assert guide.for_phase(Phase.DIRECTE_VEILIGHEID).source == str(path)
    builtin = next(s for s in guide.sets if s.builtin and s.id == "directe-veiligheid")
    assert not builtin.used
    assert builtin.note == f"vervangen door {path} (zelfde id)"
    assert guide.problems == []


def test_a_set_that_takes_a_built_in_id_for_another_phase_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "fout.toml", VALID.replace('id = "dv-regio"', 'id = "herstel"'))
    guide = load_guide([tmp_path])
    [problem] = guide.problems
    assert problem.startswith(f"{path} is overgeslagen:")
    assert 'id "herstel" is de ingebouwde set voor fase 3, Herstel' in problem
    assert "Geef je set een eigen id" in problem
    assert guide.for_phase(Phase.HERSTEL).source.startswith(str(BUILTIN_DIR))
    assert guide.for_phase(Phase.DIRECTE_VEILIGHEID).source.startswith(str(BUILTIN_DIR))


def test_the_client_voice_and_worry_sets_can_be_replaced(tmp_path: Path) -> None:
    write(tmp_path, "stem.toml", VOICE)
    write(tmp_path, "zorg.toml", WORRY)
    guide = load_guide([tmp_path])
    assert guide.client_voice.scale_question == "Welk cijfer geef je de veiligheid thuis?"
    assert guide.client_voice.label == "Stem van de cliënt, regio (versie 3), ZVH Testregio"
    assert guide.worry is not None and guide.worry.id == "zorg-regio"
    assert [q.id for q in guide.worry.questions] == ["zr-1"]


def test_the_questionsets_folder_wins_over_the_data_folder(tmp_path: Path) -> None:
    data_folder, extra = tmp_path / "data", tmp_path / "extra"
    write(data_folder, "a.toml", VALID.replace('versie = "2"', 'versie = "data"'))
    later = write(extra, "a.toml", VALID.replace('versie = "2"', 'versie = "extra"'))
    guide = load_guide([data_folder, extra])
    assert guide.for_phase(Phase.DIRECTE_VEILIGHEID).version == "extra"
    replaced = next(s for s in guide.sets if s.version == "data")
    assert replaced.note == f"vervangen door {later} (zelfde id)"


def test_of_two_new_sets_for_one_phase_the_last_one_read_is_used(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", VALID.replace('id = "dv-regio"', 'id = "dv-a"'))
    write(tmp_path, "b.toml", VALID.replace('id = "dv-regio"', 'id = "dv-b"'))
    guide = load_guide([tmp_path])
    assert guide.for_phase(Phase.DIRECTE_VEILIGHEID).id == "dv-b"
    assert {s.id for s in guide.sets if not s.used} == {"dv-a", "directe-veiligheid"}


def test_a_phase_set_whose_ids_clash_with_the_client_voice_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "botst.toml", VALID.replace('id = "r-b-1"', 'id = "cs-weten"'))
    guide = load_guide([tmp_path])
    [problem] = guide.problems
    assert problem.startswith(f"{path} is overgeslagen:")
    assert "vraag-id \"cs-weten\" staat ook in de set 'clientstem'" in problem
    assert guide.for_phase(Phase.DIRECTE_VEILIGHEID).id == "directe-veiligheid"
    assert all(s.id != "dv-regio" for s in guide.sets)


def test_a_broken_user_file_is_skipped_and_the_built_in_sets_are_used(tmp_path: Path) -> None:
    write(tmp_path, "kapot.toml", "soort = [")
    write(tmp_path, "leeg.toml", "")
    guide = load_guide([tmp_path])
    assert len(guide.problems) == 2
    broken = next(p for p in guide.problems if "kapot.toml" in p)
    assert broken.startswith(f"{tmp_path / 'kapot.toml'} is overgeslagen:")
    assert "regel 1: geen geldige TOML: hier hoort een waarde" in broken
    assert all(s.builtin for s in guide.sets)


def test_a_file_with_many_mistakes_is_summed_up_in_a_short_notice(tmp_path: Path) -> None:
    many = VALID + "".join(f'\n[[besluitvorming]]\nid = "x{i}"\ntekst = ""\n' for i in range(9))
    path = write(tmp_path, "veel.toml", many)
    [problem] = load_guide([tmp_path]).problems
    assert len(problem.splitlines()) == 7
    assert f"en nog 4; alles zien: leidraad questionsets check {path}" in problem


def test_missing_user_folders_are_no_problem(tmp_path: Path) -> None:
    guide = load_guide([tmp_path / "bestaat-niet"])
    assert guide.problems == []


def test_check_of_a_folder_reports_files_that_parse_but_do_not_fit(tmp_path: Path) -> None:
    write(tmp_path, "goed.toml", VALID)
    write(tmp_path, "fout.toml", VALID.replace('id = "dv-regio"', 'id = "herstel"'))
    write(tmp_path, "kapot.toml", VALID.replace("regio =", "regoi ="))
    problems = check_path(tmp_path)
    assert len(problems) == 2
    assert problems[0].startswith(f"{tmp_path / 'kapot.toml'}, regel 7: regoi")
    assert problems[1].startswith(f'{tmp_path / "fout.toml"}: id "herstel"')
    assert check_path(tmp_path / "goed.toml") == []
    assert check_path(tmp_path / "nergens") == [f"{tmp_path / 'nergens'}: bestaat niet"]


_BUILTIN = functools.cache(builtin_sets)
_SET_IDS = ["directe-veiligheid", "herstel", "clientstem", "zorg-concreet", "eigen-a", "eigen-b"]
_QUESTION_IDS = ["cs-weten", "dv-beeld-zorgen", "zc-nu", "q-1", "q-2"]


@st.composite
def _user_set(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["fase", "clientstem", "zorg"]))
    ids = iter(draw(st.lists(st.sampled_from(_QUESTION_IDS), min_size=3, max_size=3, unique=True)))
    document: dict[str, Any] = {
        "soort": kind,
        "id": draw(st.sampled_from(_SET_IDS)),
        "titel": "Eigen",
        "versie": "1",
        "gebaseerd_op": "Test",
        "regio": draw(st.sampled_from(["", "ZVH Testregio"])),
    }
    if kind == "fase":
        document["fase"] = draw(st.sampled_from([p.value for p in Phase]))
        for stage in ("beeldvorming", "oordeelsvorming", "besluitvorming"):
            document[stage] = [{"id": next(ids), "tekst": "Vraag?"}]
    else:
        document["vragen"] = [{"id": next(ids), "tekst": "Vraag?"}]
    if kind == "clientstem":
        document["schaalvraag"], document["hogervraag"] = "Cijfer?", "Hoger?"
    return document


@settings(max_examples=100)
@given(st.lists(_user_set(), max_size=5))
def test_any_mix_of_user_sets_gives_a_complete_guide_without_clashes(
    documents: list[dict[str, Any]],
) -> None:
    user = [
        LoadedSet(validate_document(Path(f"{i}.toml"), d), Path(f"{i}.toml"))
        for i, d in enumerate(documents)
    ]
    guide = resolve(_BUILTIN(), user)
    voice_ids = {q.id for q in guide.client_voice.questions}
    for phase in Phase:
        phase_set = guide.for_phase(phase)
        assert phase_set.phase is phase
        assert all(phase_set.stages[stage] for stage in phase_set.stages)
        phase_ids = {q.id for qs in phase_set.stages.values() for q in qs}
        assert not phase_ids & voice_ids
    assert guide.worry is not None
    assert sum(s.used for s in guide.sets) == 5
    assert all(p.split(" is overgeslagen:")[0].endswith(".toml") for p in guide.problems)
