"""Fiktive Bürgerbeiträge, damit die Demo nach einer laufenden Beteiligung aussieht.

Reine Daten ohne Importe. Alle Personen sind erfunden.

- "author" ist ein Schlüssel aus PARTICIPANTS oder REGISTERED.
- "when" ist (Tage vor dem Einspielen, "HH:MM"); Antworten liegen immer nach dem Beitrag,
  auf den sie antworten, und alles liegt in der Phase „Online-Beteiligung“ (höchstens
  13 Tage zurück, mindestens einen Tag, also nie in der Zukunft).
- "up"/"down" sind Zustimmungen und Ablehnungen anderer Demo-Teilnehmender; "support" ist
  die Zahl der Unterstützungen eines Themenfelds oder Forenthemas.
- "replies" sind Antworten; eine Antwort in "replies" einer Antwort antwortet auf diese.
"""

# Anonyme Teilnehmende. Ohne guest_name erscheint „Gast“ mit der angegebenen Nummer.
PARTICIPANTS = [
    {"key": "radlerin", "guest_name": "Radlerin aus Althaldensleben"},
    {"key": "familie_k", "guest_name": "Familie K."},
    {"key": "gast_4711", "guest_name": "", "guest_number": "4711"},
    {"key": "pendler", "guest_name": "Pendler nach Magdeburg"},
    {"key": "haendlerin", "guest_name": "Händlerin aus der Hagenstraße"},
    {"key": "rentner", "guest_name": "Rentner aus der Altstadt"},
    {"key": "gast_2318", "guest_name": "", "guest_number": "2318"},
    {"key": "schuelerin", "guest_name": "Schülerin, 10. Klasse"},
    {"key": "mama_wedringen", "guest_name": "Mama aus Wedringen"},
    {"key": "anwohner", "guest_name": "Anwohner Bülstringer Straße"},
    {"key": "gast_5062", "guest_name": "", "guest_number": "5062"},
    {"key": "oma_hundisburg", "guest_name": "Oma aus Hundisburg"},
    {"key": "gartenfreund", "guest_name": "Gartenfreund an der Ohre"},
    {"key": "homeoffice", "guest_name": "Homeoffice in Satuelle"},
    {"key": "gast_8830", "guest_name": "", "guest_number": "8830"},
    {"key": "zocker", "guest_name": "Zocker aus dem JuZ"},
    {"key": "uthmoeden", "guest_name": "Uthmödener"},
    {"key": "gast_1296", "guest_name": "", "guest_number": "1296"},
    {"key": "gast_6647", "guest_name": "", "guest_number": "6647"},
    # Liest mit und stimmt ab, schreibt aber nichts.
    {"key": "gast_3391", "guest_name": "", "guest_number": "3391"},
]

# Die beiden Demo-Bürger:innen mit Konto (siehe DEMO_USERS in seed.py).
REGISTERED = {
    "anna": "anna.buerger@example.org",
    "karl": "karl.nachbar@example.org",
}

