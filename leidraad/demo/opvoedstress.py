"""Gezin C.: kindgedrag en opvoedstress. A son's outbursts, a mother at the end of her strength.

Through directe and stabiele veiligheid to herstel in four meetings. Moeder is
"slachtoffer én pleger"; what Jesse told his mentor is marked "niet voor moeder",
which also keeps it from the ervaringsdeskundige who works with her. The
veiligheidsplan is made with her and shared with her; Jesse agreed she may read
his last score.
"""

from __future__ import annotations

from leidraad.core.audience import Restriction
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
    Review,
    Said,
    Score,
    Voice,
)

VT, JGGZ, WIJKTEAM, SCHOOL, ED = (
    "Veilig Thuis",
    "Jeugd-GGZ",
    "Wijkteam",
    "School",
    "Ervaringsdeskundige",
)


def _mother(topics: str, days: int | None = 1) -> Voice:
    return Voice(
        "moeder",
        seat="naast de ervaringsdeskundige",
        timeout_sign="legt haar telefoon op tafel",
        topics=topics,
        inform_by=WIJKTEAM,
        inform_days=days,
    )


def _children(jesse: str, sara: str, ggz: str = "", days: int | None = 5) -> tuple[Voice, Voice]:
    return (
        Voice(
            "Jesse",
            heard=jesse,
            heard_where="bij de behandelaar van jeugd-GGZ",
            ggz_perspective=ggz,
            ggz_by="behandelaar F." if ggz else "",
            inform_by=JGGZ,
            inform_how=InformHow.GESPREK,
            inform_days=days,
        ),
        Voice(
            "Sara",
            heard=sara,
            heard_where="thuis, in haar eigen kamer",
            inform_by=WIJKTEAM,
            inform_how=InformHow.HUISBEZOEK,
            inform_days=days,
        ),
    )


FIRST = DemoMeeting(
    days_ago=230,
    purpose=(
        "Er is een melding van geweld thuis. Samen begrijpen wat er thuis gebeurt en wat "
        "moeder, Jesse en Sara nu nodig hebben."
    ),
    invited=("moeder",),
    attendance=((SCHOOL, Attendance.TELEFONISCH), (ED, Attendance.AFWEZIG)),
    voices=(
        _mother("Dat ze het niet meer aankan. Dat ze Jesse niet kwijt wil."),
        *_children(
            "'Ik word boos en dan weet ik niet meer wat ik doe.' Hij wil thuis blijven wonen.",
            "Sara is bang als Jesse boos wordt. Ze gaat dan naar de buurvrouw.",
        ),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Jesse vertelde zijn mentor dat moeder hem met een riem sloeg en hem een keer "
            "'s nachts buiten zette. Hij is bang dat ze boos wordt als ze weet dat hij het "
            "vertelde.",
            not_for=("moeder",),
        ),
        Said(
            "dv-beeld-feiten",
            "Jesse (14) heeft woedebuien: slaat deuren kapot, duwde moeder tegen de kast. Sara "
            "(10) ziet alles. School: vaak conflicten in de klas. Jeugd-GGZ: aangemeld, "
            "wachtlijst van 4 maanden. Vader is uit beeld.",
        ),
        Said(
            "dv-beeld-patroon",
            "Sinds anderhalf jaar, erger sinds de brugklas. Het gaat mis bij 'nee' zeggen: "
            "gamen, naar bed, geld.",
        ),
        Said(
            "dv-beeld-kinderen",
            "Sara trekt zich terug en slaapt slecht. Jesse heeft blauwe plekken op zijn arm "
            "gehad; de huisarts zag ze.",
        ),
        Said(
            "dv-beeld-clienten",
            "Ik hou van mijn zoon, maar ik ben bang voor hem. En ik ben bang voor mezelf als hij "
            "zo wordt.",
            speaker="moeder",
        ),
        Said(
            "dv-oordeel-samen",
            "Moeder is overbelast; het geweld gaat over en weer. Sara is niet veilig tijdens de "
            "buien. Dit is kindgedrag en opvoedstress, geen kwade wil.",
        ),
        Said(
            "dv-oordeel-nodig",
            "Een plan voor als Jesse boos wordt, zonder slaan en zonder buitenzetten. Sneller "
            "hulp van jeugd-GGZ. Steun voor moeder.",
            shared_with=("moeder",),
        ),
        Said(
            "dv-oordeel-fase",
            "Er is een basis: moeder wil hulp en er zijn afspraken te maken. Na het "
            "veiligheidsplan kan het gezin door naar fase 2.",
        ),
        Said(
            "dv-besluit-veiligheidsplan",
            "Als Jesse boos wordt: Jesse naar zijn kamer of naar buiten met de hond, moeder met "
            "Sara naar de buurvrouw. Nooit slaan, nooit buitenzetten 's nachts.",
            shared_with=("moeder",),  # het plan is met haar gemaakt
        ),
    ),
    scores=(
        Score("moeder", 3, "Als Jesse hulp krijgt en ik iemand kan bellen."),
        Score(VT, 3),
        Score(WIJKTEAM, 3),
        Score(SCHOOL, 4),
        Score("Jesse", 4, "Jesse: 'Als mama niet meer schreeuwt.'"),
        Score("Sara", 2, "Sara: 'Als Jesse niet meer boos wordt.'"),
    ),
    actions=(
        Agreed("vplan", "Veiligheidsplan voor de woedebuien maken met moeder en Jesse", VT, 7),
        Agreed("ggz", "Spoedaanmelding jeugd-GGZ voor Jesse bespreken", WIJKTEAM, 7),
        Agreed("steun", "Gezinscoach voor moeder, twee keer per week", WIJKTEAM, 14),
        Agreed("ed", "Ervaringsdeskundige koppelen aan moeder", VT, 14),
    ),
    phase_decision=PhaseDecision(
        Phase.STABIELE_VEILIGHEID,
        "Moeder en Jesse tekenen het veiligheidsplan; de gezinscoach komt twee keer per week. "
        "Nu werken aan wat de buien veroorzaakt.",
    ),
    summary="Veiligheidsplan deze week, sneller hulp voor Jesse, steun voor moeder. Door "
    "naar fase 2.",
    next_in_days=42,
)

