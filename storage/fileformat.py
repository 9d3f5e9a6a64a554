"""How a database is recognised as one this leidraad may open.

Kept apart from opening (database.py), encryption and upgrading (migrations.py),
which all need it, so none of them has to import another for it.
"""

from __future__ import annotations

from storage.errors import DatabaseTooNew
from storage.tables import SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every plain SQLite file

# SQLite's application_id (PRAGMA application_id), set on every database leidraad
# creates or upgrades: "LDRD". A file with another id is never ours; one with 0 is
# from before the mark and is accepted only if its tables are exactly a known version.
APPLICATION_ID = 0x4C445244


def not_ours(where: object) -> str:
    return (
        f"{where} is geen leidraad-database (het bestand hoort bij een ander programma of "
        "is van de hand aangepast). Het bestand is niet aangeraakt. Kies een andere map met "
        "--data-dir, of zet een reservekopie van leidraad terug met 'leidraad restore BESTAND'."
    )


def check_version(version: int | None, where: object) -> None:
    """Refuse a database made by a newer leidraad before a single byte of it is changed."""
    if version is not None and version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"De database {where} is gemaakt door een nieuwere versie van leidraad "
            f"(schema {version}, deze versie kent {SCHEMA_VERSION}). Werk leidraad bij; "
            "de database is niet aangeraakt."
        )
