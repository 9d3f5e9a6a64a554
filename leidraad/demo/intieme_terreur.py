"""Gezin A.: intieme terreur. Control and threats by the father, a tijdelijk huisverbod, stalking.

Still in directe veiligheid after two meetings: the contactverbod is not yet kept.
Shows who may read what: the father is the pleger, the mother the slachtoffer,
the children witnesses. Only the mother is invited to the table: sitting
together is not safe, so the reclassering hears the father apart. It works with
the father, so neither his version nor the reclassering's gets her words, her
score, her plan or the children's words; what concerns her safety is marked
"niet voor vader".
"""

from __future__ import annotations

from leidraad.core.audience import Restriction
from leidraad.core.domain import (
    Attendance,
    FamilyMember,
    MemberRole,
    Partner,
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
    PlanAudienceChoice,
    PlanEvent,
    Review,
    Said,
    Score,
    Voice,
    Worry,
)

VT, POLITIE, OM = "Veilig Thuis", "Politie", "Openbaar Ministerie"
RECLASSERING, SHG, SCHOOL = "Reclassering", "Specialistische hulp huiselijk geweld", "School"

FIRST = DemoMeeting(
    days_ago=41,
    purpose=(
        "Na het incident van vorige week en het tijdelijk huisverbod samen zien hoe veilig "
        "moeder, Noor en Daan nu zijn, en afspraken maken voor als het huisverbod afloopt."
    ),
    invited=("moeder",),  # not vader: not safe together (dreiging en controle)
    attendance=((OM, Attendance.TELEFONISCH),),
    voices=(
        Voice(
            "moeder",
            seat="naast de casusregisseur, dicht bij de deur",
            timeout_sign="hand omhoog",
            topics="Dat ze de kinderen wil beschermen. Dat ze bang is voor als het huisverbod "
            "afloopt.",
            inform_by=VT,
            inform_days=0,
        ),
        Voice(
            "vader",
            hearing=HearingMode.CASUSREGISSEUR,
            voiced_by="reclasseringswerker M.",
            topics="Vindt het huisverbod onterecht. Wil zijn kinderen zien.",
            professional_note="Niet samen met moeder aan tafel: dreiging en controle. "
            "Reclassering spreekt hem apart.",
            inform_by=RECLASSERING,
            inform_days=1,
        ),
        Voice(
            "Noor",
            heard="Noor ging onder haar bed liggen tijdens de ruzie. Ze wil dat papa stopt met "
            "boos worden, en ze mist hem ook.",
            heard_where="op school, met de intern begeleider erbij",
            inform_by=VT,
            inform_how=InformHow.OP_SCHOOL,
            inform_not_for=("vader",),
            inform_days=3,
        ),
        Voice(
            "Daan",
            heard="Daan wilde niet over thuis praten. Hij tekende een huis met een grote wolk "
            "erboven.",
            heard_where="thuis, met moeder in de kamer ernaast",
            inform_by="moeder",
            inform_how=InformHow.GESPREK,
            inform_not_for=("vader",),
            inform_days=3,
        ),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Vorige week belde moeder 112: vader duwde haar tegen de muur en dreigde haar "
            "'iets aan te doen' als ze weggaat. Noor en Daan waren thuis. De burgemeester "
            "legde een tijdelijk huisverbod op van 10 dagen. Grootste zorg: wat er gebeurt als "
            "het huisverbod afloopt.",
        ),
        Said(
            "dv-beeld-feiten",
            "Politie: 4 meldingen in 2 jaar, 2 keer zonder aangifte. VT: eerdere melding van "
            "school, Noor vertelde over ruzies. Vader heeft in een eerdere relatie een "
            "toezicht van de reclassering gehad na bedreiging.",
            restriction=Restriction.professionals(),
        ),
        Said(
            "dv-beeld-patroon",
            "Volgens moeder al 6 jaar: vader controleert haar telefoon en haar bankrekening, ze "
            "mag niet alleen naar haar familie. Vaker dreigen dan slaan. Het wordt erger sinds "
            "zij over scheiden begon. RIHG door VT: hoog risico.",
        ),
        Said(
            "dv-beeld-kinderen",
            "Noor (9) en Daan (6) waren thuis bij het incident. School ziet Noor stiller "
            "worden; Daan plast weer in bed. De kinderen wonen bij moeder.",
        ),
        Said(
            "dv-beeld-beschermend",
            "Moeder zocht zelf hulp en wil de kinderen beschermen. Haar zus woont dichtbij en "
            "weet ervan; de kinderen kunnen daar terecht. School let goed op.",
        ),
        Said(
            "dv-beeld-clienten",
            "Ik wil dat hij ons met rust laat. Ik ben niet bang voor mezelf, wel voor wat de "
            "kinderen zien.",
            speaker="moeder",
        ),
        Said(
            "dv-oordeel-samen",
            "Moeder en de kinderen zijn niet veilig zodra het huisverbod afloopt. Het past bij "
            "intieme terreur: controle en angst, niet alleen ruzie. Het moment van scheiden is "
            "het gevaarlijkst.",
        ),
        Said(
            "dv-oordeel-risico",
            "Groot. De dreigementen zijn concreet, het geweld neemt toe en vader aanvaardt de "
            "scheiding niet. Politie neemt de SASH af voor het risico op stalking.",
        ),
        Said(
            "dv-oordeel-nodig",
            "Huisverbod verlengen naar 28 dagen. Contactverbod via het strafrechtelijk traject. "
            "Veiligheidsplan met moeder, ook wat de kinderen doen als het misgaat. Vader krijgt "
            "een aanbod via de reclassering.",
        ),
        Said(
            "dv-oordeel-zorg-straf",
            "Straf zet grenzen (contactverbod, toezicht), zorg helpt moeder en kinderen, de "
            "gemeente verlengt het huisverbod. OM meldt aan VT als voorwaarden veranderen.",
        ),
        Said("dv-oordeel-fase", "Duidelijk fase 1: eerst directe veiligheid."),
        Said(
            "dv-besluit-prioriteit",
            "1. verlenging huisverbod, 2. veiligheidsplan, 3. contactverbod. Hulp voor de "
            "kinderen bij wat ze meemaakten kan wachten tot het rustig is.",
        ),
        Said("dv-besluit-regie", "Regie bij Veilig Thuis; casusregisseur E. is het aanspreekpunt."),
        Said(
            "dv-besluit-veiligheidsplan",
            "Wat moeder doet bij dreiging, codewoord met haar zus, noodnummers, en school weet "
            "wie de kinderen mag ophalen (niet vader). Alle partners krijgen het plan, behalve "
            "de reclassering: die werkt met vader.",
        ),
        Said(
            "dv-besluit-clienten",
            "Casusregisseur belt moeder vanavond. Reclassering spreekt vader morgen.",
        ),
    ),
    worries=(
        Worry(
            "dv-oordeel-risico",
            (
                (
                    "zc-grootste-zorg",
                    "Dat vader na het huisverbod terugkomt en moeder ernstig verwondt.",
                ),
                (
                    "zc-basis",
                    "Eerdere dreigingen, het geweld neemt toe, en hij zei dat ze 'niet weg mag'.",
                ),
                ("zc-nu", "Verlenging huisverbod aanvragen voor vrijdag; veiligheidsplan."),
                ("zc-later", "Omgang van vader met de kinderen; hulp voor de kinderen."),
                ("zc-wie", "Politie, gemeente (burgemeester), OM en Veilig Thuis."),
            ),
        ),
    ),
    scores=(
        Score("moeder", 3, "Als het huisverbod verlengd wordt en hij niet meer bij school komt."),
        Score(VT, 2, "Een veiligheidsplan dat moeder en school kennen.", not_for=("vader",)),
        Score(POLITIE, 2, "Verlenging van het huisverbod."),
        Score(OM, 3),
        Score(RECLASSERING, 3, "Als vader meewerkt aan een gesprek."),
        Score(SHG, 3),
        Score(SCHOOL, 4),
        Score("Noor", 3, "Noor: 'Als papa niet meer boos wordt.'"),
        Score("Daan", 4),
    ),
    actions=(
        Agreed(
            "huisverbod",
            "Verlenging tijdelijk huisverbod naar 28 dagen aanvragen bij de burgemeester",
            POLITIE,
            3,
        ),
        Agreed(
            "vplan",
            "Veiligheidsplan maken met moeder, met codewoord en noodnummers",
            VT,
            7,
            not_for=("vader",),
        ),
        Agreed(
            "sash",
            "SASH afnemen: hoe groot is het risico op stalking?",
            POLITIE,
            10,
            not_for=("vader",),
        ),
        Agreed("school", "School vertellen wie de kinderen mag ophalen", VT, 3, not_for=("vader",)),
        Agreed(
            "vader",
            "Gesprek met vader over hulp bij zijn geweld en over de voorwaarden",
            RECLASSERING,
            14,
        ),
        Agreed("intake", "Intake specialistische hulp voor moeder", SHG, 14, not_for=("vader",)),
        Agreed(
            "contactverbod",
            "Contactverbod als bijzondere voorwaarde voorleggen aan de officier van justitie",
            OM,
            14,
            not_for=("vader",),
        ),
    ),
    timeout_minutes=8,
    summary=(  # every version gets the summary: what protects moeder is in the marked parts
        "Het huisverbod wordt verlengd. Vader krijgt een aanbod via de reclassering. Fase 1: "
        "eerst directe veiligheid."
    ),
    aftercare="Casusregisseur belt moeder vanavond na 19.00 uur, als de kinderen slapen.",
    aftercare_not_for=("vader",),
    next_in_days=28,
)

