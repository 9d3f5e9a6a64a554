"""User text must never change the structure of the minutes (property tests)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from exports import markdown as md

PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")

HOSTILE = st.sampled_from(
    [
        "|",
        "||",
        "#",
        "# kop",
        "##",
        "-",
        "- item",
        "* item",
        "+ x",
        "1. een",
        "2) twee",
        "> citaat",
        "```",
        "~~~",
        "    code",
        "\t",
        "---",
        "===",
        "***",
        "___",
        "<b>",
        "</p>",
        "<script>alert(1)</script>",
        "<!-- x -->",
        "&amp;",
        "&#35;",
        "[link](http://x)",
        "![i](x)",
        "`code`",
        "**vet**",
        "_schuin_",
        "~~weg~~",
        "\\",
        "\\\\",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "  ",
        "<http://x>",
        "| a | b |",
        "|---|",
        ":",
        "{",
        "}",
        "😀",
        "\u202e",
        "שלום",
        "ä",
        "\x00",
        "\x0b",
        "\u2028",
    ]
)
USER_TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=12)), max_size=12).map("".join)


def _visible(text: str) -> str:
    """What a reader should see of the user's text: the words, whitespace normalised."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    return " ".join(text.replace("\u2028", "\n").split())


def _inline_text(tokens: list[Token], allow_br: bool = False) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type == "text":
                    parts.append(child.content)
                elif child.type in {"softbreak", "hardbreak"}:
                    parts.append(" ")
                elif allow_br and child.type == "html_inline" and child.content == "<br>":
                    parts.append(" ")  # our own line break inside a table cell
                else:
                    raise AssertionError(f"user text made a {child.type}")
        parts.append(" ")
    return " ".join("".join(parts).split())


@settings(max_examples=300)
@given(USER_TEXT)
def test_paragraph_text_stays_paragraphs_with_the_same_words(text: str) -> None:
    tokens = PARSER.parse("## Vraag\n\n" + md.paragraph(text) + "\n\n## Volgende\n")
    kinds = {t.type for t in tokens}
    assert kinds <= {"heading_open", "heading_close", "inline", "paragraph_open", "paragraph_close"}
    assert [t.type for t in tokens].count("heading_open") == 2
    body = [t for t in tokens if t.type == "inline"][1:-1]
    assert _inline_text(body) == _visible(text).replace("\u2028", " ")


@settings(max_examples=300)
@given(st.lists(USER_TEXT, min_size=3, max_size=3))
def test_table_cells_keep_their_column(cells: list[str]) -> None:
    document = md.table(["A", "B", "C"], [cells])
    tokens = PARSER.parse(document)
    assert [t.type for t in tokens].count("td_open") == 3
    found = [
        _inline_text([tokens[i + 1]], allow_br=True)
        for i, t in enumerate(tokens)
        if t.type == "td_open"
    ]
    expected = [_visible(c) for c in cells]
    assert found == expected


@settings(max_examples=200)
@given(USER_TEXT)
def test_inline_text_in_a_heading_stays_one_heading(text: str) -> None:
    tokens = PARSER.parse("# " + md.inline(text) + "\n\nna\n")
    assert [t.type for t in tokens].count("heading_open") == 1
    assert _inline_text([tokens[1]]) == _visible(text)


@settings(max_examples=200)
@given(USER_TEXT)
def test_quoted_client_words_stay_inside_the_quote(text: str) -> None:
    tokens = PARSER.parse(md.quote(text) + "\n\nna het citaat\n")
    types = [t.type for t in tokens]
    if _visible(text):
        assert types[0] == "blockquote_open"
        assert types.count("blockquote_open") == 1
        closing = types.index("blockquote_close")
        assert _inline_text(tokens[:closing]) == _visible(text)
    assert _inline_text(tokens[-3:]) == "na het citaat"


def test_a_pipe_in_an_answer_does_not_add_a_column() -> None:
    document = md.table(["Actie", "Wie"], [["bellen | mailen", "VT"]])
    assert "bellen \\| mailen" in document


def test_line_breaks_in_an_answer_stay_line_breaks() -> None:
    assert md.paragraph("eerste regel\ntweede regel") == "eerste regel\\\ntweede regel"


def test_a_hash_at_the_end_of_an_alias_stays_in_the_heading() -> None:
    tokens = PARSER.parse("# Verslag: " + md.inline("Gezin #") + "\n")
    assert tokens[1].content.endswith("Gezin \\#")
    assert _inline_text([tokens[1]]) == "Verslag: Gezin #"
