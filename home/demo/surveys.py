"""The demo's ISEK survey: every question kind, and a few hundred plausible responses.

The responses are made up from weighted choices (deterministic: the same every run) and
written with `responses_bulk_create`, so seeding stays fast. Idempotent: an existing survey
and existing responses are left as they are.
"""

import random
import secrets
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import format_html

from participation.consultations.models import ConsultationPage
from participation.contributions.models import Participant
from participation.surveys.answers import AnswerValue
from participation.surveys.models import Response, Source, SurveyPage
from participation.surveys.questions import NO_KEY, OTHER_KEY, YES_KEY
from participation.surveys.services import ResponseData, responses_bulk_create

SLUG = "umfrage-ortsteile"
RESPONSES = 300
PAPER = 40
WORKSHOP = 22
ENTERED_BY = "moderation@haldensleben.example"

DISTRICTS = [
    # code, label, weight
    ("kernstadt", "Kernstadt", 40),
    ("althaldensleben", "Althaldensleben", 18),
    ("hundisburg", "Hundisburg", 10),
    ("satuelle", "Satuelle", 6),
    ("uthmoeden", "Uthmöden", 5),
    ("wedringen", "Wedringen", 7),
    ("suelzetal", "Bodendorf und Süplingen", 8),
    ("emden", "Emden", 6),
]
VILLAGES = {"satuelle", "uthmoeden", "wedringen", "suelzetal", "emden", "hundisburg"}
AGE_GROUPS = [
    ("u18", "unter 18 Jahre", 7),
    ("18-29", "18 bis 29 Jahre", 14),
    ("30-44", "30 bis 44 Jahre", 24),
    ("45-64", "45 bis 64 Jahre", 31),
    ("65plus", "65 Jahre und älter", 24),
]
TOPICS = [
    ("einkaufen", "Einkaufen und Nahversorgung"),
    ("aerzte", "Ärztliche Versorgung"),
    ("kita", "Kinderbetreuung und Schulen"),
    ("bus", "Bus und Bahn"),
    ("radwege", "Sichere Radwege"),
    ("gruen", "Grün- und Spielflächen"),
    ("treffpunkte", "Treffpunkte und Vereinsleben"),
    ("internet", "Schnelles Internet"),
]
AGREEMENT = [
    ("voll", "stimme voll zu"),
    ("eher", "stimme eher zu"),
    ("teils", "teils, teils"),
    ("eher-nicht", "stimme eher nicht zu"),
    ("gar-nicht", "stimme gar nicht zu"),
]
STATEMENTS = [
    ("wohlfuehlen", "Ich fühle mich in meinem Ortsteil wohl."),
    ("jugend", "Es gibt genug Angebote für Jugendliche."),
    ("barrierefrei", "Gehwege und Haltestellen sind barrierefrei."),
    ("ohne-auto", "Ich erreiche die Innenstadt gut ohne Auto."),
]
CYCLE_GAPS = [
    ("althaldensleben", "zwischen Kernstadt und Althaldensleben"),
    ("hundisburg", "an der Straße nach Hundisburg"),
    ("bahnhof", "rund um den Bahnhof"),
    ("ohre", "entlang der Ohre"),
]
PRIORITIES = [
    ("innenstadt", "Die Innenstadt beleben"),
    ("rad", "Den Radverkehr stärken"),
    ("wohnen", "Bezahlbaren Wohnraum schaffen"),
    ("gruen", "Grünflächen und Parks pflegen"),
    ("digital", "Digitale Dienste der Verwaltung"),
]
YOUTH = [
    ("juz", "Ein Jugendzentrum mit längeren Öffnungszeiten"),
    ("sport", "Frei zugängliche Sportplätze"),
    ("bus-abends", "Busse am Abend und am Wochenende"),
    ("wlan", "Freies WLAN an Treffpunkten"),
]
FAVOURITE_PLACES = [
    "Der Marktplatz mit dem Roland",
    "Der Schlosspark in Hundisburg",
    "Die Ohre-Promenade",
    "Das Freibad Waldbad",
    "Der Wochenmarkt am Samstag",
    "Der Botanische Garten",
    "Die Kulturfabrik",
    "Der Süplinger Berg",
    "Die Hagenstraße",
    "Der Spielplatz am Stendaler Turm",
    "Die Haldensleber Stadtmauer",
    "Unser Dorfplatz in Satuelle",
]
IDEAS = [
    "Mehr Bänke und Trinkbrunnen in der Innenstadt, gerade für ältere Menschen.",
    "Ein durchgehender Radweg nach Althaldensleben, beleuchtet und vom Autoverkehr getrennt.",
    "Leerstehende Läden in der Hagenstraße für Pop-up-Geschäfte und Vereine öffnen.",
    "Ein Rufbus für die Ortsteile am Abend, damit Jugendliche nicht auf Eltern angewiesen sind.",
    "Den Markt autofrei machen und dafür einen Parkplatz am Rand mit Shuttle anbieten.",
    "Mehr Schatten auf den Spielplätzen, im Sommer ist es dort kaum auszuhalten.",
    "Eine Hausarztpraxis im Ortsteil, wenigstens an zwei Tagen in der Woche.",
    "Öffentliche Toiletten am Bahnhof und am Marktplatz.",
    "Einen Dorfladen mit regionalen Produkten, der auch als Treffpunkt dient.",
    "Die Ohre besser erlebbar machen: ein Steg, Sitzstufen und ein Kanuverleih.",
    "Glasfaser in allen Ortsteilen, damit Homeoffice auch auf dem Dorf klappt.",
    "Sichere Schulwege mit Zebrastreifen vor der Grundschule.",
    "Ein Repair-Café und eine Bibliothek der Dinge im Rathaus-Foyer.",
    "Die Busverbindung nach Magdeburg im Halbstundentakt, auch am Wochenende.",
    "Mehr Blühwiesen statt kurz gemähtem Rasen an den Straßenrändern.",
    "Einen überdachten Fahrradparkplatz am Bahnhof mit Schließfächern.",
    "Sportgeräte für Seniorinnen und Senioren im Stadtpark.",
    "Ein Jugendbeirat, der bei solchen Planungen mitentscheiden darf.",
]


