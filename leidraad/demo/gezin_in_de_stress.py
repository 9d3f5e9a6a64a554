"""Gezin B.: gezin in de stress. Debts and job loss; both parents shout and push.

Moved to stabiele veiligheid in the second meeting; the debts are the main risk now.
Both parents are "slachtoffer én pleger" and sit at the table together, a decision
recorded at every meeting. The defaults keep each parent's words and the
veiligheidsplan from the other; the plan, made with both, is shared with both, and
Sem agreed that his parents may read what he said last time.
"""

from __future__ import annotations

from leidraad.core.domain import FamilyMember, MemberRole, Partner, Phase, Position, Priority
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

VT, WIJKTEAM, GEMEENTE, POLITIE, SCHOOL = (
    "Veilig Thuis",
    "Wijkteam",
    "Gemeente",
    "Politie",
    "School",
)
PARENTS = ("moeder", "vader")  # the plan is made with both: shared with both


def _parents(topics_mother: str, topics_father: str, days: int | None = 2) -> tuple[Voice, Voice]:
    return (
        Voice(
            "moeder",
            seat="naast vader, tegenover de wijkteamcoach",
            timeout_sign="zegt 'pauze'",
            topics=topics_mother,
            inform_by=WIJKTEAM,
            inform_how=InformHow.HUISBEZOEK,
            inform_days=days,
        ),
        Voice(
            "vader",
            seat="naast moeder, aan de kant van het raam",
            timeout_sign="staat op en loopt naar de gang",
            topics=topics_father,
            inform_by=WIJKTEAM,
            inform_how=InformHow.HUISBEZOEK,
            inform_days=days,
        ),
    )


FIRST = DemoMeeting(
    days_ago=96,
    invited=PARENTS,
    together_safe=True,  # geen controle of dreiging; samen aan tafel willen ze zelf
    purpose=(
        "De politie kwam twee keer na ruzie. Samen met de ouders begrijpen wat er speelt en "
        "afspreken wat er nu nodig is om de ruzies te stoppen."
    ),
    voices=(
        *_parents(
            "Schaamte over de politie aan de deur. De schulden.",
            "Hij wil werk. Hij wil niet dat de kinderen uit huis gaan.",
        ),
        Voice(
            "Sem",
            heard="Sem ging tussen zijn ouders staan om ze uit elkaar te halen. 'Ik let op Mila "
            "als ze ruzie maken.'",
            heard_where="op school",
            inform_by=VT,
            inform_how=InformHow.OP_SCHOOL,
            inform_days=4,
        ),
        Voice(
            "Mila",
            heard="Te jong om zelf te vertellen. Op de opvang is ze snel bang bij harde geluiden.",
            heard_where="gesprek met de pedagogisch medewerker van de opvang",
            inform_days=None,
        ),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Twee keer politie na een melding van de buren: harde ruzie, over en weer duwen, "
            "een kapotte deur. Sem (11) ging ertussen staan. Mila (4) was erbij.",
        ),
        Said(
            "dv-beeld-feiten",
            "Vader is 8 maanden geleden zijn baan kwijtgeraakt. Huurachterstand van 4 maanden; "
            "de corporatie dreigt met ontruiming. Geen eerdere meldingen bij VT.",
        ),
        Said(
            "dv-beeld-patroon",
            "Ruzie ontstaat bij geldzorgen en als er brieven van incasso komen. Beide ouders "
            "schreeuwen en duwen. Geen controle of dreiging buiten de ruzies om.",
        ),
        Said(
            "dv-beeld-beschermend",
            "Ouders schrikken zelf van wat er gebeurt en willen hulp. Oma komt elke woensdag.",
        ),
        Said(
            "dv-beeld-clienten",
            "Ik schaam me. We houden van elkaar, maar het geld maakt ons gek.",
            speaker="moeder",
        ),
        Said(
            "dv-oordeel-risico",
            "RIHG: middelhoog. Het geweld hangt samen met stress; de kans op herhaling blijft "
            "zolang de schulden oplopen.",
        ),
        Said(
            "dv-oordeel-nodig",
            "Time-out afspraak tussen de ouders, snel schuldhulp, en de huur veilig stellen. "
            "Sem moet niet meer tussen zijn ouders hoeven te staan.",
            shared_with=PARENTS,
        ),
        Said(
            "dv-oordeel-ouders",
            "Allebei willen ze meedoen. Vader wil liever geen hulp 'van buiten', maar wel "
            "schuldhulp.",
        ),
        Said(
            "dv-besluit-prioriteit",
            "Nu: veiligheidsplan met time-out, aanmelding schuldhulp, betalingsregeling huur. "
            "Later: werk voor vader.",
        ),
        Said(
            "dv-besluit-veiligheidsplan",
            "Time-out: wie boos wordt, gaat een blokje om. Sem belt oma als het toch misgaat. "
            "Alle partners aan tafel krijgen het, en beide ouders.",
            shared_with=PARENTS,
        ),
    ),
    scores=(
        Score("moeder", 4, "Als er een regeling is voor de huur."),
        Score("vader", 5, "Als ik werk heb."),
        Score(VT, 3),
        Score(WIJKTEAM, 4),
        Score(POLITIE, 4),
        Score(SCHOOL, 5),
        Score("Sem", 3, "Sem: 'Als ze niet meer schreeuwen.'"),
        Score("Mila", None),
    ),
    actions=(
        Agreed("vplan", "Veiligheidsplan met time-out afspraak opstellen met beide ouders", VT, 7),
        Agreed("schuldhulp", "Aanmelden bij schuldhulpverlening", GEMEENTE, 7),
        Agreed("huur", "Betalingsregeling huurachterstand met de corporatie", WIJKTEAM, 14),
        Agreed("sem", "Sem een vertrouwenspersoon op school geven", SCHOOL, 14),
        Agreed("werk", "Vader in contact brengen met een werkcoach", WIJKTEAM, 28, Priority.LATER),
    ),
    summary=(
        "Time-out afspraak en veiligheidsplan deze week. Schuldhulp en een regeling voor de huur "
        "gaan nu voor. Sem krijgt iemand op school bij wie hij terecht kan."
    ),
    next_in_days=35,
)