SECOND = DemoMeeting(
    days_ago=13,
    purpose="Kijken hoe het gaat nu het huisverbod voorbij is, en wat er nu nodig is.",
    invited=("moeder",),
    voices=(
        Voice(
            "moeder",
            seat="zelfde plek als vorige keer",
            timeout_sign="hand omhoog",
            topics="De berichten van vader. Of de kinderen hun vader later mogen zien.",
            inform_by=VT,
            inform_days=None,
        ),
        Voice(
            "vader",
            hearing=HearingMode.CASUSREGISSEUR,
            voiced_by="reclasseringswerker M.",
            topics="Wil omgang met de kinderen. Zegt dat hij geen berichten stuurt.",
            inform_by=RECLASSERING,
            inform_days=None,
        ),
        Voice(
            "Noor",
            heard="'Ik wil niet dat papa bij school staat.' Ze slaapt beter.",
            heard_where="op school",
            inform_by=VT,
            inform_how=InformHow.OP_SCHOOL,
            inform_not_for=("vader",),
            inform_days=None,
        ),
        Voice(
            "Daan",
            heard="Daan wil papa een tekening geven. Vraagt of papa nog boos is.",
            heard_where="thuis",
            inform_by="moeder",
            inform_how=InformHow.GESPREK,
            inform_not_for=("vader",),
            inform_days=None,
        ),
    ),
    reviews=(
        Review("huisverbod", Outcome.GEDAAN, "verlengd tot 28 dagen"),
        Review("vplan", Outcome.GEDAAN, "versie 1 klaar; moeder en school hebben het"),
        Review("sash", Outcome.GEDAAN, "hoog risico op stalking"),
        Review("school", Outcome.GEDAAN),
        Review("vader", Outcome.DEELS, "eerste afspraak niet gekomen, tweede wel"),
        Review("intake", Outcome.GEDAAN, "wekelijkse gesprekken gestart"),
        Review("contactverbod", Outcome.GEDAAN, "contactverbod en verbod om bij school te komen"),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Vader is twee keer gezien bij de school, ondanks het verbod. Moeder kreeg meer dan "
            "30 berichten van een nieuw nummer. Geen lichamelijk geweld sinds het huisverbod.",
        ),
        Said(
            "dv-beeld-feiten",
            "Politie onderzoekt van wie het nieuwe nummer is; dit niet met het gezin delen.",
            restriction=Restriction.only_for(POLITIE),
        ),
        Said(
            "dv-beeld-kinderen",
            "Noor slaapt beter, maar schrikt van auto's die op die van papa lijken. Daan vraagt "
            "naar papa. Noor praat op school met de intern begeleider.",
            not_for=("vader",),
        ),
        Said(
            "dv-beeld-geprobeerd",
            "Veiligheidsplan versie 1 werkt: moeder belde de wijkagent toen vader bij school "
            "stond. Het codewoord met haar zus is één keer gebruikt.",
        ),
        Said(
            "dv-beeld-clienten",
            "Het voelt rustiger in huis, maar ik kijk steeds over mijn schouder.",
            speaker="moeder",
        ),
        Said(
            "dv-oordeel-risico",
            "Stalking neemt toe; de SASH geeft hoog risico. De kans op nieuw geweld blijft groot "
            "zolang vader het contactverbod overtreedt.",
        ),
        Said(
            "dv-oordeel-zicht",
            "Beter dan vorige keer: school, politie en reclassering melden direct aan de "
            "casusregisseur. Afspraak: elke overtreding binnen 24 uur naar VT.",
        ),
        Said(
            "dv-oordeel-fase",
            "Nog fase 1. Pas naar stabiele veiligheid als vader zich minstens twee maanden aan "
            "het contactverbod houdt.",
        ),
        Said(
            "dv-besluit-prioriteit",
            "De stalking stoppen: OM toetst de overtredingen. Omgang vader met de kinderen pas "
            "na advies van de Raad voor de Kinderbescherming, nu niet.",
        ),
        Said(
            "dv-besluit-veiligheidsplan",
            "Versie 2: nieuw telefoonnummer moeder, wisselende route naar school, tante haalt op "
            "dinsdag en donderdag. Het OM kent het nog niet. De reclassering krijgt het niet: "
            "die werkt met vader.",
        ),
        Said(
            "cs-weten",
            "Ik ga niet terug. Ik wil wel dat de kinderen hun vader later weer kunnen zien, "
            "maar veilig.",
            speaker="moeder",
        ),
        Said(
            "cs-nodig",
            "Ik stuur haar geen berichten. Ik wil gewoon mijn kinderen weer zien.",
            speaker="vader",
        ),
        Said("cs-kind-verteld", "'Ik wil niet dat papa bij school staat.'", speaker="Noor"),
    ),
    scores=(
        Score("moeder", 4, "Als hij echt wegblijft bij school en de berichten stoppen."),
        Score("vader", 7, "Vader: 'Als ik mijn kinderen weer mag zien.'"),
        Score(VT, 4),
        Score(POLITIE, 3, "Als het contactverbod wordt nageleefd."),
        Score(OM, 4),
        Score(RECLASSERING, 3),
        Score(
            SHG,
            4,
            "Moeder heeft een vaste plek om haar verhaal kwijt te kunnen.",
            not_for=("vader",),
        ),
        Score(SCHOOL, 5),
        Score("Noor", 4, "Noor: 'Als papa niet meer bij school komt.'"),
        Score("Daan", 5),
    ),
    actions=(
        Agreed(
            "overtreding",
            "Overtredingen van de bijzondere voorwaarden voorleggen aan de officier van justitie",
            OM,
            14,
            not_for=("vader",),
        ),
        Agreed("vplan2", "Veiligheidsplan versie 2 naar het OM sturen", VT, 5, not_for=("vader",)),
        Agreed(
            "raad",
            "Advies vragen aan de Raad voor de Kinderbescherming over omgang met vader",
            VT,
            21,
        ),
        Agreed(
            "pleger",
            "Met vader een training over agressie en controle bespreken",
            RECLASSERING,
            21,
        ),
        Agreed(
            "kindergroep",
            "Noor en Daan aanmelden voor een groep voor kinderen na huiselijk geweld",
            SHG,
            30,
            Priority.LATER,
            not_for=("vader",),
        ),
    ),
    summary=(
        "Nog fase 1: vader houdt zich niet aan het contactverbod. Geen omgang met de kinderen "
        "tot het advies van de Raad voor de Kinderbescherming. Vader krijgt een training "
        "aangeboden via de reclassering."
    ),
    aftercare="Casusregisseur belt moeder morgen; reclassering spreekt vader deze week.",
    aftercare_not_for=("vader",),
    next_in_days=28,
)

