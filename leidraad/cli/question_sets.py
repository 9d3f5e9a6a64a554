"""Looking at and checking question sets, the built-in ones and the user's own."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from leidraad.cli.common import Group
from leidraad.cli.opening import Context, guide_for


@click.group(cls=Group)
def questionsets() -> None:
    """Vragensets bekijken en controleren.

    Eigen sets staan in de map vragensets in de datamap, of in een map die je
    met --questionsets opgeeft. Een set met hetzelfde id als een ingebouwde set
    vervangt die; een set met een nieuw id voor een fase wordt de set voor die fase.
    """


def _heading(text: str) -> None:
    click.secho(text, bold=True)


@questionsets.command("list")
@click.pass_obj
def questionsets_list(context: Context) -> None:
    """Laat zien welke vragensets geladen zijn en waarvandaan."""
    guide = guide_for(context)
    used = [s for s in guide.sets if s.used]
    unused = [s for s in guide.sets if not s.used]
    _heading("Vragensets in gebruik")
    for summary in used:
        origin = "ingebouwd" if summary.builtin else "eigen set"
        click.echo(f"  {summary.slot[0].upper()}{summary.slot[1:]}")
        click.echo(f"    {summary.label} · {summary.questions} vragen · id {summary.id}")
        click.echo(f"    {origin}: {summary.source}")
    if unused:
        click.echo()
        _heading("Gelezen, maar niet in gebruik")
        for summary in unused:
            click.echo(f"  {summary.label} · id {summary.id}")
            click.echo(f"    {summary.source}")
            click.echo(f"    {summary.note}")
    if guide.problems:
        click.echo()
        _heading("Overgeslagen bestanden")
        for problem in guide.problems:
            click.echo("\n".join(f"  {line}" for line in problem.splitlines()))
    click.echo()
    _heading("Eigen vragensets worden gezocht in")
    for folder in context.user_set_folders():
        state = "" if folder.is_dir() else " (bestaat niet)"
        origin = " (--questionsets)" if folder == context.questionsets_dir else ""
        click.echo(f"  {folder}{origin}{state}")


@questionsets.command("check")
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.pass_obj
def questionsets_check(context: Context, path: Path | None) -> None:
    """Controleer een vragenset-bestand of een map met vragensets.

    Zonder PATH worden de mappen met eigen vragensets gecontroleerd. Bij fouten
    stopt de opdracht met code 1 en noemt elke fout het bestand, de regel of
    sleutel, en wat je moet aanpassen.
    """
    from questionsets.loader import check_path, set_files

    targets = [path] if path is not None else [f for f in context.user_set_folders() if f.is_dir()]
    if not targets:
        folders = ", ".join(str(f) for f in context.user_set_folders())
        click.echo(f"Geen eigen vragensets gevonden (gezocht in: {folders}).")
        return
    problems: list[str] = []
    for target in targets:
        problems += check_path(target)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        found = "1 fout" if len(problems) == 1 else f"{len(problems)} fouten"
        click.echo(
            f"{found} gevonden. Een bestand met fouten slaat leidraad over tot het verbeterd is.",
            err=True,
        )
        sys.exit(1)
    for target in targets:
        count = len(set_files(target)) if target.is_dir() else 1
        click.echo(f"In orde: {target} ({count} {'bestand' if count == 1 else 'bestanden'})")
