"""The commands for showing and teaching: the demonstration, the guide, the browser."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leidraad.cli.common import Command, fail
from leidraad.cli.opening import Context, guide_for

if TYPE_CHECKING:
    from datetime import date

    from leidraad.core.guide import Guide


@click.command(cls=Command)
@click.option(
    "--bewaar",
    "keep_in",
    type=click.Path(file_okay=False),
    metavar="MAP",
    help="Schrijf de vijf gezinnen naar een nieuwe (of lege) map, als gewone datamap, "
    "en open het programma niet.",
)
def demo(keep_in: str | None) -> None:
    """Open het programma op vijf verzonnen gezinnen, om te laten zien en te oefenen.

    De demonstratie gebruikt een tijdelijke database die bij afsluiten wordt
    gewist. Je eigen gegevens (de datamap, ook met --data-dir of
    LEIDRAAD_DATA_DIR) worden niet gelezen en niet veranderd. De ingebouwde
    vragensets worden gebruikt. Met --bewaar MAP blijven de gezinnen bewaard,
    om een training voor te bereiden of de exports op de opdrachtregel te proberen.
    """
    from datetime import date

    from questionsets.loader import load_guide

    guide = load_guide([])  # the built-in sets only: the user's folders stay untouched
    if keep_in is not None:
        _keep_demo(Path(keep_in).expanduser(), guide, date.today())
        return

    from leidraad.app import LeidraadApp
    from leidraad.demo.seed import demo_database

    with demo_database(guide, date.today()) as session:
        LeidraadApp(session.repo, guide, session.paths, demo=True).run()


def _keep_demo(folder: Path, guide: Guide, today: date) -> None:
    """Write the families to `folder` as an ordinary data folder, private to the user.

    A folder that holds anything is refused and left as it is; if writing fails,
    what was written is removed again.
    """
    import shutil

    from leidraad.demo import FAMILIES
    from leidraad.demo.seed import build_demo
    from leidraad.paths import Paths
    from storage.repository import Repository

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        fail(
            f"{folder} is niet leeg. De demonstratie komt alleen in een nieuwe of lege map, "
            "zodat er geen gegevens worden gemengd of overschreven."
        )
    created = not folder.exists()
    paths = Paths(folder.resolve())
    try:
        paths.prepare()  # the folder and everything in it: 0700, for the user only
        repo = Repository.open(paths.database)
        try:
            build_demo(repo, guide, today)
        finally:
            repo.engine.dispose()
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for child in folder.iterdir():
                if child.is_dir():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        raise
    click.echo(f"De demonstratie is bewaard in {paths.data_dir}:")
    for family in FAMILIES:
        click.echo(f"- {family.alias} ({family.profile})")
    click.echo("Verzonnen gezinnen, geen echte gegevens. Openen:")
    click.echo(f"  uv run leidraad --data-dir {_quoted(paths.data_dir)}")
    click.echo("Of een versie voor één cliënt maken, bijvoorbeeld:")
    click.echo(
        f"  uv run leidraad --data-dir {_quoted(paths.data_dir)} "
        'export "Gezin A." --variant client --client vader'
    )


def _quoted(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))


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
    # The theme is remembered only in a folder that is leidraad's: a foreign one stays untouched.
    own = folder.is_dir() and context.paths.recognised()
    GuideApp(guide_for(context), display_file(folder) if own else None).run()


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
