"""Gezin E.: conflictscheiding. Two parents in a fight over the children, incidents at handovers.

In stabiele veiligheid since the second meeting; the next meeting is planned
and the casusregisseur is preparing both parents for it. After the incident the
professionals saw vader as pleger and moeder as slachtoffer; since the Raad's
investigation, both as "slachtoffer én pleger" of the fight. Both parents are
invited together, seated apart, a decision recorded at every meeting. Lotte
agreed that both parents may read what she said about choosing.
"""

from __future__ import annotations

from leidraad.core.domain import (
    Attendance,
    FamilyMember,
    MemberRole,
    Partner,
    Phase,
    Position,
    Priority,
)
from leidraad.core.followup import Outcome
from leidraad.core.plans import PlanKind
from leidraad.core.voice import InformHow
from leidraad.demo.model import (
    Agreed,
    DemoFamily,
    DemoMeeting,
    PhaseDecision,
    PlanAudienceChoice,
    PlanEvent,
    PositionChange,
    Review,
    Said,
    Score,
    Voice,
)

VT, RAAD, POLITIE, SCHOOL, WIJKTEAM = (
    "Veilig Thuis",
    "Raad voor de Kinderbescherming",
    "Politie",
    "School",
    "Wijkteam",
)
PARENTS = ("moeder", "vader")


def _parents(mother: str, father: str, days: int | None = 2) -> tuple[Voice, Voice]:
    return (
        Voice(
            "moeder",
            seat="aan het hoofd van de tafel, niet naast vader",
            timeout_sign="kaart op tafel",
            topics=mother,
            inform_by=VT,
            inform_days=days,
        ),
        Voice(
            "vader",
            seat="aan de andere kant, naast de wijkteamcoach",
            timeout_sign="kaart op tafel",
            topics=father,
            inform_by=WIJKTEAM,
            inform_days=days,
        ),
    )


def _children(lotte: str, finn: str, days: int | None = 5) -> tuple[Voice, Voice]:
    return (
        Voice(
            "Lotte",
            heard=lotte,
            heard_where="op school",
            inform_by=VT,
            inform_how=InformHow.OP_SCHOOL,
            inform_days=days,
        ),
        Voice(
            "Finn",
            heard=finn,
            heard_where="op school",
            inform_by=VT,
            inform_how=InformHow.OP_SCHOOL,
            inform_days=days,
        ),
    )


FIRST = DemoMeeting(
    days_ago=110,
    purpose=(
        "De politie kwam na een ruzie bij de overdracht van de kinderen. Samen kijken wat "
        "Lotte en Finn nodig hebben om veilig tussen hun ouders te kunnen wisselen."
    ),
    invited=PARENTS,
    together_safe=True,  # niet naast elkaar, elk een time-out kaart; de politie is gebeld
    attendance=((RAAD, Attendance.TELEFONISCH),),
    voices=(
        *_parents(
            "Vader houdt zich niet aan afspraken. Ze wil dat de kinderen rust krijgen.",
            "Moeder zet de kinderen tegen hem op. Hij wil zijn kinderen de helft van de tijd.",
        ),
        *_children(
            "Lotte wil niet meer naar papa 'als er weer geschreeuwd wordt'. Ze voelt zich "
            "verantwoordelijk voor Finn.",
            "Finn heeft vaak buikpijn op vrijdag, de wisseldag.",
        ),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Bij de overdracht op vrijdag schreeuwden de ouders tegen elkaar; vader duwde "
            "moeder weg van de auto. Lotte (10) en Finn (7) zaten achterin. Buren belden de "
            "politie.",
        ),
        Said(
            "dv-beeld-feiten",
            "Scheiding anderhalf jaar geleden, procedure over de omgang loopt bij de rechter. De "
            "Raad doet een onderzoek. Politie: derde melding rond een overdracht.",
        ),
        Said(
            "dv-beeld-patroon",
            "Geen geweld tijdens het huwelijk volgens beiden. Sinds de scheiding ruzie bij elk "
            "contact, via berichten en bij de overdracht. De kinderen zitten ertussen.",
        ),
        Said("dv-beeld-clienten", "Ik wil gewoon rust.", speaker="moeder"),
        Said("cs-weten", "Ik wil mijn kinderen zien, dat is alles.", speaker="vader"),
        Said(
            "dv-oordeel-samen",
            "Het gevaar zit in de overdracht en in de strijd waar de kinderen middenin staan. "
            "Het past bij een conflictscheiding: de strijd zelf schaadt de kinderen.",
        ),
        Said(
            "dv-oordeel-nodig",
            "Geen contact meer tussen de ouders bij de overdracht. Eén manier van communiceren. "
            "De kinderen uit de strijd halen.",
            shared_with=PARENTS,
        ),
        Said(
            "dv-besluit-prioriteit",
            "Overdracht via school, zodat de ouders elkaar niet zien. Berichten alleen via een "
            "ouderschapsapp.",
        ),
    ),
    scores=(
        Score("moeder", 3, "Als de overdracht zonder vader erbij gaat."),
        Score("vader", 6, "Als moeder zich aan de omgang houdt."),
        Score(VT, 4),
        Score(RAAD, 4),
        Score(POLITIE, 4),
        Score(SCHOOL, 5),
        Score(WIJKTEAM, 4),
        Score("Lotte", 3, "Lotte: 'Als ze niet meer schreeuwen.'"),
        Score("Finn", 4),
    ),
    actions=(
        Agreed("overdracht", "Overdracht via school regelen", SCHOOL, 7),
        Agreed("app", "Beide ouders installeren een ouderschapsapp", WIJKTEAM, 7),
        Agreed(
            "kinderen",
            "Lotte en Finn aanmelden voor een groep voor kinderen van gescheiden ouders",
            WIJKTEAM,
            28,
        ),
        Agreed("raad", "Raad deelt de uitkomst van het onderzoek met de partners", RAAD, 42),
    ),
    summary="Overdracht via school, berichten via een app. De kinderen krijgen een eigen groep.",
    next_in_days=35,
)