# Kommentare zu Absätzen des Konzeptentwurfs, nach Absatznummer. Die Verteilung ergibt in
# der Heatmap ein Gefälle: 3.2 (autoarme Innenstadt) 11, 4.2 5, 2.3 3, 4.5 2, 5.2 1.
PARAGRAPH_COMMENTS = {
    "3.2": [
        {
            "author": "radlerin",
            "when": (13, "07:58"),
            "up": 11,
            "down": 2,
            "text": (
                "Endlich! Bitte dabei gleich an genug Fahrradbügel rund um den Markt denken. "
                "Im Moment schließe ich mein Rad an Laternen an."
            ),
        },
        {
            "author": "haendlerin",
            "when": (12, "08:47"),
            "up": 6,
            "down": 5,
            "text": (
                "Ich habe seit 19 Jahren ein Geschäft in der Hagenstraße und sehe das mit "
                "gemischten Gefühlen.\n\n"
                "Ein großer Teil meiner Kundschaft kommt aus den Ortsteilen und den Dörfern "
                "ringsum, viele davon sind älter. Die fahren nicht mit dem Rad, und der Bus fährt "
                "für sie zu selten. Wenn die Parkplätze vor der Tür wegfallen, fahren sie eben "
                "gleich zum Einkaufsmarkt am Stadtrand oder bestellen online.\n\n"
                "Ich bin nicht grundsätzlich dagegen. Aber bitte erst die Parkplätze am Rand der "
                "Altstadt schaffen und gut ausschildern – und dann die Stellplätze im Zentrum "
                "reduzieren, nicht umgekehrt."
            ),
            "replies": [
                {
                    "author": "radlerin",
                    "when": (12, "12:15"),
                    "up": 7,
                    "down": 2,
                    "text": (
                        "Verstehe die Sorge, aber die Erfahrung aus vielen Städten ist eine "
                        "andere: Wer zu Fuß oder mit dem Rad kommt, kauft pro Einkauf vielleicht "
                        "weniger, kommt aber öfter. Und ehrlich gesagt lädt die Hagenstraße im "
                        "Moment nicht gerade zum Bummeln ein, weil man ständig Autos ausweichen "
                        "muss."
                    ),
                    "replies": [
                        {
                            "author": "haendlerin",
                            "when": (12, "19:02"),
                            "up": 4,
                            "down": 0,
                            "text": (
                                "Das mag in Münster oder Freiburg so sein, Haldensleben ist aber "
                                "keine Studentenstadt. Ich lasse mich gern überzeugen, wenn es "
                                "einen Probelauf gibt: einen Sommer lang den Markt autofrei, und "
                                "danach wird gemeinsam mit uns Händlern ausgewertet."
                            ),
                        },
                    ],
                },
                {
                    "author": "anwohner",
                    "when": (11, "09:30"),
                    "up": 8,
                    "down": 0,
                    "text": (
                        "Zur Einordnung, da die Frage mehrfach aufkommt: Der Entwurf sieht "
                        "ausdrücklich vor, dass Lieferverkehr, berechtigte Anwohnende und "
                        "Menschen mit Mobilitätseinschränkungen die Zufahrt behalten (vgl. "
                        "Absatz 3.2, letzter Satz). Straßenverkehrsrechtlich ließe sich das über "
                        "einen verkehrsberuhigten Bereich oder eine Fußgängerzone mit dem "
                        "Zusatzzeichen „Lieferverkehr frei“ umsetzen.\n\n"
                        "Entscheidend wäre aus meiner Sicht ein Parkraumkonzept mit belastbaren "
                        "Zahlen: Wie viele Stellplätze entfallen, wie viele entstehen am Rand der "
                        "Altstadt, und wie lang sind die Wege von dort? Ich rege an, diese Angaben "
                        "in die Überarbeitung des Entwurfs aufzunehmen.\n\n"
                        "(Ich schreibe hier als Anwohner, nicht für die Verwaltung.)"
                    ),
                },
            ],
        },
        {
            "author": "rentner",
            "when": (10, "16:20"),
            "up": 9,
            "down": 1,
            "text": (
                "Autoarm ja – aber bitte nicht rollatorfeindlich. Das Kopfsteinpflaster in der "
                "Altstadt ist für mich schon heute eine Zumutung. Wenn die Straßen umgebaut "
                "werden, dann bitte mit glatten Gehstreifen.\n"
                "Und wie komme ich künftig zur Arztpraxis am Markt, wenn meine Tochter mich "
                "nicht mehr vor die Tür fahren darf?"
            ),
            "replies": [
                {
                    "author": "anna",
                    "when": (10, "21:05"),
                    "up": 5,
                    "down": 0,
                    "text": (
                        "Das Bringen und Abholen sollte auf jeden Fall möglich bleiben, da gebe "
                        "ich Ihnen recht. Anderswo gibt es dafür Kurzzeit-Haltepunkte direkt vor "
                        "den Praxen. Vielleicht kann die Stadt das im Konzept ausdrücklich "
                        "erwähnen?"
                    ),
                },
            ],
        },
        {
            "author": "gast_4711",
            "when": (8, "13:12"),
            "up": 3,
            "down": 0,
            "text": (
                "Wer sich fragt, wie weit die Parkplätze am Rand eigentlich weg wären: Im "
                "Stadtplan unter https://www.haldensleben.example/stadtplan kann man Strecken "
                "messen. Vom Parkplatz am Bülstringer Tor bis zum Roland sind es gut 350 Meter, "
                "also keine fünf Minuten zu Fuß."
            ),
        },
        {
            "author": "gast_2318",
            "when": (7, "18:44"),
            "up": 5,
            "down": 3,
            "text": (
                "Autoarm klingt schön. Aber ohne besseren Busverkehr aus den Ortsteilen wird "
                "das eine Innenstadt nur für die, die drin wohnen. Wer in Satuelle wohnt, hat "
                "nach 18 Uhr praktisch keine Wahl."
            ),
            "replies": [
                {
                    "author": "karl",
                    "when": (6, "08:10"),
                    "up": 4,
                    "down": 0,
                    "text": (
                        "Sehe ich genauso. Deshalb sollten 3.2 und der Rufbus aus 4.2 zusammen "
                        "umgesetzt werden und nicht nacheinander."
                    ),
                },
            ],
        },
        {
            "author": "familie_k",
            "when": (4, "20:37"),
            "up": 7,
            "down": 0,
            "text": (
                "Wir wohnen mit drei Kindern in der Altstadt. Jeden Morgen der gleiche Slalom "
                "zwischen parkenden Autos auf dem Weg zur Kita. Mehr Platz zum Gehen, ein paar "
                "Bäume und eine Bank, auf der man mal fünf Minuten sitzen kann – mehr wünschen "
                "wir uns gar nicht.\n\n"
                "Danke für den mutigen Vorschlag!"
            ),
        },
    ],
    "4.2": [
        {
            "author": "pendler",
            "when": (11, "06:52"),
            "up": 6,
            "down": 0,
            "text": (
                "Fahrradparkhaus am Bahnhof: unbedingt! Aber bitte abschließbar und mit Platz "
                "für Lastenräder. Mein E-Bike lasse ich an den jetzigen Bügeln jedenfalls nicht "
                "den ganzen Tag stehen."
            ),
            "replies": [
                {
                    "author": "homeoffice",
                    "when": (11, "20:15"),
                    "up": 2,
                    "down": 0,
                    "text": "+1 für Lastenräder. Schließfächer für Akku und Helm wären auch toll.",
                },
            ],
        },
        {
            "author": "uthmoeden",
            "when": (9, "17:30"),
            "up": 5,
            "down": 1,
            "text": (
                "Einen Rufbus für die Ortsteile finde ich gut. Es kommt aber auf die Zeiten an: "
                "Wenn der nur bis 18 Uhr fährt und am Wochenende gar nicht, bringt er uns in "
                "Uthmöden wenig. Dann fahren wir weiter mit dem Auto."
            ),
            "replies": [
                {
                    "author": "gast_8830",
                    "when": (9, "21:48"),
                    "up": 3,
                    "down": 0,
                    "text": (
                        "Und bitte auch telefonisch buchbar, nicht nur über eine App. Meine "
                        "Eltern haben kein Smartphone."
                    ),
                },
            ],
        },
        {
            "author": "gast_4711",
            "when": (5, "11:05"),
            "up": 4,
            "down": 0,
            "text": (
                "Der barrierefreie Zugang zu den Bahnsteigen ist seit Jahren überfällig. Das "
                "gehört ganz oben auf die Liste."
            ),
        },
    ],
    "2.3": [
        {
            "author": "gast_5062",
            "when": (12, "14:26"),
            "up": 4,
            "down": 0,
            "text": (
                "23 leere Läden – das sieht man jeden Tag, wenn man durch die Hagenstraße geht. "
                "Warum nicht Zwischennutzungen ermöglichen? Pop-up-Läden, Ateliers, ein "
                "Reparaturcafé. Alles besser als zugeklebte Schaufenster."
            ),
            "replies": [
                {
                    "author": "karl",
                    "when": (11, "19:40"),
                    "up": 3,
                    "down": 0,
                    "text": (
                        "Gute Idee. Andere Städte mieten dafür leere Ladenlokale an und geben "
                        "sie im ersten Jahr günstig weiter. Wäre das nicht eine Aufgabe für das "
                        "Innenstadtmanagement aus 4.3?"
                    ),
                },
            ],
        },
        {
            "author": "oma_hundisburg",
            "when": (8, "10:02"),
            "up": 5,
            "down": 0,
            "text": (
                "Sitzbänke! Wer nicht mehr so gut zu Fuß ist, braucht alle paar hundert Meter "
                "eine Möglichkeit zum Ausruhen. Am Markt gibt es fast keine."
            ),
        },
    ],
    "4.5": [
        {
            "author": "gartenfreund",
            "when": (10, "07:15"),
            "up": 6,
            "down": 1,
            "text": (
                "Der Uferweg bis nach Hundisburg wäre wunderbar. Bitte aber naturnah bauen, "
                "ohne Beleuchtung und nicht auf der ganzen Strecke asphaltiert. An der Ohre "
                "brütet der Eisvogel, den sollte man nicht vertreiben."
            ),
            "replies": [
                {
                    "author": "oma_hundisburg",
                    "when": (9, "15:33"),
                    "up": 2,
                    "down": 0,
                    "text": (
                        "Dann könnte ich endlich mit dem Rad zum Einkaufen in die Stadt fahren, "
                        "ohne auf der Landstraße unterwegs zu sein. Das wäre schön."
                    ),
                },
            ],
        },
    ],
    "5.2": [
        {
            "author": "gast_1296",
            "when": (3, "22:14"),
            "up": 3,
            "down": 2,
            "text": (
                "46 Millionen Euro? Und wie hoch ist der Eigenanteil der Stadt am Ende "
                "wirklich? Ich fände eine Übersicht gut, was davon auf die Stadt zukommt und "
                "was dafür an anderer Stelle gestrichen wird. Die Straßen in Süplingen sind "
                "jetzt schon in einem schlechten Zustand."
            ),
        },
    ],
}

