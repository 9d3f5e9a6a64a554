"""Writing the minutes when a meeting closes, through the one export use case.

`export_document` writes the full minutes atomically and notes the export in the
logboek once; here only what the user sees is added: the question before an
existing file is replaced, and a Dutch message for each way it can go wrong.
"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from exports.publish import ExportNotLogged, MinutesJob, export_document
from screens.meeting.session import MeetingSession
from screens.shown import escape
from screens.widgets.prompt import ConfirmDialog
from storage.errors import StorageError

KEPT = (
    "Het bestaande verslag is niet aangeraakt. Met Ctrl+E kun je een "
    "versie onder een andere naam bewaren."
)


async def write_minutes(node: Widget, session: MeetingSession) -> str | None:
    """Write and log the full minutes; what the closing page says next (None: nothing new).

    Runs in a worker: replacing an existing file waits for the user's answer.
    """
    context = session.context

    def publish(overwrite: bool = False) -> Path:
        job = MinutesJob(session.meeting_id)
        folder, today = context.minutes_dir, context.today()
        return export_document(context.repo, session.guide, job, folder, today, overwrite=overwrite)

    try:
        try:
            path = publish()
        except FileExistsError as existing:
            replace = await node.app.push_screen_wait(
                ConfirmDialog(
                    f"Er is al een verslag van dit overleg:\n{escape(str(existing.filename))}"
                    "\n\nWil je het vervangen door de nieuwe versie?",
                    yes="Vervangen",
                )
            )
            if not replace:
                return KEPT
            path = publish(overwrite=True)
    except ExportNotLogged as unlogged:
        path = unlogged.path  # the file is there; only the logboek misses the line
        node.notify(
            f"Het verslag is opgeslagen, maar het logboek kon dat niet vastleggen: "
            f"{unlogged.cause}",
            title="Logboek niet bijgewerkt",
            severity="error",
            timeout=12,
            markup=False,
        )
    except OSError as error:
        node.notify(
            f"Het verslag kon niet worden geschreven: {error.strerror}. "
            "Het overleg zelf is opgeslagen.",
            severity="error",
            markup=False,
        )
        return None
    except StorageError as error:  # reading the meeting back for the minutes failed
        node.notify(
            f"Het verslag kon niet worden gemaakt: {error} Het overleg zelf is afgesloten.",
            title="Geen verslag",
            severity="error",
            timeout=12,
            markup=False,
        )
        return None
    node.notify(f"Verslag opgeslagen: {path}", title="Overleg afgesloten", timeout=10, markup=False)
    return f"Verslag opgeslagen in:\n{path}"