SECOND = DemoMeeting(
    days_ago=61,
    invited=PARENTS,
    together_safe=True,
    purpose="Kijken of de time-out afspraak werkt en of het gezin toe is aan fase 2.",
    voices=_parents(
        "Dat het beter gaat. De stress over geld blijft.",
        "Dat hij zich aan de time-out houdt.",
    ),
    reviews=(
        Review("vplan", Outcome.GEDAAN, "door beide ouders getekend"),
        Review("schuldhulp", Outcome.GEDAAN, "intake geweest, budgetcoach gestart"),
        Review("huur", Outcome.DEELS, "regeling voorgesteld, corporatie moet nog akkoord geven"),
        Review("sem", Outcome.GEDAAN, "de mentor"),
        Review("werk", None, "nog niet aan toegekomen"),
    ),
    answers=(
        Said(
            "dv-beeld-zorgen",
            "Geen politie meer sinds het vorige overleg. Eén keer een harde ruzie; vader ging "
            "toen naar buiten, zoals afgesproken.",
        ),
        Said(
            "dv-beeld-geprobeerd",
            "De time-out afspraak werkt: 3 keer gebruikt. Sem heeft oma niet hoeven bellen.",
            shared_with=PARENTS,
        ),
        Said(
            "dv-beeld-clienten",
            "Het gaat beter. We praten nu eerst, en dan pas ruzie.",
            speaker="vader",
        ),
        Said(
            "dv-oordeel-zicht",
            "Ja: wijkteam komt elke week, school en opvang melden wat ze zien.",
        ),
        Said(
            "dv-oordeel-fase",
            "De directe veiligheid is er nu. Tijd om de oorzaken aan te pakken: schulden, werk en "
            "stress in de opvoeding. Door naar stabiele veiligheid.",
        ),
        Said(
            "dv-besluit-prioriteit",
            "Schulden stabiel krijgen; ouders leren samen de spanning eruit te halen.",
        ),
    ),
    scores=(
        Score("moeder", 6, "Als de corporatie ja zegt."),
        Score("vader", 6),
        Score(VT, 5),
        Score(WIJKTEAM, 6),
        Score(GEMEENTE, 5),
        Score(POLITIE, 6),
        Score(SCHOOL, 5),
        Score("Sem", 5, "Sem: 'Het is stiller thuis.'"),
    ),
    actions=(
        Agreed("systeem", "Gesprekken met beide ouders over stress en ruzie", WIJKTEAM, 21),
        Agreed("budget", "Budgetbeheer aanvragen", GEMEENTE, 14),
        Agreed("opvoeding", "Opvoedondersteuning voor Mila's driftbuien", WIJKTEAM, 28),
    ),
    phase_decision=PhaseDecision(
        Phase.STABIELE_VEILIGHEID,
        "Geen geweld en geen politie in 5 weken. Ouders houden zich aan de time-out afspraak. "
        "Nu de oorzaken: schulden en stress.",
    ),
    summary=(
        "Door naar fase 2, stabiele veiligheid. Hulpverleningsplan: schulden, gesprekken met de "
        "ouders, opvoedondersteuning. Het veiligheidsplan blijft gelden."
    ),
    next_in_days=42,
)