def _id() -> str:
    return str(uuid.uuid4())


def _options(items) -> list[dict]:
    return [
        {"type": "item", "id": _id(), "value": {"label": label, "code": code, "archived": False}}
        for code, label, *_weight in items
    ]


def _question(kind: str, code: str, label: str, **value) -> dict:
    for name in ("options", "statements"):
        if name in value:
            value[name] = _options(value[name])
    return {
        "type": kind,
        "id": _id(),
        "value": {"code": code, "label": label, "condition": value.pop("condition", {}), **value},
    }


def _section(title: str, *questions, description: str = "", condition=None) -> dict:
    return {
        "type": "section",
        "id": _id(),
        "value": {
            "title": title,
            "description": str(format_html("<p>{}</p>", description)) if description else "",
            "condition": condition or {},
            "questions": list(questions),
        },
    }


def _sections() -> list[dict]:
    return [
        _section(
            "Über Sie",
            _question(
                "single_choice",
                "ortsteil",
                "In welchem Ortsteil wohnen Sie?",
                required=True,
                breakdown=True,
                options=DISTRICTS,
            ),
            _question(
                "dropdown",
                "altersgruppe",
                "Wie alt sind Sie?",
                required=True,
                breakdown=True,
                options=AGE_GROUPS,
            ),
            _question(
                "date",
                "zuzug",
                "Seit wann wohnen Sie in Haldensleben?",
                help_text="Ungefähr genügt. Wenn Sie hier geboren sind: Ihr Geburtsdatum "
                "müssen Sie nicht angeben, lassen Sie das Feld dann einfach leer.",
                min_value=date(1930, 1, 1),
            ),
            description="Diese Angaben helfen uns, die Antworten nach Ortsteilen und "
            "Altersgruppen auszuwerten. Sie bleiben anonym.",
        ),
        _section(
            "Ihr Ortsteil",
            _question(
                "multiple_choice",
                "themen",
                "Was ist Ihnen in Ihrem Ortsteil am wichtigsten?",
                help_text="Bitte wählen Sie bis zu drei Themen.",
                required=True,
                min_selections=1,
                max_selections=3,
                allow_other=True,
                other_label="Etwas anderes",
                options=TOPICS,
            ),
            _question(
                "single_choice",
                "radweg_luecke",
                "Wo fehlt ein Radweg am dringendsten?",
                options=CYCLE_GAPS,
                allow_other=True,
                condition={"question": "themen", "operator": "contains", "option": "radwege"},
            ),
            _question(
                "rating",
                "zufriedenheit",
                "Wie zufrieden sind Sie insgesamt mit Ihrem Ortsteil?",
                scale_max="10",
                min_label="gar nicht zufrieden",
                max_label="sehr zufrieden",
                required=True,
            ),
            {
                "type": "text",
                "id": _id(),
                "value": {
                    "text": "<p>Die folgenden Aussagen stammen aus Gesprächen beim "
                    "Auftaktabend in der Kulturfabrik.</p>",
                    "condition": {},
                },
            },
            _question(
                "matrix",
                "aussagen",
                "Wie sehr stimmen Sie diesen Aussagen zu?",
                statements=STATEMENTS,
                options=AGREEMENT,
            ),
        ),
        _section(
            "Unterwegs",
            _question("yes_no", "auto", "Hat Ihr Haushalt ein Auto?", breakdown=False),
            _question(
                "number",
                "arbeitsweg",
                "Wie weit ist Ihr Weg zur Arbeit, Schule oder Ausbildung (einfache Strecke)?",
                help_text="Zum Beispiel 4,5. Wenn Sie keinen solchen Weg haben, lassen Sie das "
                "Feld leer.",
                decimal_places=1,
                min_value=Decimal("0"),
                max_value=Decimal("300"),
                unit="km",
            ),
        ),
        _section(
            "Für junge Menschen",
            _question(
                "multiple_choice",
                "jugend",
                "Was fehlt jungen Menschen in Haldensleben am meisten?",
                options=YOUTH,
                max_selections=2,
            ),
            condition={"question": "altersgruppe", "operator": "is", "option": "u18"},
            description="Diese Fragen sehen nur Teilnehmende unter 18 Jahren.",
        ),
        _section(
            "Prioritäten und Ideen",
            _question(
                "ranking",
                "prioritaeten",
                "Was soll die Stadt in den nächsten zehn Jahren zuerst angehen?",
                options=PRIORITIES,
                required=True,
            ),
            _question(
                "short_text",
                "lieblingsort",
                "Welcher Ort in Haldensleben ist Ihr Lieblingsort?",
                max_length=200,
            ),
            _question(
                "long_text",
                "idee",
                "Haben Sie eine Idee für Ihren Ortsteil?",
                help_text="Bitte keine Namen oder Adressen anderer Personen.",
                max_length=2000,
            ),
        ),
    ]