# Kommentare zu Themenfeldern, nach Slug der Themenseite.
TOPIC_COMMENTS = {
    "mobilitaet": [
        {
            "author": "familie_k",
            "when": (12, "21:10"),
            "up": 9,
            "down": 0,
            "text": (
                "Unsere Große fährt seit diesem Schuljahr mit dem Rad zur Schule. An der "
                "Kreuzung vor der Schule ist es morgens chaotisch: Elterntaxis halten auf dem "
                "Radweg, dazu Busse und Lieferwagen.\n\n"
                "Wir wünschen uns:\n"
                "- sichere Querungen an den Schulwegen\n"
                "- eine Hol- und Bringzone ein Stück entfernt von der Schule\n"
                "- Fahrradbügel direkt am Schultor\n\n"
                "Dann würden sicher auch mehr Eltern ihre Kinder allein fahren lassen."
            ),
        },
        {
            "author": "karl",
            "when": (9, "12:47"),
            "up": 6,
            "down": 1,
            "text": (
                "Ein Stadtbus im 30-Minuten-Takt wäre schon ein großer Fortschritt. Heute wartet "
                "man zu manchen Zeiten über eine Stunde. Da nimmt jeder das Auto, auch wer "
                "eigentlich gar nicht will."
            ),
        },
        {
            "author": "gast_8830",
            "when": (6, "17:55"),
            "up": 3,
            "down": 4,
            "text": (
                "Wieder nur Fahrrad, Fahrrad, Fahrrad. Nicht jeder kann oder will Rad fahren, "
                "gerade im Winter oder mit dem Wocheneinkauf. Autofahrer zahlen auch Steuern."
            ),
            "replies": [
                {
                    "author": "radlerin",
                    "when": (6, "19:20"),
                    "up": 5,
                    "down": 1,
                    "text": (
                        "Im Entwurf stehen doch auch der dichtere Bustakt und der Rufbus. Und "
                        "jede, die Rad fährt, steht Ihnen nicht im Stau vor der Ampel. Davon "
                        "haben Autofahrer auch etwas."
                    ),
                },
            ],
        },
    ],
    "klima-und-gruen": [
        {
            "author": "mama_wedringen",
            "when": (11, "15:02"),
            "up": 8,
            "down": 0,
            "text": (
                "Auf dem Spielplatz bei uns gibt es keinen einzigen Baum. Im Juli konnte man die "
                "Rutsche nicht anfassen, so heiß war sie. Sonnensegel wären eine schnelle "
                "Lösung, bis die neuen Bäume groß sind."
            ),
        },
        {
            "author": "gast_2318",
            "when": (7, "13:41"),
            "up": 4,
            "down": 0,
            "text": "Trinkbrunnen am Markt und an der Ohre. Kostet nicht viel und hilft sofort.",
        },
        {
            "author": "anna",
            "when": (2, "18:25"),
            "up": 6,
            "down": 0,
            "text": (
                "Bei 500 neuen Bäumen wird das Gießen in den ersten Jahren entscheidend sein. "
                "Ich würde sofort eine Baumpatenschaft übernehmen, wenn die Stadt das "
                "organisiert. In unserer Straße wären bestimmt noch mehr dabei."
            ),
        },
    ],
    "bildung-jugend-und-freizeit": [
        {
            "author": "zocker",
            "when": (5, "16:48"),
            "up": 7,
            "down": 2,
            "text": (
                "E-Sport-Raum im JuZ wäre echt mega!! Aber bitte auch abends und am Wochenende "
                "offen, nicht nur bis 18 Uhr. Und mit vernünftigem Internet, sonst bringt das "
                "nix 😅"
            ),
        },
        {
            "author": "rentner",
            "when": (4, "09:12"),
            "up": 4,
            "down": 5,
            "text": (
                "Bei allem Verständnis für die Jugend: Erst einmal sollten die Schulen "
                "ordentliche Toiletten und funktionierende Heizungen bekommen, bevor Geld in "
                "Computerspiele gesteckt wird."
            ),
            "replies": [
                {
                    "author": "schuelerin",
                    "when": (4, "15:30"),
                    "up": 6,
                    "down": 0,
                    "text": (
                        "Das eine schließt das andere nicht aus. In dem Raum soll es ja auch um "
                        "Medienkompetenz gehen, und die brauchen wir später im Job. Mit den "
                        "Toiletten haben Sie aber leider recht, die sind bei uns wirklich schlimm."
                    ),
                },
            ],
        },
    ],
}