SECOND = DemoMeeting(
    days_ago=75,
    purpose="Kijken of de overdracht via school rust geeft.",
    invited=PARENTS,
    together_safe=True,
    voices=(
        *_parents("Het is rustiger. Vader stuurt nog lange berichten.", "Moeder reageert niet."),
        *_children("Lotte: 'Vrijdag is nu gewoon een dag.'", "Finn heeft minder buikpijn."),
    ),
    reviews=(
        Review("overdracht", Outcome.GEDAAN),
        Review("app", Outcome.GEDAAN, "wordt gebruikt, soms fel"),
        Review("kinderen", Outcome.GEDAAN, "start in de herfst"),
        Review("raad", Outcome.DEELS, "onderzoek loopt nog"),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Geen incidenten sinds de overdracht via school. Wel felle berichten in de app.",
        ),
        Said(
            "dv-beeld-geprobeerd",
            "Overdracht via school werkt: de ouders zien elkaar niet meer.",
            shared_with=PARENTS,
        ),
        Said(
            "dv-oordeel-fase",
            "De directe veiligheid is er. Nu de strijd zelf: daar gaat het om in fase 2.",
        ),
    ),
    scores=(
        Score("moeder", 5),
        Score("vader", 7),
        Score(VT, 5),
        Score(RAAD, 5),
        Score(POLITIE, 6),
        Score(SCHOOL, 6),
        Score(WIJKTEAM, 5),
        Score("Lotte", 5),
        Score("Finn", 6),
    ),
    actions=(
        Agreed("kies", "Beide ouders naar een programma over strijd na scheiding", WIJKTEAM, 28),
    ),
    phase_decision=PhaseDecision(
        Phase.STABIELE_VEILIGHEID,
        "Vijf weken zonder incident dankzij de overdracht via school. Nu de strijd tussen de "
        "ouders aanpakken.",
    ),
    summary="Door naar fase 2. Ouders volgen een programma over strijd na een scheiding.",
    next_in_days=42,
)

