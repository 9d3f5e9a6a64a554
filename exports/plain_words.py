"""Plain words (B1) for a client's documents: who each person is to the reader, and what
each organisation does, in a sentence or two.

A client reads "je (ex-)partner" and "je kind Sam", not "vader (partner of
ex-partner)"; and never a professional's name without what that person does.
"""

from __future__ import annotations

from dataclasses import dataclass

from leidraad.core.domain import Case, FamilyMember, MemberRole, Partner, name_key

# (words to look for in a name, the explanation); the first match counts, so the
# more specific words come first ("jeugd-ggz" before "ggz").
_ORGANISATIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("veilig thuis",),
        "Veilig Thuis geeft advies en neemt meldingen aan over geweld in huis. "
        "Zij kijken of het veilig is en zorgen dat er hulp komt.",
    ),
    (
        ("raad voor de kinderbescherming", "rvdk"),
        "De Raad voor de Kinderbescherming onderzoekt of kinderen veilig opgroeien. "
        "Als het nodig is, vraagt de Raad de rechter om een kind te beschermen.",
    ),
    (
        ("jeugdbescherming", "gecertificeerde instelling"),
        "Jeugdbescherming helpt als de rechter heeft besloten dat een kind extra bescherming "
        "nodig heeft. Een jeugdbeschermer let op de veiligheid van het kind.",
    ),
    (
        ("openbaar ministerie", "parket"),
        "Het Openbaar Ministerie (OM) beslist of iemand voor de rechter moet komen "
        "voor een strafbaar feit.",
    ),
    (
        ("reclassering", "3ro"),
        "De reclassering begeleidt mensen die met politie of rechter te maken hebben. "
        "Zij helpen voorkomen dat het opnieuw gebeurt en letten op afspraken van de rechter.",
    ),
    (
        ("politie", "wijkagent"),
        "De politie beschermt mensen. Zij komen als er geweld is of als iemand de wet overtreedt.",
    ),
    (
        ("slachtofferhulp",),
        "Slachtofferhulp helpt mensen die slachtoffer zijn van geweld of een misdrijf. "
        "Die hulp is gratis.",
    ),
    (
        ("jeugd-ggz", "jeugd ggz", "jeugdggz"),
        "De jeugd-GGZ helpt kinderen en jongeren met psychische problemen, zoals angst "
        "of nare herinneringen.",
    ),
    (
        ("ggz",),
        "De GGZ helpt bij psychische problemen, zoals angst, somberheid of verslaving.",
    ),
    (
        ("huiselijk geweld", "specialistische"),
        "Deze hulpverleners weten veel van geweld in gezinnen. Zij helpen om het geweld "
        "te laten stoppen en om daarna te herstellen.",
    ),
    (
        ("wijkteam", "buurtteam", "sociaal team"),
        "Het wijkteam helpt mensen in de buurt met vragen over bijvoorbeeld geld, "
        "opvoeding, wonen of gezondheid.",
    ),
    (
        ("gemeente",),
        "De gemeente regelt hulp en zorg voor de mensen die er wonen, en betaalt veel "
        "van die hulp.",
    ),
    (
        ("school", "intern begeleider"),
        "De school let op hoe het met de kinderen gaat en praat met jullie als er zorgen zijn.",
    ),
    (
        ("ervaringsdeskundige",),
        "Een ervaringsdeskundige heeft zelf geweld in een gezin meegemaakt. Die persoon "
        "helpt je en weet hoe het voelt.",
    ),
    (
        ("casusregisseur",),
        "De casusregisseur is je vaste contactpersoon. Die houdt contact met jou en je "
        "gezin, ook tussen de overleggen door.",
    ),
    (
        ("procesregisseur",),
        "De procesregisseur leidt het overleg en let erop dat iedereen doet wat is afgesproken.",
    ),
    (
        ("zorg- en veiligheidshuis", "zorg en veiligheidshuis", "zvh"),
        "In het Zorg- en Veiligheidshuis werken organisaties samen om geweld in gezinnen "
        "te stoppen.",
    ),
    (("huisarts",), "De huisarts is je eigen dokter."),
)


def explain(organisation: str) -> str:
    """What an organisation (or a professional's role) does, in plain words."""
    key = name_key(organisation)
    if key in {"om", "het om"}:
        return explain("Openbaar Ministerie")
    for words, text in _ORGANISATIONS:
        if any(word in key for word in words):
            return text
    return f"{organisation.strip()} werkt samen met de anderen aan de veiligheid in jullie gezin."


def is_known_role(text: str) -> bool:
    key = name_key(text)
    return key in {"om", "het om"} or any(
        word in key for words, _ in _ORGANISATIONS for word in words
    )


def relation(reader: FamilyMember | None, other: FamilyMember) -> str:
    """Who `other` is to `reader`: 'jij', 'je kind Sam', 'je (ex-)partner Karim'."""
    if reader is None:
        return f"{other.name} (kind)" if other.is_child else other.name
    if other.key == reader.key:
        return "jij"
    couple = {MemberRole.OUDER, MemberRole.PARTNER}
    if other.is_child:
        return f"je kind {other.name}" if reader.role in couple else f"{other.name} (kind)"
    if reader.role in couple and other.role in couple:
        if reader.role is MemberRole.OUDER and other.role is MemberRole.OUDER:
            return f"de andere ouder, {other.name}"
        return f"je (ex-)partner {other.name}"
    return other.name


@dataclass
class Namer:
    """Names everyone the way one client reads them, and remembers which organisations
    came up, so the document can explain each of them once."""

    case: Case
    reader: FamilyMember | None

    def __post_init__(self) -> None:
        self.mentioned: dict[str, str] = {}

    def member(self, text: str) -> FamilyMember | None:
        wanted = name_key(text)
        return self.case.member(text) or next(
            (m for m in self.case.members if wanted and name_key(m.name) == wanted), None
        )

    def partner(self, text: str) -> Partner | None:
        wanted = name_key(text)
        return self.case.partner(text) or next(
            (
                p
                for p in self.case.partners
                if wanted and wanted in {name_key(p.organisation), name_key(p.contact)}
            ),
            None,
        )

    def who(self, text: str) -> str:
        """A person or organisation as the reader reads it; professionals with their role."""
        member = self.member(text)
        if member is not None:
            return relation(self.reader, member)
        partner = self.partner(text)
        if partner is not None:
            self._mention(partner.organisation)
            if partner.contact and name_key(partner.contact) == name_key(text):
                return f"{partner.contact.strip()}, van {partner.organisation}"
            return partner.organisation
        if is_known_role(text):
            self._mention(text)
            return text.strip()
        return f"{text.strip()} (een van de hulpverleners)"

    def _mention(self, organisation: str) -> None:
        self.mentioned.setdefault(name_key(organisation), organisation.strip())

    def explanations(self) -> list[tuple[str, str]]:
        return [(name, explain(name)) for name in self.mentioned.values()]