# Kommentare zum Beteiligungsverfahren als Ganzes (der zweite ist etwas am Thema vorbei).
CONSULTATION_COMMENTS = [
    {
        "author": "homeoffice",
        "when": (13, "19:30"),
        "up": 5,
        "down": 0,
        "text": (
            "Gut, dass man hier online mitmachen kann, ohne extra zu einer Veranstaltung zu "
            "müssen. Wird es am Ende eine Übersicht geben, was aus den einzelnen Hinweisen "
            "geworden ist?"
        ),
    },
    {
        "author": "gast_6647",
        "when": (3, "11:20"),
        "up": 1,
        "down": 0,
        "text": (
            "Etwas anderes Thema, sorry: Weiß jemand, ob der Wochenmarkt während des "
            "Altstadtfests wieder auf den Parkplatz am Bülstringer Tor umzieht? Im Amtsblatt "
            "habe ich nichts dazu gefunden."
        ),
    },
]

# Kommentare zur ersten Meldung (Start der Online-Beteiligung), nach Slug.
NEWS_COMMENTS = {
    "online-beteiligung-isek-gestartet": [
        {
            "author": "gast_5062",
            "when": (13, "10:14"),
            "up": 3,
            "down": 0,
            "text": (
                "Danke für die Info. Liegen die Rückmeldebögen auch in den Ortschaften aus, zum "
                "Beispiel im Dorfgemeinschaftshaus? Nicht jeder kommt ins Rathaus."
            ),
        },
        {
            "author": "karl",
            "when": (12, "17:03"),
            "up": 2,
            "down": 1,
            "text": (
                "Sechs Wochen finde ich knapp für so ein umfangreiches Konzept. Kann man die "
                "Frist verlängern, falls sich noch viele melden?"
            ),
        },
    ],
}

