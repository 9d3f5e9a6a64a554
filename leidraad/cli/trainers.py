"""The commands for showing and teaching: the demonstration, the guide, the browser."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import click

from leidraad.cli.common import Command, fail
from leidraad.cli.opening import Context, guide_for


@click.command(cls=Command)
def demo() -> None:
    """Open het programma op vijf verzonnen gezinnen, om te laten zien en te oefenen.

    De demonstratie gebruikt een tijdelijke database die bij afsluiten wordt
    gewist. Je eigen gegevens (de datamap, ook met --data-dir of
    LEIDRAAD_DATA_DIR) worden niet gelezen en niet veranderd. De ingebouwde
    vragensets worden gebruikt.
    """
    from datetime import date

    from leidraad.app import LeidraadApp
    from leidraad.demo.seed import demo_database
    from questionsets.loader import load_guide

    guide = load_guide([])  # the built-in sets only: the user's folders stay untouched
    with demo_database(guide, date.today()) as session:
        LeidraadApp(session.repo, guide, session.paths, demo=True).run()


@click.command(cls=Command)
@click.pass_obj
def gids(context: Context) -> None:
    """Lees de vragen van de leidraad per fase en per stap, zonder casus.

    Voor uitleg en voorbereiding. Eigen vragensets worden meegenomen; er wordt
    geen database geopend.
    """
    from leidraad.app import GuideApp
    from storage.settings import display_file

    folder = context.paths.data_dir
    GuideApp(guide_for(context), display_file(folder) if folder.is_dir() else None).run()


@click.command(cls=Command)
@click.option(
    "--port",
    type=click.IntRange(1024, 65535),
    default=8000,
    show_default=True,
    help="Poort op 127.0.0.1.",
)
@click.option(
    "--lettergrootte",
    type=click.IntRange(8, 72),
    default=20,
    show_default=True,
    help="Lettergrootte in de browser (ook later: ?fontsize=N in het adres).",
)
@click.option(
    "--echte-gegevens",
    is_flag=True,
    help="Je eigen casussen tonen in plaats van de demonstratie. Alleen op een scherm "
    "dat niemand anders ziet.",
)
@click.pass_obj
def serve(context: Context, port: int, lettergrootte: int, echte_gegevens: bool) -> None:
    """Toon het programma in een browser op deze computer (voor een beamer of leslokaal).

    Standaard met de demonstratie: verzonnen gezinnen in een tijdelijke
    database. Alleen deze computer kan de pagina openen (127.0.0.1); elk
    tabblad krijgt een eigen programma. Stoppen met Ctrl+C.
    """
    from leidraad.cli.opening import open_repo
    from leidraad.serve import LocalServer, app_command, port_free

    if not port_free(port):
        fail(f"poort {port} op 127.0.0.1 is al in gebruik. Kies een andere met --port.")
    on_session: Callable[[str], None] | None = None
    if echte_gegevens:
        arguments = ["--data-dir", str(context.paths.data_dir)]
        if context.questionsets_dir is not None:
            arguments += ["--questionsets", str(context.questionsets_dir)]
        click.secho(
            "Let op: je toont echte gegevens in de browser. Bijzondere persoonsgegevens; "
            "zet de beamer pas aan als alleen de mensen die het mogen zien in de zaal zijn. "
            "Open één tabblad tegelijk.",
            fg="red",
            bold=True,
            err=True,
        )
        title = "leidraad"
        repo = open_repo(context)  # like export: no lock, the tab's own program takes it
        on_session = partial(_record_tab, repo.record_event)
    else:
        arguments = ["demo"]
        title = "leidraad: demonstratie"
    server = LocalServer(
        app_command(arguments),
        port,
        lettergrootte,
        title,
        single_tab=echte_gegevens,
        on_session=on_session,
    )
    try:
        server.serve()
    except OSError as error:
        fail(f"kan niet luisteren op 127.0.0.1:{port}: {error.strerror or error}.")


def _record_tab(record: Callable[[str, str], None], event: str) -> None:
    """Each browser tab on real data gets a line in the audit log, about no case."""
    record("browser", f"tabblad {event}")
