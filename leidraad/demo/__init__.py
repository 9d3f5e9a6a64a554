"""Five invented families for demonstrations and training, one for each family profile.

The families, the professionals (only a role and an initial) and everything
said about them are made up. They are realistic on purpose, so trainers can
show the guide without a real case in sight.
"""

from __future__ import annotations

from leidraad.demo import (
    conflictscheiding,
    gezin_in_de_stress,
    intieme_terreur,
    langdurige_zorg,
    opvoedstress,
)
from leidraad.demo.model import DemoFamily

FAMILIES: tuple[DemoFamily, ...] = (
    intieme_terreur.FAMILY,
    gezin_in_de_stress.FAMILY,
    opvoedstress.FAMILY,
    langdurige_zorg.FAMILY,
    conflictscheiding.FAMILY,
)

BANNER = "DEMONSTRATIE – verzonnen gezinnen, geen echte gegevens"


def home_banner() -> str:
    """What the case list says above the demonstration families (plain text, no markup)."""
    profiles = " · ".join(f"{f.alias}: {f.profile}" for f in FAMILIES)
    return (
        f"{BANNER}\n{profiles}\n"
        "Alles wat je hier invult of bewaart, verdwijnt als je het programma sluit."
    )