FAMILY = DemoFamily(
    alias="Gezin A.",
    profile="intieme terreur",
    about="Controle en dreiging door vader, tijdelijk huisverbod, daarna stalking. Fase 1.",
    regie="Veilig Thuis, casusregisseur E.",
    members=(
        FamilyMember(
            "moeder",
            MemberRole.OUDER,
            position=Position.SLACHTOFFER,
            note="Bellen na 19.00 uur, als de kinderen slapen.",
        ),
        FamilyMember(
            "vader",
            MemberRole.PARTNER,
            position=Position.PLEGER,
            note="Eerder toezicht van de reclassering na bedreiging van een ex-partner.",
        ),
        FamilyMember("Noor", MemberRole.KIND, 9, position=Position.KIND),
        FamilyMember("Daan", MemberRole.KIND, 6, position=Position.KIND),
    ),
    partners=(
        Partner(VT, "casusregisseur E."),
        Partner(POLITIE, "wijkagent T."),
        Partner(OM, "parketsecretaris R."),
        Partner(RECLASSERING, "reclasseringswerker M.", linked_to=("vader",)),
        Partner(SHG, "hulpverlener J.", linked_to=("moeder",)),
        Partner(SCHOOL, "intern begeleider"),
    ),
    meetings=(FIRST, SECOND),
    plans=(
        PlanEvent(
            PlanKind.VEILIGHEIDSPLAN,
            "versie 1",
            35,
            (
                (VT, 35),
                ("moeder", 35),
                (POLITIE, 34),
                (SCHOOL, 33),
                (SHG, 30),
                ("zus van moeder", 35),
            ),
        ),
        PlanEvent(
            PlanKind.VEILIGHEIDSPLAN,
            "versie 2",
            12,
            ((VT, 12), ("moeder", 12), (POLITIE, 11), (SCHOOL, 10), ("zus van moeder", 12)),
        ),
    ),
    # The codeword is with her sister; vader must not know the plan (the default).
    plan_audiences=(PlanAudienceChoice(PlanKind.VEILIGHEIDSPLAN, ("zus van moeder",)),),
)