def _weighted(rng: random.Random, items):
    return rng.choices(items, weights=[item[2] for item in items])[0]


class _Answers:
    """Plausible answers for one made-up person, using the survey's option keys."""

    def __init__(self, survey: SurveyPage, rng: random.Random, today: date):
        self.schema = survey.schema
        self.rng = rng
        self.today = today

    def _question(self, code):
        return self.schema.by_code(code)

    def _key(self, code: str, option_code: str) -> str:
        question = self._question(code)
        return next(option.key for option in question.options if option.code == option_code)

    def make(self) -> dict[str, AnswerValue]:
        rng = self.rng
        district = _weighted(rng, DISTRICTS)[0]
        age = _weighted(rng, AGE_GROUPS)[0]
        village = district in VILLAGES
        answers = {
            self._question("ortsteil").key: AnswerValue(options=(self._key("ortsteil", district),)),
            self._question("altersgruppe").key: AnswerValue(
                options=(self._key("altersgruppe", age),)
            ),
        }
        if rng.random() < 0.55:
            years = rng.randint(1, 60 if age in ("45-64", "65plus") else 15)
            moved = self.today - timedelta(days=365 * years + rng.randint(0, 364))
            answers[self._question("zuzug").key] = AnswerValue(date=moved)

        weights = {
            "einkaufen": 6 if village else 3,
            "aerzte": 5 if age == "65plus" else 3,
            "kita": 5 if age in ("30-44",) else 1,
            "bus": 5 if village or age in ("u18", "65plus") else 2,
            "radwege": 4,
            "gruen": 3 if village else 5,
            "treffpunkte": 4 if age in ("u18", "18-29") else 2,
            "internet": 5 if village else 2,
        }
        codes = list(weights)
        count = rng.choice([1, 2, 3, 3, 3])
        chosen: list[str] = []
        while len(chosen) < count:
            pick = rng.choices(codes, weights=[weights[code] for code in codes])[0]
            if pick not in chosen:
                chosen.append(pick)
        topic_keys = [self._key("themen", code) for code in chosen]
        other = ""
        if rng.random() < 0.06 and len(topic_keys) < 3:
            topic_keys.append(OTHER_KEY)
            other = rng.choice(
                ["Sauberkeit", "Hundewiese", "Straßenbeleuchtung", "Parkplätze am Bahnhof"]
            )
        answers[self._question("themen").key] = AnswerValue(options=tuple(topic_keys), other=other)
        if "radwege" in chosen and rng.random() < 0.85:
            gap = rng.choice(CYCLE_GAPS if village else CYCLE_GAPS[1:])[0]
            answers[self._question("radweg_luecke").key] = AnswerValue(
                options=(self._key("radweg_luecke", gap),)
            )

        base = 7 if village else 6
        rating = max(1, min(10, round(rng.gauss(base, 1.8))))
        answers[self._question("zufriedenheit").key] = AnswerValue(number=Decimal(rating))

        if rng.random() < 0.9:
            matrix = self._question("aussagen")
            scale = [option.key for option in matrix.options]
            leanings = {
                "wohlfuehlen": 1,
                "jugend": 3,
                "barrierefrei": 2,
                "ohne-auto": 3 if village else 1,
            }
            rows = {}
            for row in matrix.rows:
                centre = leanings[row.code]
                rows[row.key] = scale[max(0, min(4, round(rng.gauss(centre, 1))))]
            answers[matrix.key] = AnswerValue(rows=rows)

        if rng.random() < 0.93:
            has_car = rng.random() < (0.9 if village else 0.7)
            answers[self._question("auto").key] = AnswerValue(
                options=(YES_KEY if has_car else NO_KEY,)
            )
        if age != "65plus" and rng.random() < 0.7:
            km = Decimal(str(round(rng.lognormvariate(2.0 if village else 1.3, 0.7), 1)))
            answers[self._question("arbeitsweg").key] = AnswerValue(number=min(km, Decimal(300)))

        if age == "u18" and rng.random() < 0.9:
            youth = rng.sample([code for code, _label in YOUTH], rng.choice([1, 2]))
            answers[self._question("jugend").key] = AnswerValue(
                options=tuple(self._key("jugend", code) for code in youth)
            )

        ranking = self._question("prioritaeten")
        bias = {"innenstadt": 3, "rad": 2, "wohnen": 3, "gruen": 2, "digital": 1}
        if age in ("u18", "18-29"):
            bias["digital"] = 3
        order = sorted(ranking.options, key=lambda option: -bias[option.code] * rng.random())
        answers[ranking.key] = AnswerValue(
            ranks={option.key: rank for rank, option in enumerate(order, start=1)}
        )
        if rng.random() < 0.35:
            answers[self._question("lieblingsort").key] = AnswerValue(
                text=rng.choice(FAVOURITE_PLACES)
            )
        if rng.random() < 0.22:
            answers[self._question("idee").key] = AnswerValue(text=rng.choice(IDEAS))
        return answers