SECOND = DemoMeeting(
    days_ago=180,
    invited=("moeder",),
    purpose="Kijken hoe het thuis gaat met het plan en de gezinscoach, en wat Jesse nodig heeft.",
    voices=(
        _mother("De wachtlijst. Dat het thuis wat rustiger is."),
        *_children(
            "Jesse zegt dat het 'oké' gaat. Hij wil niet naar een andere school.",
            "Sara heeft één keer naar de buurvrouw gemoeten.",
            ggz="Jesse heeft voorspelbaarheid nodig: vaste tijden, en ruimte om af te koelen "
            "voordat iemand met hem praat.",
        ),
    ),
    reviews=(
        Review("vplan", Outcome.GEDAAN),
        Review("ggz", Outcome.GEDAAN, "start over 3 weken"),
        Review("steun", Outcome.GEDAAN),
        Review("ed", Outcome.GEDAAN, "ervaringsdeskundige N. zit vandaag aan tafel"),
    ),
    answers=(
        Said(
            "sv-beeld-stand",
            "Twee buien in zes weken, zonder slaan. Moeder belde de gezinscoach in plaats van "
            "terug te schreeuwen.",
        ),
        Said(
            "sv-beeld-problemen",
            "Moeder heeft weinig netwerk en werkt in ploegendienst. Ze had zelf een harde jeugd "
            "met een vader die sloeg.",
            restriction=Restriction.professionals(),
        ),
        Said(
            "sv-beeld-opvoeding",
            "Moeder vindt grenzen stellen moeilijk: eerst geeft ze toe, dan ontploft ze. Jesse "
            "doet het beter met duidelijke afspraken vooraf.",
        ),
        Said(
            "sv-beeld-krachten",
            "Moeder is eerlijk over wat er misging. Jesse zorgt goed voor de hond. School denkt "
            "mee.",
        ),
        Said(
            "sv-beeld-clienten",
            "Ik wil leren hoe ik rustig blijf als hij ontploft.",
            speaker="moeder",
        ),
        Said(
            "sv-oordeel-risicofactoren",
            "Jesse's ADHD zonder behandeling; moeder overbelast en zonder netwerk; "
            "onvoorspelbare dagen door de ploegendienst.",
        ),
        Said(
            "sv-oordeel-profiel",
            "Kindgedrag en opvoedstress: het geweld begint bij het gedrag van het kind en de "
            "machteloosheid van de ouder. De aanpak: behandeling voor Jesse en "
            "opvoedondersteuning voor moeder, samen en in dezelfde taal.",
        ),
        Said(
            "sv-oordeel-ouders",
            "Moeder doet mee zolang ze zich niet veroordeeld voelt. De ervaringsdeskundige helpt "
            "daarbij.",
        ),
        Said(
            "sv-besluit-prioriteit",
            "Behandeling Jesse starten; moeder leert met hetzelfde programma thuis te werken.",
        ),
    ),
    scores=(
        Score("moeder", 5, "Als de behandeling van Jesse begint."),
        Score(VT, 5),
        Score(JGGZ, 5),
        Score(WIJKTEAM, 5),
        Score(SCHOOL, 5),
        Score(ED, 5),
        Score("Jesse", 5),
        Score("Sara", 4, "Sara: 'Als ik niet meer naar de buurvrouw hoef.'"),
    ),
    actions=(
        Agreed("behandeling", "Behandeling van Jesse starten, met ouderbegeleiding", JGGZ, 21),
        Agreed(
            "rooster", "Vaste weekplanning maken die past bij de diensten van moeder", WIJKTEAM, 14
        ),
        Agreed("sara", "Sara een plek geven om over thuis te praten", WIJKTEAM, 28, Priority.LATER),
    ),
    summary="Behandeling Jesse met ouderbegeleiding. Weekplanning. Later aandacht voor Sara.",
    next_in_days=56,
)

