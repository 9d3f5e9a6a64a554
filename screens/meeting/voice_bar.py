"""The client's voice kept in view while the partners form their picture and judgement."""

from __future__ import annotations

from textual.widgets import Static

from leidraad.core.meeting import Meeting
from leidraad.core.voice import ClientVoice
from screens.shown import escape


def _score_for(meeting: Meeting, member: str) -> str:
    for score in meeting.scores:
        if score.score is not None and score.perspective.split(" (")[0] == member:
            return str(score.score)
    for score in meeting.scores:
        if score.score is not None and score.perspective.startswith(f"Perspectief van {member}"):
            return str(score.score)
    return ""


def voice_summary(meeting: Meeting, voices: list[ClientVoice], width: int = 200) -> str:
    """One or two lines: each family member's score and who voiced it, and the own words."""
    parts = []
    for voice in voices:
        score = _score_for(meeting, voice.member)
        if not score and not (voice.is_child and voice.heard.strip()):
            continue
        text = f"[b]{escape(voice.member)}[/]"
        if score:
            text += f" {score}"
        text += f" [dim]({escape(voice.voiced_label)})[/]"
        parts.append(text)
    words = [a.text.strip() for a in meeting.answers.values() if a.client_words and a.text.strip()]
    line = " · ".join(parts) or "[dim]nog geen cijfers van de cliënten[/]"
    if words:
        quote = " ".join(words[0].split())
        limit = max(20, width - 20)
        quote = quote if len(quote) <= limit else quote[: limit - 1] + "…"
        line += f"\n[i]“{escape(quote)}”[/]"
    return f"[b $accent]Stem van de cliënt:[/] {line}"


class ClientVoiceBar(Static):
    DEFAULT_CSS = """
    ClientVoiceBar {
        height: auto;
        max-height: 3;
        padding: 0 2;
        background: $boost;
        border-bottom: hkey $accent;
    }
    """

    def show_for(self, meeting: Meeting, voices: list[ClientVoice]) -> None:
        self.update(voice_summary(meeting, voices, self.size.width or 100))