def _ensure_survey(consultation: ConsultationPage, report) -> SurveyPage:
    survey = SurveyPage.objects.child_of(consultation).filter(slug=SLUG).first()
    if survey is not None:
        return survey
    survey = SurveyPage(
        title="Was ist Ihnen in Ihrem Ortsteil am wichtigsten?",
        slug=SLUG,
        intro=str(
            format_html(
                "<p>{}</p>",
                "Mit dieser Umfrage möchten wir erfahren, was Ihnen in Ihrem Ortsteil am "
                "Herzen liegt. Die Beantwortung dauert etwa fünf Minuten. Die Ergebnisse "
                "fließen in das Integrierte Stadtentwicklungskonzept ein.",
            )
        ),
        thank_you=str(
            format_html(
                "<p>{}</p>",
                "Herzlichen Dank! Die Ergebnisse veröffentlichen wir nach dem Ende der "
                "Online-Beteiligung.",
            )
        ),
        sections=_sections(),
        follow_phases=True,
        show_in_menus=False,
    )
    consultation.add_child(instance=survey)
    survey.save_revision().publish()
    report.add(f"Umfrage: {survey.title}")
    return survey


def ensure_survey(consultation: ConsultationPage, today: date, report) -> None:
    """The ISEK survey and its responses. Responses are written once."""
    survey = _ensure_survey(consultation, report)
    if Response.objects.filter(survey=survey).exists():
        return
    rng = random.Random(2035)  # noqa: S311 - made-up demo data, not security
    maker = _Answers(SurveyPage.objects.get(pk=survey.pk), rng, today)
    online = RESPONSES - PAPER - WORKSHOP
    participants = Participant.objects.bulk_create(
        [Participant(session_token=secrets.token_urlsafe(32)) for _n in range(online)]
    )
    # Nobody should appear to have joined after answering.
    Participant.objects.filter(pk__in=[p.pk for p in participants]).update(
        created_at=timezone.make_aware(datetime.combine(today - timedelta(days=14), time(6)))
    )
    staff = get_user_model().objects.filter(email__iexact=ENTERED_BY).first()
    workshop_day = timezone.make_aware(datetime.combine(today - timedelta(days=6), time(18, 30)))

    def moment(index: int) -> datetime:
        day = today - timedelta(days=rng.randint(1, 13))
        return timezone.make_aware(
            datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)))
        )

    data = [
        ResponseData(
            answers=maker.make(),
            source=Source.ONLINE,
            participant=participant,
            submitted_at=moment(index),
        )
        for index, participant in enumerate(participants)
    ]
    data += [
        ResponseData(
            answers=maker.make(), source=Source.PAPER, entered_by=staff, submitted_at=moment(n)
        )
        for n in range(PAPER)
    ]
    data += [
        ResponseData(
            answers=maker.make(),
            source=Source.WORKSHOP,
            entered_by=staff,
            submitted_at=workshop_day + timedelta(minutes=n),
        )
        for n in range(WORKSHOP)
    ]
    responses_bulk_create(survey=survey, responses=data)
    report.add(
        f"Umfrageantworten: {len(data)} ({online} online, {PAPER} Papier, {WORKSHOP} Workshop)"
    )
