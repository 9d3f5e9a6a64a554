"""The command line: a thin layer over the same functions the screens use.

`main` is the group; the commands live in modules by area (opening the data, export,
question sets, data care, the trainers' commands). Nothing heavy is imported here:
`leidraad --help` and the first frame must not wait for the database layer.
"""

from __future__ import annotations

import os

import click

from leidraad.cli import data_care, export, question_sets, trainers
from leidraad.cli.common import Group
from leidraad.cli.opening import Context, run_app

__all__ = ["main"]


@click.group(
    cls=Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Map voor de database en de verslagen (ook: LEIDRAAD_DATA_DIR).",
)
@click.option(
    "--questionsets",
    type=click.Path(file_okay=False),
    help="Extra map met eigen vragensets (ook: LEIDRAAD_QUESTIONSETS).",
)
@click.option(
    "--database-url",
    metavar="URL",
    help="Gedeelde PostgreSQL-database, bijv. postgresql://naam@server/leidraad "
    "(ook: LEIDRAAD_DATABASE_URL).",
)
@click.option(
    "--bewaartermijn",
    "retention_years",
    type=int,
    metavar="JAREN",
    help="Hoe lang een gesloten casus bewaard blijft (standaard 5; ook: LEIDRAAD_BEWAARTERMIJN).",
)
@click.option("--gebruiker", metavar="NAAM", help="Naam in het logboek (standaard: je inlognaam).")
@click.pass_context
def main(
    ctx: click.Context,
    data_dir: str | None,
    questionsets: str | None,
    database_url: str | None,
    retention_years: int | None,
    gebruiker: str | None,
) -> None:
    """Leid een casuïstiekbespreking met de Leidraad Gezamenlijke Analyse en Planvorming.

    Zonder opdracht opent het programma in de terminal.
    """
    os.umask(0o077)  # everything leidraad writes is for the user only
    ctx.obj = Context(data_dir, questionsets, database_url, retention_years, gebruiker)
    ctx.call_on_close(ctx.obj.release)
    if ctx.invoked_subcommand:
        ctx.obj.command = f"leidraad {ctx.invoked_subcommand}"
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj)


for command in (
    trainers.demo,
    trainers.gids,
    trainers.serve,
    export.export,
    question_sets.questionsets,
    data_care.backup,
    data_care.restore,
    data_care.purge,
    data_care.audit,
    data_care.versleutelen,
):
    main.add_command(command)
