"""Familie D.: langdurige zorg. Years of unsafety, addiction, debts, a mother who avoids help.

MDA++ for eight months, in stabiele veiligheid since the second meeting, and
back in directe veiligheid after an incident nine days ago. Stiefvader is the
pleger and is never invited with moeder; he is heard at home or by phone. The
verslavingszorg works with him, so it does not get the veiligheidsplan. How to
talk with moeder is a note for professionals, never part of her name.
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
from leidraad.core.voice import HearingMode, InformHow
from leidraad.demo.model import (
    Agreed,
    DemoFamily,
    DemoMeeting,
    InterimPhaseChange,
    PhaseDecision,
    PlanAudienceChoice,
    PlanEvent,
    Review,
    Said,
    Score,
    Voice,
    Worry,
)

VT, WIJKTEAM, JB, POLITIE = "Veilig Thuis", "Wijkteam", "Jeugdbescherming", "Politie"
VZ, ED, SCHOOL = "Verslavingszorg", "Ervaringsdeskundige", "School"


def _bram(heard: str, days: int | None = 4) -> Voice:
    return Voice(
        "Bram",
        heard=heard,
        heard_where="op school, met de jeugdbeschermer",
        inform_by=JB,
        inform_how=InformHow.OP_SCHOOL,
        inform_days=days,
    )


FIRST = DemoMeeting(
    days_ago=250,
    purpose=(
        "Derde melding bij Veilig Thuis in acht jaar. Start van MDA++: alle informatie bij "
        "elkaar leggen en één plan maken, in plaats van ieder apart."
    ),
    invited=("moeder",),  # uitgenodigd, maar ze kwam niet
    attendance=(("moeder", Attendance.AFWEZIG), (VZ, Attendance.AFWEZIG)),
    voices=(
        Voice(
            "moeder",
            hearing=HearingMode.ERVARINGSDESKUNDIGE,
            voiced_by="ervaringsdeskundige W.",
            topics="Ze is het zat dat iedereen zich ermee bemoeit. Ze wil haar kinderen houden.",
            professional_note="Vermoeden licht verstandelijke beperking: korte zinnen, "
            "één ding tegelijk, op papier meegeven.",
            inform_by=ED,
            inform_how=InformHow.HUISBEZOEK,
            inform_days=3,
        ),
        Voice(
            "stiefvader",
            hearing=HearingMode.TELEFOON_NA,
            topics="Wil 'geen gedoe'.",
            inform_by=WIJKTEAM,
            inform_days=1,
        ),
        _bram("Bram zegt dat hij voor zijn zusjes zorgt als mama moe is. Hij wil niet weg."),
        Voice(
            "Lieke",
            heard="Lieke vertelt over de hond en over school; over thuis zegt ze weinig.",
            heard_where="thuis",
            inform_days=None,
        ),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Buren belden de politie: geschreeuw, stiefvader dronken, moeder met een blauw oog. "
            "Bram (13) haalde zijn zusjes naar zijn kamer. Derde melding in acht jaar.",
        ),
        Said(
            "dv-beeld-feiten",
            "VT: meldingen 8 en 4 jaar geleden, steeds vrijwillige hulp die na een paar maanden "
            "stopte. Jeugdbescherming: ondertoezichtstelling sinds 2 maanden. Wijkteam: "
            "schulden, energie bijna afgesloten.",
        ),
        Said(
            "dv-beeld-patroon",
            "Al jaren hetzelfde: het gaat mis als stiefvader drinkt, daarna een tijd rust. Moeder "
            "had ook in haar vorige relatie geweld. Hulp komt en gaat; niemand hield het "
            "overzicht.",
        ),
        Said(
            "dv-beeld-kinderen",
            "Bram zorgt voor zijn zusjes en verzuimt school. Lieke (7) is stil in de klas. Roos "
            "(3) mist afspraken op het consultatiebureau.",
        ),
        Said(
            "dv-beeld-clienten",
            "Via de ervaringsdeskundige: moeder is bang dat de kinderen uit huis gaan. Daarom "
            "doet ze de deur niet open.",
        ),
        Said(
            "dv-oordeel-samen",
            "Langdurige onveiligheid met steeds dezelfde oorzaken: alcohol, schulden, weinig "
            "netwerk. Losse hulp werkte niet. Dit vraagt één plan en één regisseur, voor lang.",
        ),
        Said(
            "dv-oordeel-zorg-straf",
            "Jeugdbescherming heeft een wettelijk kader; politie en wijkteam zien het gezin het "
            "vaakst. Verslavingszorg is nodig maar zit nog niet aan tafel.",
        ),
        Said(
            "dv-besluit-regie",
            "Regie bij het wijkteam, MDA++-casusregisseur G. Veilig Thuis blijft betrokken.",
        ),
    ),
    scores=(
        Score("moeder", 6, "Via de ervaringsdeskundige: 'Als iedereen ons met rust laat.'"),
        Score(VT, 3),
        Score(WIJKTEAM, 3, "Als er een huisbezoek lukt."),
        Score(JB, 3),
        Score(POLITIE, 4),
        Score(SCHOOL, 4),
        Score(ED, 5),
        Score("Bram", 4),
    ),
    actions=(
        Agreed("huisbezoek", "Samen op huisbezoek bij moeder", WIJKTEAM, 10),
        Agreed("vz", "Stiefvader motiveren voor verslavingszorg", WIJKTEAM, 21),
        Agreed("vplan", "Veiligheidsplan met moeder en Bram", VT, 14),
        Agreed("energie", "Afsluiting energie voorkomen", WIJKTEAM, 5),
        Agreed("verzuim", "Verzuim Bram bespreken met leerplicht", SCHOOL, 14),
    ),
    summary=(
        "MDA++ start met regie bij het wijkteam. Eerst contact met moeder via een gezamenlijk "
        "huisbezoek. Veiligheidsplan. Energie niet laten afsluiten."
    ),
    next_in_days=42,
)

SECOND = DemoMeeting(
    days_ago=205,
    purpose="Moeder zit voor het eerst zelf aan tafel. Samen kijken wat er beter gaat.",
    invited=("moeder",),
    voices=(
        Voice(
            "moeder",
            seat="naast de ervaringsdeskundige, niet tegenover de jeugdbeschermer",
            timeout_sign="tikt op tafel",
            topics="Ze wil weten wat er in het plan staat. Ze wil de kinderen houden.",
            professional_note="Korte zinnen. Na elke vraag even checken of het duidelijk is.",
            inform_by=ED,
            inform_how=InformHow.HUISBEZOEK,
            inform_days=2,
        ),
        Voice(
            "stiefvader",
            hearing=HearingMode.HUISBEZOEK,
            topics="Hij is bij de verslavingszorg geweest, 'voor haar'.",
            inform_by=WIJKTEAM,
            inform_how=InformHow.HUISBEZOEK,
            inform_days=2,
        ),
        _bram("Bram zegt dat het rustiger is. Hij is weer elke dag op school."),
    ),
    reviews=(
        Review("huisbezoek", Outcome.GEDAAN, "tweede keer ging de deur open"),
        Review("vz", Outcome.GEDAAN, "intake geweest"),
        Review("vplan", Outcome.GEDAAN),
        Review("energie", Outcome.GEDAAN, "betalingsregeling"),
        Review("verzuim", Outcome.GEDAAN),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Geen politie sinds het vorige overleg. Stiefvader drinkt minder, zegt moeder.",
        ),
        Said(
            "dv-beeld-geprobeerd",
            "Veiligheidsplan: moeder belt haar zus als stiefvader drinkt; Bram neemt de zusjes "
            "mee naar de buren. Nog niet nodig geweest.",
        ),
        Said(
            "dv-beeld-clienten",
            "Ik dacht dat jullie de kinderen kwamen halen. Nu snap ik dat jullie willen helpen.",
            speaker="moeder",
        ),
        Said(
            "dv-oordeel-fase",
            "Rust sinds zes weken, contact met moeder is er, stiefvader in behandeling. De "
            "oorzaken zijn nu aan de beurt: door naar fase 2.",
        ),
    ),
    scores=(
        Score("moeder", 5, "Als we van de schulden af zijn."),
        Score("stiefvader", 6),
        Score(VT, 4),
        Score(WIJKTEAM, 4),
        Score(JB, 4),
        Score(POLITIE, 5),
        Score(VZ, 5),
        Score(SCHOOL, 4),
        Score(ED, 6),
        Score("Bram", 4),
        Score("Lieke", 5),
    ),
    actions=(
        Agreed("schulden", "Schulden in kaart brengen met moeder", WIJKTEAM, 28),
        Agreed("roos", "Roos aanmelden voor de peuteropvang", WIJKTEAM, 28),
        Agreed("bram", "Bram ontlasten: een maatje of sport", JB, 42, Priority.LATER),
    ),
    phase_decision=PhaseDecision(
        Phase.STABIELE_VEILIGHEID,
        "Zes weken rust, moeder doet mee, stiefvader in behandeling bij de verslavingszorg.",
    ),
    summary="Door naar fase 2. Schulden, peuteropvang voor Roos, en Bram ontlasten.",
    next_in_days=56,
)

THIRD = DemoMeeting(
    days_ago=150,
    purpose="Het hulpverleningsplan voor de lange termijn maken, met moeder.",
    invited=("moeder",),
    voices=(
        Voice(
            "moeder",
            seat="naast de ervaringsdeskundige",
            timeout_sign="tikt op tafel",
            topics="De schulden. Dat Roos naar de opvang gaat.",
            inform_by=ED,
            inform_how=InformHow.HUISBEZOEK,
        ),
        _bram("Bram voetbalt nu op dinsdag. 'Dan ben ik even niet thuis.'"),
    ),
    reviews=(
        Review("schulden", Outcome.DEELS, "veel post ongeopend; samen sorteren"),
        Review("roos", Outcome.GEDAAN),
        Review("bram", Outcome.GEDAAN, "voetbal op dinsdag"),
    ),
    answers=(
        Said(
            "sv-beeld-partners",
            "Verslavingszorg: stiefvader was twee maanden niet aan het drinken, daarna een "
            "terugval. Hij gaat wel weer naar de afspraken.",
            restriction=Restriction.professionals(),
        ),
        Said(
            "sv-beeld-problemen",
            "Schulden rond 25.000 euro, alcohol, een klein netwerk. Moeder heeft moeite met "
            "brieven en afspraken. Bram draagt te veel.",
        ),
        Said(
            "sv-beeld-eerder",
            "Twee keer eerder vrijwillige hulp, steeds gestopt na een paar maanden. Nooit één "
            "plan, nooit iemand die het overzicht hield.",
        ),
        Said(
            "sv-oordeel-profiel",
            "Langdurige zorg: al jaren onveiligheid met meerdere problemen tegelijk. Dit gezin "
            "heeft jarenlang hulp nodig, met vaste gezichten, en geen traject dat na drie "
            "maanden stopt. MDA++ past.",
        ),
        Said(
            "sv-oordeel-volgorde",
            "Eerst schulden en geldbeheer; zonder rust over geld houdt moeder niets vol. Dan "
            "opvoedhulp. Traumahulp pas later.",
        ),
        Said(
            "sv-besluit-plannen",
            "Politie en school kennen het veiligheidsplan nog niet. De casusregisseur stuurt het "
            "en belt na. De verslavingszorg werkt met stiefvader en krijgt het plan niet.",
        ),
    ),
    scores=(
        Score("moeder", 6),
        Score("stiefvader", 7, "Via het wijkteam: 'Het gaat prima.'"),
        Score(VT, 5),
        Score(WIJKTEAM, 5),
        Score(JB, 5),
        Score(POLITIE, 6),
        Score(VZ, 6),
        Score(SCHOOL, 5),
        Score(ED, 6),
        Score("Bram", 6, "Bram: 'Als er geen bier meer in huis is.'"),
        Score("Lieke", 6),
    ),
    actions=(
        Agreed("beschermingsbewind", "Beschermingsbewind aanvragen met moeder", WIJKTEAM, 28),
        Agreed("vplan-delen", "Veiligheidsplan naar politie en school", VT, 7),
        Agreed("opvoeding", "Opvoedhulp thuis, afgestemd op moeder", JB, 42),
    ),
    summary="Hulpverleningsplan gemaakt. Beschermingsbewind. Veiligheidsplan naar alle partners.",
    next_in_days=56,
)

FOURTH = DemoMeeting(
    days_ago=95,
    purpose="Kijken of het plan werkt en wie wat nog niet weet.",
    invited=("moeder",),
    attendance=((POLITIE, Attendance.TELEFONISCH),),
    voices=(
        Voice(
            "moeder",
            seat="naast de ervaringsdeskundige",
            timeout_sign="tikt op tafel",
            topics="Ze is trots dat de post nu open gaat.",
            inform_by=ED,
            inform_how=InformHow.HUISBEZOEK,
        ),
    ),
    reviews=(
        Review("schulden", Outcome.GEDAAN),
        Review("beschermingsbewind", Outcome.GEDAAN, "bewindvoerder gestart"),
        Review("vplan-delen", Outcome.DEELS, "politie wel, school nog niet"),
        Review("opvoeding", Outcome.GEDAAN),
    ),
    answers=(
        Said("sv-beeld-stand", "Geen incidenten. Moeder opent samen met de bewindvoerder de post."),
        Said(
            "sv-beeld-hulp-nu",
            "Wijkteam (MDA++), bewindvoerder, verslavingszorg voor stiefvader, opvoedhulp thuis, "
            "jeugdbescherming voor de kinderen. Vijf trajecten: de casusregisseur stemt af.",
        ),
        Said(
            "sv-oordeel-directe-veiligheid",
            "Op dit moment voldoende. Alert op drank: dat is steeds het begin.",
        ),
        Said(
            "cs-goed",
            "De post gaat open. Roos vindt de opvang leuk.",
            speaker="moeder",
        ),
    ),
    scores=(
        Score("moeder", 7),
        Score("stiefvader", 7),
        Score(VT, 5),
        Score(WIJKTEAM, 6),
        Score(JB, 5),
        Score(POLITIE, 6),
        Score(VZ, 5, "Als hij ook in de weekenden naar de groep gaat."),
        Score(SCHOOL, 5),
        Score(ED, 7),
        Score("Bram", 6),
        Score("Lieke", 6),
    ),
    actions=(
        Agreed("vplan-school", "Veiligheidsplan bespreken met school", VT, 14),
        Agreed("netwerk", "Netwerkberaad: wie uit de familie kan helpen?", WIJKTEAM, 42),
    ),
    summary="Het plan werkt. Netwerk van moeder uitbreiden. Veiligheidsplan alsnog naar school.",
    next_in_days=56,
)

FIFTH = DemoMeeting(
    days_ago=40,
    purpose="Zorgen over de drank van stiefvader; afspraken om terugval te voorkomen.",
    invited=("moeder",),
    voices=(
        Voice(
            "moeder",
            seat="naast de ervaringsdeskundige",
            timeout_sign="tikt op tafel",
            topics="Hij drinkt weer. Ze wil niet dat het weer misgaat.",
            inform_by=ED,
            inform_how=InformHow.HUISBEZOEK,
            inform_days=None,
        ),
        Voice(
            "stiefvader",
            hearing=HearingMode.HUISBEZOEK,
            topics="Ontkent dat hij weer drinkt.",
            inform_by=VZ,
            inform_how=InformHow.GESPREK,
            inform_days=None,
        ),
        _bram("Bram: 'Het begint weer. Ik hoor de blikjes.'", days=None),
    ),
    reviews=(
        Review("vplan-school", Outcome.NIET_GEDAAN, "casusregisseur ziek geweest"),
        Review("netwerk", Outcome.DEELS, "zus van moeder wil helpen; beraad nog niet gepland"),
    ),
    answers=(
        Said(
            "sv-beeld-stand",
            "Geen geweld, wel weer drank. Bram merkt het als eerste.",
        ),
        Said(
            "sv-beeld-partners",
            "Verslavingszorg: stiefvader komt niet meer naar de groep.",
            restriction=Restriction.only_for(VZ),
        ),
        Said(
            "sv-oordeel-directe-veiligheid",
            "Nog net voldoende, maar het risico neemt toe. Als het misgaat: terug naar fase 1.",
        ),
    ),
    worries=(
        Worry(
            "sv-oordeel-directe-veiligheid",
            (
                (
                    "zc-grootste-zorg",
                    "Dat stiefvader dronken moeder weer slaat, met de kinderen erbij.",
                ),
                ("zc-basis", "Zo ging het de vorige drie keer. Bram hoort weer blikjes."),
                ("zc-nu", "Stiefvader terug naar de verslavingszorg; moeder weet wie ze belt."),
                ("zc-later", "Het netwerkberaad."),
                ("zc-wie", "Verslavingszorg, wijkteam, politie."),
            ),
        ),
    ),
    scores=(
        Score("moeder", 6),
        Score("stiefvader", 8),
        Score(VT, 4),
        Score(WIJKTEAM, 4, "Als hij terug naar de groep gaat."),
        Score(JB, 4),
        Score(POLITIE, 5),
        Score(VZ, 4),
        Score(SCHOOL, 5),
        Score(ED, 5),
        Score("Bram", 4, "Bram: 'Als er geen bier meer in huis is.'"),
        Score("Lieke", 5),
    ),
    actions=(
        Agreed(
            "vz-terug", "Stiefvader terug naar de groep; huisbezoek met verslavingszorg", VZ, 14
        ),
        Agreed("vplan-school2", "Veiligheidsplan met school bespreken", VT, 10),
        Agreed("beraad", "Netwerkberaad plannen met de zus van moeder", WIJKTEAM, 21),
        Agreed("wijkagent", "Wijkagent loopt vaker langs", POLITIE, 60),
    ),
    summary="Terugval dreigt. Verslavingszorg en wijkteam op huisbezoek. Veiligheidsplan "
    "opfrissen.",
    next_in_days=42,
)

FAMILY = DemoFamily(
    alias="Familie D.",
    profile="langdurige zorg",
    about="Acht jaar onveiligheid, drank, schulden, zorgmijding. MDA++; terug in fase 1.",
    regie="Wijkteam, MDA++-casusregisseur G.",
    members=(
        FamilyMember(
            "moeder",
            MemberRole.OUDER,
            position=Position.SLACHTOFFER,
            note="Vermoeden licht verstandelijke beperking (LVB): korte zinnen, één ding "
            "tegelijk, op papier meegeven.",
        ),
        FamilyMember(
            "stiefvader",
            MemberRole.PARTNER,
            position=Position.PLEGER,
            note="Het geweld begint steeds als hij drinkt.",
        ),
        FamilyMember(
            "Bram",
            MemberRole.KIND,
            13,
            position=Position.KIND,
            note="Zorgt voor zijn zusjes als het thuis misgaat: let op overbelasting.",
        ),
        FamilyMember("Lieke", MemberRole.KIND, 7, position=Position.KIND),
        FamilyMember("Roos", MemberRole.KIND, 3, position=Position.KIND),
    ),
    partners=(
        Partner(VT, "casusregisseur V."),
        Partner(WIJKTEAM, "MDA++-casusregisseur G."),
        Partner(JB, "jeugdbeschermer S."),
        Partner(POLITIE, "wijkagent D."),
        Partner(VZ, "behandelaar O.", linked_to=("stiefvader",)),
        Partner(ED, "ervaringsdeskundige W.", linked_to=("moeder",)),
        Partner(SCHOOL, "intern begeleider"),
    ),
    meetings=(FIRST, SECOND, THIRD, FOURTH, FIFTH),
    # Moeder calls her sister when he drinks; stiefvader must not know the plan (default).
    plan_audiences=(PlanAudienceChoice(PlanKind.VEILIGHEIDSPLAN, ("zus van moeder",)),),
    plans=(
        PlanEvent(PlanKind.VEILIGHEIDSPLAN, "versie 1", 240, ((VT, 240), (WIJKTEAM, 240))),
        PlanEvent(
            PlanKind.VEILIGHEIDSPLAN,
            "versie 2",
            150,
            ((VT, 150), (WIJKTEAM, 150), (JB, 148), ("moeder", 146), (POLITIE, 120)),
        ),
        PlanEvent(
            PlanKind.HULPVERLENINGSPLAN,
            "versie 1",
            148,
            ((WIJKTEAM, 148), (JB, 140), ("moeder", 140)),
        ),
    ),
    interim=(
        InterimPhaseChange(
            9,
            Phase.DIRECTE_VEILIGHEID,
            "Politie na melding van de buren: stiefvader dronken, duwde moeder, Bram kwam "
            "ertussen. Tijdelijk huisverbod voor stiefvader.",
        ),
    ),
)