THIRD = DemoMeeting(
    days_ago=30,
    purpose="Het advies van de Raad bespreken en afspraken maken over de omgang.",
    invited=PARENTS,
    together_safe=True,
    voices=(
        *_parents(
            "Ze is bang dat de rechter vader gelijk geeft.",
            "Hij wil dat het advies van de Raad wordt uitgevoerd.",
            days=None,
        ),
        *_children(
            "Lotte wil bij mama wonen en papa in het weekend zien. Ze wil niet kiezen.",
            "Finn wil zijn hamster mee kunnen nemen naar papa.",
            days=None,
        ),
    ),
    reviews=(
        Review("raad", Outcome.GEDAAN, "advies: vaste weekendregeling, ouderschapsbegeleiding"),
        Review("kies", Outcome.DEELS, "vader gestart, moeder nog niet"),
    ),
    timeout_minutes=6,
    answers=(
        Said(
            "sv-beeld-stand",
            "Geen politie meer. De berichten zijn minder fel sinds het programma.",
        ),
        Said(
            "sv-beeld-opvoeding",
            "Lotte draagt zorg voor Finn en voor de gevoelens van mama. Finn is vrolijker.",
        ),
        Said(
            "sv-beeld-clienten",
            "Ik wil dat de kinderen niet meer hoeven te kiezen.",
            speaker="moeder",
        ),
        Said(
            "sv-oordeel-risicofactoren",
            "Wantrouwen tussen de ouders, de rechtszaak, en Lotte die te veel verantwoordelijkheid "
            "draagt.",
        ),
        Said(
            "sv-oordeel-profiel",
            "Conflictscheiding: de kinderen zijn onveilig door de strijd, niet door één ouder. "
            "Hulp voor beide ouders tegelijk, en aandacht voor de loyaliteit van de kinderen.",
        ),
        Said(
            "sv-oordeel-ouders",
            "Vader doet mee met het programma. Moeder twijfelt: ze ziet het als 'zijn probleem'.",
        ),
        Said(
            "sv-besluit-prioriteit",
            "Ouderschapsbegeleiding voor beide ouders. Lotte ontlasten.",
        ),
    ),
    scores=(
        Score("moeder", 4, "Als vader de berichten kort houdt."),
        Score("vader", 8, "Als het weekend vast staat."),
        Score(VT, 6),
        Score(RAAD, 5),
        Score(POLITIE, 7),
        Score(SCHOOL, 6),
        Score(WIJKTEAM, 6),
        Score(  # Lotte wil dat allebei haar ouders dit weten
            "Lotte",
            5,
            "Lotte: 'Als ik niet hoef te zeggen bij wie ik wil zijn.'",
            shared_with=PARENTS,
        ),
        Score("Finn", 7),
    ),
    actions=(
        Agreed("begeleiding", "Ouderschapsbegeleiding voor beide ouders aanvragen", WIJKTEAM, 35),
        Agreed(
            "moeder-programma", "Met moeder bespreken waarom het programma ook voor haar is", VT, 14
        ),
        Agreed(
            "lotte", "Lotte praat met de schoolmaatschappelijk werker", SCHOOL, 42, Priority.LATER
        ),
    ),
    summary="Ouderschapsbegeleiding voor beide ouders. Lotte ontlasten. Verschil in cijfers "
    "besproken.",
    next_in_days=42,
)

PLANNED = DemoMeeting(
    days_ago=-12,
    held=False,
    purpose="Bespreken hoe de ouderschapsbegeleiding gaat en hoe Lotte uit de strijd blijft.",
    invited=PARENTS,
    together_safe=True,
    voices=(
        *_parents(
            "Of vader zich aan de berichtenafspraak houdt.",
            "Of het weekendschema definitief wordt.",
            days=14,
        ),
        *_children(
            "Lotte vertelt dat ze minder 'boodschapper' hoeft te zijn.",
            "",
            days=16,
        ),
    ),
    next_in_days=None,
)

FAMILY = DemoFamily(
    alias="Gezin E.",
    profile="conflictscheiding",
    about="Strijd na de scheiding, incidenten bij de overdracht. Fase 2, volgend overleg gepland.",
    regie="Veilig Thuis, casusregisseur P.",
    members=(
        FamilyMember("moeder", MemberRole.OUDER, position=Position.BEIDE),
        FamilyMember("vader", MemberRole.PARTNER, position=Position.BEIDE),
        FamilyMember(
            "Lotte",
            MemberRole.KIND,
            10,
            position=Position.KIND,
            note="Voelt zich verantwoordelijk voor Finn en voor mama.",
        ),
        FamilyMember("Finn", MemberRole.KIND, 7, position=Position.KIND),
    ),
    partners=(
        Partner(VT, "casusregisseur P."),
        Partner(RAAD, "raadsonderzoeker B."),
        Partner(POLITIE, "wijkagent Y."),
        Partner(SCHOOL, "intern begeleider"),
        Partner(WIJKTEAM, "wijkteamcoach Z."),
    ),
    meetings=(FIRST, SECOND, THIRD, PLANNED),
    # Both parents agreed to the handover plan: nobody is kept from it.
    plan_audiences=(PlanAudienceChoice(PlanKind.VEILIGHEIDSPLAN, must_not=()),),
    positions=(  # a change over time: the picture after the Raad's investigation
        PositionChange("vader", 110, Position.PLEGER),
        PositionChange("moeder", 110, Position.SLACHTOFFER),
        PositionChange("vader", 30, Position.BEIDE),
        PositionChange("moeder", 30, Position.BEIDE),
    ),
    plans=(
        PlanEvent(
            PlanKind.VEILIGHEIDSPLAN,
            "versie 1",
            105,
            (
                (VT, 105),
                ("moeder", 104),
                ("vader", 104),
                (SCHOOL, 103),
                (POLITIE, 100),
                (WIJKTEAM, 100),
                (RAAD, 90),
            ),
        ),
        PlanEvent(
            PlanKind.HULPVERLENINGSPLAN,
            "versie 1",
            72,
            ((VT, 72), (WIJKTEAM, 72), ("vader", 70)),
        ),
    ),
)