# Unterstützungen der Themenfelder, nach Slug.
TOPIC_SUPPORT = {
    "mobilitaet": 18,
    "klima-und-gruen": 12,
    "wohnen-und-stadtumbau": 9,
    "bildung-jugend-und-freizeit": 7,
    "wirtschaft-und-digitalisierung": 5,
}

# Forenthemen im interkommunalen Forum, je eines pro Impulsthema.
THREADS = [
    {
        "impulse_topic": "Arbeiten 4.0",
        "author": "homeoffice",
        "when": (10, "20:05"),
        "support": 7,
        "title": "Coworking auch in den Ortsteilen?",
        "text": (
            "Ich arbeite seit drei Jahren überwiegend von zu Hause in Satuelle. Das klappt gut, "
            "aber manchmal fehlt mir einfach ein Ort mit anderen Menschen, einem ordentlichen "
            "Drucker und einer Kaffeemaschine.\n\n"
            "Das geplante Digitalisierungszentrum an der Kulturfabrik finde ich gut. Für viele "
            "aus den Ortsteilen ist es aber wieder eine Fahrt in die Stadt. Wäre es denkbar, in "
            "Dorfgemeinschaftshäusern ein, zwei Arbeitsplätze mit schnellem Internet "
            "einzurichten, die man stundenweise buchen kann?\n\n"
            "Wer hätte daran Interesse?"
        ),
        "comments": [
            {
                "author": "pendler",
                "when": (10, "21:30"),
                "up": 3,
                "down": 0,
                "text": (
                    "Ich hätte Interesse. Zwei Tage die Woche nicht nach Magdeburg zu fahren, "
                    "spart mir fast drei Stunden."
                ),
            },
            {
                "author": "gast_8830",
                "when": (8, "07:45"),
                "up": 4,
                "down": 1,
                "text": (
                    "Erst mal brauchen wir überhaupt Glasfaser. Bei uns bricht die "
                    "Videokonferenz regelmäßig ab."
                ),
            },
            {
                "author": "anna",
                "when": (7, "20:12"),
                "up": 2,
                "down": 0,
                "text": (
                    "In Althaldensleben würde sich das alte Gemeindebüro dafür anbieten. Das "
                    "steht seit Jahren fast leer."
                ),
            },
        ],
    },
    {
        "impulse_topic": "Geodaten im ländlichen Raum",
        "author": "radlerin",
        "when": (8, "18:30"),
        "support": 4,
        "title": "Offene Karte mit Mängeln an Radwegen",
        "text": (
            "Vorschlag: eine gemeinsame Karte der beteiligten Kommunen, in die man Schlaglöcher, "
            "fehlende Bordsteinabsenkungen und gefährliche Stellen an Radwegen eintragen kann. "
            "Die Daten sollten offen sein, damit auch Fahrradclubs, Schulen und Vereine damit "
            "arbeiten können.\n\n"
            "Wichtig wäre mir, dass man sieht, was mit einer Meldung passiert ist."
        ),
        "comments": [
            {
                "author": "anwohner",
                "when": (7, "09:05"),
                "up": 2,
                "down": 0,
                "text": (
                    "Gute Idee. Technisch ließe sich das auf Grundlage von OpenStreetMap "
                    "umsetzen. Wichtig wäre ein gemeinsames Datenmodell der beteiligten "
                    "Kommunen, sonst endet die Karte an der Gemeindegrenze."
                ),
            },
            {
                "author": "gartenfreund",
                "when": (5, "14:40"),
                "up": 3,
                "down": 0,
                "text": (
                    "Bitte auch Pegelstände und Überschwemmungsflächen an der Ohre mit "
                    "aufnehmen. Nach dem letzten Starkregen wusste keiner so genau, welche Wege "
                    "unter Wasser stehen."
                ),
            },
        ],
    },
    {
        "impulse_topic": "Smart Mobility",
        "author": "uthmoeden",
        "when": (6, "19:50"),
        "support": 9,
        "title": "Mitfahrbank zwischen Uthmöden und Haldensleben",
        "text": (
            "Hat jemand Erfahrung mit Mitfahrbänken? Die Idee: Man setzt sich auf eine Bank am "
            "Ortsausgang, klappt ein Schild mit dem Ziel hoch, und wer in die Richtung fährt, "
            "nimmt einen mit.\n\n"
            "Bei uns fährt der Bus außerhalb der Schulzeiten kaum. Viele fahren aber sowieso "
            "jeden Tag in die Stadt, meistens allein im Auto."
        ),
        "comments": [
            {
                "author": "oma_hundisburg",
                "when": (6, "21:15"),
                "up": 3,
                "down": 0,
                "text": (
                    "Ich würde mich ehrlich gesagt nicht zu Fremden ins Auto setzen. Aber wenn "
                    "man sich im Dorf kennt, warum nicht."
                ),
            },
            {
                "author": "karl",
                "when": (3, "08:30"),
                "up": 2,
                "down": 0,
                "text": (
                    "Wo ich herkomme, gibt es das seit ein paar Jahren. Es funktioniert vor "
                    "allem morgens und am frühen Nachmittag gut. Wichtig ist, dass die Bank gut "
                    "sichtbar an einer Stelle steht, an der Autos sicher anhalten können."
                ),
            },
        ],
    },
]