THIRD = DemoMeeting(
    days_ago=115,
    invited=("moeder",),
    purpose="Bespreken of de veiligheid stabiel genoeg is om aan herstel te werken.",
    voices=(
        _mother("Dat het goed gaat. Dat Sara nog steeds schrikt."),
        *_children(
            "'Ik heb een plek op mijn kamer om af te koelen.' Hij is trots op zijn rapport.",
            "Sara schrikt nog van harde geluiden, ook als er niets aan de hand is.",
            ggz="Jesse doet goed mee. Voor Sara is het nu tijd voor eigen hulp.",
        ),
    ),
    reviews=(
        Review("behandeling", Outcome.GEDAAN, "loopt sinds 10 weken"),
        Review("rooster", Outcome.GEDAAN),
        Review("sara", Outcome.DEELS, "praat met de gezinscoach, nog geen eigen hulp"),
    ),
    answers=(
        Said(
            "sv-beeld-stand",
            "Al drie maanden geen geweld. Eén bui, Jesse ging zelf naar zijn kamer.",
        ),
        Said(
            "sv-beeld-hulp-nu",
            "Jeugd-GGZ voor Jesse met ouderbegeleiding; gezinscoach één keer per week; "
            "ervaringsdeskundige belt moeder elke twee weken.",
        ),
        Said(
            "sv-oordeel-passend",
            "Ja, de hulp richt zich op de buien en op moeders reactie. Sara is tot nu toe te "
            "weinig gezien.",
        ),
        Said(
            "sv-oordeel-directe-veiligheid",
            "Voldoende. Het veiligheidsplan wordt gebruikt.",
        ),
        Said(
            "sv-oordeel-fase",
            "De risico's zijn onder controle. Het is tijd voor herstel: wat Sara heeft "
            "meegemaakt, en moeders eigen geschiedenis.",
        ),
        Said(
            "cs-hoop",
            "Dat we weer gewoon samen aan tafel kunnen eten zonder dat ik op mijn tenen loop.",
            speaker="moeder",
        ),
    ),
    scores=(
        Score("moeder", 6),
        Score(VT, 6),
        Score(JGGZ, 6),
        Score(WIJKTEAM, 7),
        Score(SCHOOL, 6),
        Score(ED, 7),
        Score("Jesse", 7),
        Score("Sara", 6),
    ),
    actions=(
        Agreed("trauma", "Sara aanmelden voor traumabehandeling", JGGZ, 21),
        Agreed("moeder", "Moeder doorverwijzen naar hulp voor haar eigen jeugd", WIJKTEAM, 28),
        Agreed("herstelplan", "Herstelplan opstellen met moeder", WIJKTEAM, 21),
    ),
    phase_decision=PhaseDecision(
        Phase.HERSTEL,
        "Drie maanden geen geweld, de behandeling van Jesse loopt. Nu herstel: traumahulp voor "
        "Sara en hulp voor moeders eigen verleden.",
    ),
    summary="Door naar fase 3, herstel. Traumabehandeling voor Sara, hulp voor moeder zelf.",
    next_in_days=70,
)