THIRD = DemoMeeting(
    days_ago=20,
    invited=PARENTS,
    together_safe=True,
    purpose="Zien of de hulp de stress vermindert, en wat er nog nodig is.",
    voices=_parents(
        "Ze wil weer gaan werken als Mila naar school gaat.",
        "Hij heeft een gesprek met een werkcoach gehad.",
        days=None,
    ),
    reviews=(
        Review("huur", Outcome.GEDAAN, "regeling loopt, 2 termijnen betaald"),
        Review("werk", Outcome.GEDAAN, "eerste gesprek geweest"),
        Review("systeem", Outcome.GEDAAN, "4 van de 8 gesprekken geweest"),
        Review("budget", Outcome.NIET_GEDAAN, "formulier kwijt; moeder vult het opnieuw in"),
        Review("opvoeding", Outcome.DEELS, "op de wachtlijst"),
    ),
    answers=(
        Said(
            "sv-beeld-stand",
            "Rustig. Geen politie, geen meldingen. Eén ruzie over geld; die bleef bij woorden.",
        ),
        Said(
            "sv-beeld-problemen",
            "Schulden ongeveer 18.000 euro, nu in een traject. Vader werkloos. Kleine woning.",
        ),
        Said(
            "sv-beeld-opvoeding",
            "Sem doet het beter op school. Mila heeft driftbuien; moeder weet dan niet wat ze "
            "moet doen.",
        ),
        Said("sv-beeld-krachten", "Ouders zoeken elkaar op, ook als het moeilijk is. Oma helpt."),
        Said(
            "sv-beeld-clienten",
            "Het grootste probleem is geld. Als dat rustig is, zijn wij ook rustig.",
            speaker="vader",
        ),
        Said(
            "sv-oordeel-risicofactoren",
            "Schulden en werkloosheid; stress in de opvoeding van een jong kind; weinig ruimte "
            "in huis.",
        ),
        Said(
            "sv-oordeel-profiel",
            "Gezin in de stress: het geweld komt voort uit opgestapelde stress, beide ouders doen "
            "mee, geen patroon van controle. De aanpak: stress verminderen en samen leren "
            "de-escaleren. Strafrecht is hier niet nodig.",
        ),
        Said(
            "sv-oordeel-volgorde",
            "Eerst de schulden en het budgetbeheer, dan werk voor vader. De opvoedhulp kan "
            "tegelijk.",
        ),
        Said(
            "sv-oordeel-directe-veiligheid",
            "Ja, voldoende. Het veiligheidsplan werkt en iedereen kent het.",
        ),
        Said(
            "sv-oordeel-fase",
            "Nog niet naar herstel: eerst moeten de schulden een half jaar stabiel zijn.",
        ),
        Said(
            "sv-besluit-prioriteit",
            "Budgetbeheer nu echt regelen: het staat nog open. Werk voor vader.",
        ),
        Said(
            "sv-besluit-regie",
            "Regie gaat van Veilig Thuis naar het wijkteam; VT blijft tot het volgende overleg "
            "meelezen.",
        ),
    ),
    scores=(
        Score("moeder", 7, "Als ik zelf weer een inkomen heb."),
        Score("vader", 7, "Werk."),
        Score(VT, 6),
        Score(WIJKTEAM, 7),
        Score(GEMEENTE, 6, "Als het budgetbeheer loopt."),
        Score(POLITIE, 7),
        Score(SCHOOL, 6),
        Score("Sem", 6, "Sem: 'Papa en mama lachen weer.'", shared_with=PARENTS),  # Sem wil het
    ),
    actions=(
        Agreed("werkcoach", "Vader: traject naar werk met de werkcoach", WIJKTEAM, 42),
        Agreed("overdracht", "Regie overdragen van Veilig Thuis aan het wijkteam", VT, 30),
    ),
    summary=(
        "Fase 2 gaat goed. Budgetbeheer nu echt regelen. Regie gaat naar het wijkteam. Volgende "
        "keer kijken we of de schulden stabiel zijn."
    ),
    next_in_days=42,
)

FAMILY = DemoFamily(
    alias="Gezin B.",
    profile="gezin in de stress",
    about="Schulden en werkloosheid; beide ouders schreeuwen en duwen. Nu fase 2.",
    regie="Veilig Thuis, daarna het wijkteam",
    members=(
        FamilyMember("moeder", MemberRole.OUDER, position=Position.BEIDE),
        FamilyMember("vader", MemberRole.OUDER, position=Position.BEIDE),
        FamilyMember(
            "Sem",
            MemberRole.KIND,
            11,
            position=Position.KIND,
            note="Gaat tussen zijn ouders staan en let op Mila: te veel verantwoordelijkheid.",
        ),
        FamilyMember("Mila", MemberRole.KIND, 4, position=Position.KIND),
    ),
    partners=(
        Partner(VT, "casusregisseur L."),
        Partner(WIJKTEAM, "wijkteamcoach A."),
        Partner(GEMEENTE, "schuldhulpverlener K."),
        Partner(POLITIE, "wijkagent P."),
        Partner(SCHOOL, "mentor van Sem"),
    ),
    meetings=(FIRST, SECOND, THIRD),
    # Both parents made the plan and signed it: nobody is kept from it.
    plan_audiences=(PlanAudienceChoice(PlanKind.VEILIGHEIDSPLAN, must_not=()),),
    plans=(
        PlanEvent(
            PlanKind.VEILIGHEIDSPLAN,
            "versie 1",
            92,
            (
                (VT, 92),
                ("moeder", 92),
                ("vader", 92),
                (WIJKTEAM, 91),
                (GEMEENTE, 90),
                (POLITIE, 90),
                (SCHOOL, 88),
            ),
        ),
        PlanEvent(
            PlanKind.HULPVERLENINGSPLAN,
            "versie 1",
            58,
            ((WIJKTEAM, 58), ("moeder", 55), ("vader", 55), (GEMEENTE, 50), (VT, 58)),
        ),
    ),
)