FOURTH = DemoMeeting(
    days_ago=45,
    invited=("moeder",),
    purpose="Het herstelplan bespreken en afspreken wanneer het Zorg- en Veiligheidshuis loslaat.",
    voices=(
        _mother("Dat ze zelf weer verder wil, met de gezinscoach op afstand.", days=None),
        *_children(
            "Jesse wil dat 'die overleggen' stoppen. Hij gaat op voetbal.",
            "Sara vertelt dat ze bij de behandelaar tekent wat ze eng vond.",
            days=None,
        ),
    ),
    reviews=(
        Review("trauma", Outcome.GEDAAN, "gestart, 12 sessies"),
        Review("moeder", Outcome.DEELS, "intake gepland"),
        Review("herstelplan", Outcome.GEDAAN),
    ),
    answers=(
        Said(
            "hs-beeld-veiligheid",
            "Vijf maanden geen geweld, volgens moeder, Jesse, school en de gezinscoach.",
        ),
        Said(
            "hs-beeld-gevolgen",
            "Sara: angst bij harde geluiden. Jesse: schaamte over wat hij deed. Moeder: schuld "
            "naar beide kinderen.",
        ),
        Said(
            "hs-beeld-patroon",
            "Moeder groeide zelf op met een vader die sloeg. Ze wil dat het bij haar ophoudt.",
            restriction=Restriction.professionals(),
        ),
        Said(
            "hs-beeld-hoop",
            "We lachen weer met z'n drieën. Jesse heeft zelf sorry gezegd.",
            speaker="moeder",
        ),
        Said(
            "hs-oordeel-moment",
            "Voor Sara nu, ze is gestart. Voor moeder na de zomer, als haar werk rustiger is.",
        ),
        Said(
            "hs-oordeel-terugval",
            "Risico: de overgang naar een nieuwe school voor Jesse. Het veiligheidsplan blijft "
            "op de koelkast hangen.",
        ),
        Said(
            "hs-besluit-afschalen",
            "Als het een half jaar veilig is gebleven, doet het Zorg- en Veiligheidshuis een stap "
            "terug. Het wijkteam houdt dan de regie.",
        ),
        Said(
            "hs-besluit-herstelplan",
            "Traumabehandeling Sara, hulp voor moeder, voetbal voor Jesse. Alle partners en "
            "moeder krijgen het plan.",
        ),
    ),
    scores=(
        Score("moeder", 8, "Als Sara niet meer schrikt."),
        Score(VT, 7),
        Score(JGGZ, 8),
        Score(WIJKTEAM, 8),
        Score(SCHOOL, 7),
        Score(ED, 8),
        Score("Jesse", 8, "Jesse: 'Mama mag weten dat het goed gaat.'", shared_with=("moeder",)),
        Score("Sara", 7, "Sara: 'Als ik niet meer droom over vroeger.'"),
    ),
    actions=(
        Agreed("nieuwe-school", "Overstap Jesse naar de nieuwe school voorbereiden", SCHOOL, 60),
        Agreed("evaluatie", "Evaluatie traumabehandeling Sara", JGGZ, 84),
        Agreed(
            "afschalen",
            "Voorstel voor afschalen naar het wijkteam voorbereiden",
            WIJKTEAM,
            90,
            Priority.LATER,
        ),
    ),
    summary="Herstel loopt. Over drie maanden besluiten we of het Zorg- en Veiligheidshuis "
    "loslaat.",
    next_in_days=84,
)

FAMILY = DemoFamily(
    alias="Gezin C.",
    profile="kindgedrag en opvoedstress",
    about="Woedebuien van een zoon met ADHD, een overbelaste moeder. Via fase 1 en 2 naar herstel.",
    regie="Wijkteam, gezinscoach H.",
    members=(
        FamilyMember(
            "moeder",
            MemberRole.OUDER,
            position=Position.BEIDE,
            note="Werkt in ploegendienst; afspraken liefst 's middags.",
        ),
        FamilyMember(
            "Jesse",
            MemberRole.KIND,
            14,
            position=Position.KIND,
            note="ADHD, vermoeden van autisme: vaste tijden, eerst laten afkoelen.",
        ),
        FamilyMember("Sara", MemberRole.KIND, 10, position=Position.KIND),
    ),
    partners=(
        Partner(VT, "casusregisseur S."),
        Partner(JGGZ, "behandelaar F."),
        Partner(WIJKTEAM, "gezinscoach H."),
        Partner(SCHOOL, "mentor van Jesse"),
        Partner(ED, "ervaringsdeskundige N.", linked_to=("moeder",)),
    ),
    meetings=(FIRST, SECOND, THIRD, FOURTH),
    # Made with moeder, and the neighbour takes Sara in when Jesse's anger rises.
    plan_audiences=(PlanAudienceChoice(PlanKind.VEILIGHEIDSPLAN, ("buurvrouw",), must_not=()),),
    plans=(
        PlanEvent(
            PlanKind.VEILIGHEIDSPLAN,
            "versie 1",
            226,
            (
                (VT, 226),
                ("moeder", 226),
                ("buurvrouw", 224),
                (WIJKTEAM, 225),
                (SCHOOL, 220),
                (JGGZ, 178),
            ),
        ),
        PlanEvent(
            PlanKind.HULPVERLENINGSPLAN,
            "versie 1",
            178,
            ((WIJKTEAM, 178), (JGGZ, 178), ("moeder", 176), (VT, 170)),
        ),
        PlanEvent(
            PlanKind.HERSTELPLAN,
            "versie 1",
            60,
            ((WIJKTEAM, 60), ("moeder", 58), (JGGZ, 45)),
        ),
    ),
)
