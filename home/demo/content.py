"""Fiktive, aber plausible Demo-Inhalte für den Stadtdialog Haldensleben.

Reine Daten ohne Importe. Datumsangaben sind Tagesverschiebungen relativ zum Tag,
an dem die Demo-Daten eingespielt werden (negativ = Vergangenheit).
"""

SITE = {
    "town": "Haldensleben",
    "site_name": "Stadtdialog Haldensleben",
    "contact_email": "beteiligung@haldensleben.example",
    "home_intro": (
        "Wie soll Haldensleben im Jahr 2035 aussehen? Auf dieser Plattform stellt die Stadt ihre "
        "Planungen vor und lädt alle Einwohnerinnen und Einwohner, Gewerbetreibenden und Vereine "
        "ein, mitzudiskutieren. Lesen Sie die Entwürfe, kommentieren Sie einzelne Abschnitte, "
        "stimmen Sie ab und bringen Sie Ihre eigenen Ideen ein – ganz ohne Anmeldung oder mit "
        "einem eigenen Konto."
    ),
}

CONSULTATION = {
    "title": "ISEK Haldensleben 2035",
    "slug": "isek-2035",
    "teaser": (
        "Gemeinsam den Rahmen für die Stadtentwicklung der nächsten zehn Jahre setzen: "
        "Diskutieren Sie den Entwurf des Integrierten Stadtentwicklungskonzepts mit."
    ),
    "intro": [
        "Das Integrierte Stadtentwicklungskonzept (ISEK) Haldensleben 2035 beschreibt, wie sich "
        "die Kreisstadt mit ihren Ortsteilen in den kommenden zehn Jahren entwickeln soll. Es "
        "bündelt Ziele und Maßnahmen aus den Bereichen Wohnen, Mobilität, Wirtschaft, Bildung, "
        "Klima und Grün und ist Voraussetzung dafür, dass die Stadt Fördermittel aus den "
        "Programmen der Städtebauförderung von Bund und Land beantragen kann.",
        "Das bisherige Konzept stammt aus dem Jahr 2014 und ist in vielen Punkten überholt. "
        "Seitdem hat sich die Bevölkerungsentwicklung stabilisiert, die Nachfrage nach Wohnraum "
        "im Umland von Magdeburg ist gestiegen, und Themen wie Klimaanpassung und Digitalisierung "
        "sind deutlich wichtiger geworden. Der Fachbereich Stadtentwicklung und Bauen hat deshalb "
        "gemeinsam mit einem Planungsbüro einen neuen Entwurf erarbeitet.",
        "Bevor der Stadtrat über das Konzept entscheidet, möchten wir wissen, was Sie davon "
        "halten. Alle Beiträge aus der Online-Beteiligung werden ausgewertet, in einem Bericht "
        "zusammengefasst und dem Stadtrat gemeinsam mit dem überarbeiteten Entwurf vorgelegt.",
        "Sie können ohne Anmeldung mitmachen. Wer ein Konto anlegt, kann eigene Beiträge später "
        "wiederfinden, bearbeiten und wird auf Wunsch über die Ergebnisse informiert.",
    ],
    "office": "Stadt Haldensleben, Fachbereich Stadtentwicklung und Bauen",
    "contact": (
        "Markt 20–22, 39340 Haldensleben · Telefon 03904 479-0 · beteiligung@haldensleben.example"
    ),
    "phases": [
        {
            "name": "Information",
            "start_offset": -60,
            "end_offset": -15,
            "description": (
                "Die Stadt stellt die Ergebnisse der Bestandsanalyse vor. Auftaktveranstaltung in "
                "der Kulturfabrik und Ausstellung im Foyer des Rathauses."
            ),
            "allows": ["reading"],
        },
        {
            "name": "Online-Beteiligung",
            "start_offset": -14,
            "end_offset": 30,
            "description": (
                "Der Konzeptentwurf ist online. Sie können Abschnitte kommentieren, über Beiträge "
                "abstimmen und an der Umfrage zu den Handlungsfeldern teilnehmen."
            ),
            "allows": ["reading", "commenting", "voting", "surveys"],
        },
        {
            "name": "Auswertung",
            "start_offset": 31,
            "end_offset": 75,
            "description": (
                "Die Verwaltung wertet alle Beiträge aus und überarbeitet den Entwurf. Neue "
                "Beiträge sind in dieser Phase nicht möglich."
            ),
            "allows": ["reading"],
        },
        {
            "name": "Ergebnisse",
            "start_offset": 76,
            "end_offset": 200,
            "description": (
                "Der Auswertungsbericht und der überarbeitete Entwurf werden veröffentlicht. Sie "
                "sehen, wie mit Ihren Hinweisen umgegangen wurde."
            ),
            "allows": ["reading", "results"],
        },
    ],
}

TOPICS = [
    {
        "title": "Wohnen und Stadtumbau",
        "slug": "wohnen-und-stadtumbau",
        "teaser": (
            "Bezahlbarer Wohnraum, belebte Altstadt, lebendige Ortsteile: Wie und wo soll "
            "Haldensleben wachsen?"
        ),
        "body": [
            "Haldensleben ist als Kreisstadt und Wohnstandort im Umland von Magdeburg gefragt. "
            "Gleichzeitig stehen in Teilen der Altstadt und in den Großwohnsiedlungen aus den "
            "1970er- und 1980er-Jahren Wohnungen leer, während Familien nach Bauland und "
            "Seniorinnen und Senioren nach barrierearmen Wohnungen suchen.",
            "Der Entwurf setzt auf Innenentwicklung vor Außenentwicklung: Baulücken und "
            "Brachflächen sollen vorrangig genutzt, leerstehende Altbauten saniert und "
            "Erdgeschosse in der Hagenstraße wieder belebt werden. Neue Baugebiete am Stadtrand "
            "werden nur noch in begrenztem Umfang ausgewiesen.",
            "In den Ortsteilen Althaldensleben, Hundisburg, Satuelle, Uthmöden, Wedringen und "
            "Süplingen geht es vor allem darum, Dorfkerne zu stärken und Treffpunkte zu erhalten. "
            "Welche Wohnformen fehlen Ihnen, und wo sehen Sie Potenziale?",
        ],
        "key_figures": [
            ("18.900", "Einwohnerinnen und Einwohner"),
            ("7,2 %", "Wohnungsleerstand 2024"),
            ("24 ha", "Brach- und Potenzialflächen im Innenbereich"),
        ],
        "colour": "#2f6f4f",
    },
    {
        "title": "Mobilität",
        "slug": "mobilitaet",
        "teaser": (
            "Sicher mit dem Rad, schnell nach Magdeburg, entspannt in die Innenstadt: Wie bewegen "
            "wir uns 2035?"
        ),
        "body": [
            "Mit dem Zug ist Magdeburg in rund 25 Minuten erreichbar. Viele Pendlerinnen und "
            "Pendler kommen aber mit dem Auto zum Bahnhof, weil Radwege Lücken haben und sichere "
            "Abstellanlagen fehlen. Der Entwurf schlägt vor, den Bahnhof zu einer "
            "Mobilitätsstation mit überdachten Fahrradboxen, Ladepunkten und Carsharing "
            "auszubauen.",
            "Für den Radverkehr sieht das Konzept ein durchgehendes Netz vor, das die Ortsteile "
            "mit der Innenstadt verbindet, unter anderem entlang der Ohre und des "
            "Mittellandkanals. Der Stadtbus soll in einem dichteren Takt fahren und durch einen "
            "Rufbus für die Ortsteile ergänzt werden.",
            "Beim Parken in der Innenstadt geht es um einen fairen Ausgleich: Kurze Wege für "
            "Kundinnen und Kunden des Einzelhandels, Stellplätze für Anwohnende und mehr Raum für "
            "Fußgängerinnen und Fußgänger rund um Markt und Roland.",
        ],
        "key_figures": [
            ("25 Min.", "Bahnfahrt nach Magdeburg"),
            ("62 %", "der Wege zur Arbeit mit dem Auto"),
            ("41 km", "Radwege im Stadtgebiet"),
        ],
        "colour": "#1f4e79",
    },
    {
        "title": "Wirtschaft und Digitalisierung",
        "slug": "wirtschaft-und-digitalisierung",
        "teaser": (
            "Gute Arbeit vor Ort, schnelles Internet überall und ein Ort für neue Ideen im Herzen "
            "der Stadt."
        ),
        "body": [
            "Haldensleben ist ein Industriestandort mit Tradition und profitiert von der Lage am "
            "Mittellandkanal und an der Autobahn A 2. Viele Betriebe suchen jedoch Fachkräfte, "
            "und in der Innenstadt geben Geschäfte auf, weil Nachfolgerinnen und Nachfolger "
            "fehlen.",
            "Ein Schlüsselprojekt ist das geplante Digitalisierungszentrum auf dem Gelände neben "
            "der Kulturfabrik. Vorgesehen sind Coworking-Arbeitsplätze, eine offene Werkstatt, "
            "Beratungsangebote für kleine Unternehmen und Räume für Gründerinnen und Gründer. Wer "
            "in Magdeburg oder Berlin arbeitet, soll hier tageweise arbeiten können, statt zu "
            "pendeln.",
            "Der Breitbandausbau soll bis 2030 alle Haushalte und Gewerbebetriebe erreichen, auch "
            "in den Ortsteilen. Zugleich sollen Verwaltungsleistungen schrittweise online "
            "angeboten werden.",
        ],
        "key_figures": [
            ("8.600", "sozialversicherungspflichtig Beschäftigte am Arbeitsort"),
            ("78 %", "der Haushalte mit Glasfaser versorgbar"),
            ("30", "geplante Coworking-Arbeitsplätze"),
        ],
        "colour": "#5b3a7a",
    },
    {
        "title": "Bildung, Jugend und Freizeit",
        "slug": "bildung-jugend-und-freizeit",
        "teaser": (
            "Gute Schulen, Räume für junge Menschen und Freizeitangebote für alle Generationen."
        ),
        "body": [
            "Junge Menschen sollen in Haldensleben gute Gründe zum Bleiben und zum Zurückkommen "
            "finden. Dazu gehören gut ausgestattete Schulen, verlässliche Betreuung und Orte, an "
            "denen Jugendliche sich ohne Konsumzwang treffen können.",
            "Jugendliche haben sich in den Vorgesprächen ausdrücklich ein E-Sport-Angebot "
            "gewünscht. Der Entwurf schlägt vor, im Jugendzentrum einen betreuten E-Sport- und "
            "Medienraum einzurichten, der mit Vereinen und Schulen zusammenarbeitet und auch "
            "Medienkompetenz vermittelt.",
            "Schülerinnen und Schüler haben die Innenstadt im Computerspiel Minecraft nachgebaut. "
            "Das Minecraft-Modell der Stadt dient als Werkzeug, um Ideen für Plätze, Spielflächen "
            "und Treffpunkte sichtbar zu machen, und wird in der Beteiligung genutzt. Auch "
            "Sportstätten, Spielplätze und Kulturangebote wie die Kulturfabrik und Schloss "
            "Hundisburg sind Teil dieses Handlungsfelds.",
        ],
        "key_figures": [
            ("11", "Schulen aller Schulformen"),
            ("2.450", "Kinder und Jugendliche unter 18 Jahren"),
            ("64", "Schülerinnen und Schüler bauten am Minecraft-Modell"),
        ],
        "colour": "#8a3b12",
    },
    {
        "title": "Klima und Grün",
        "slug": "klima-und-gruen",
        "teaser": (
            "Schatten, Wasser und Grün: Wie bereiten wir Haldensleben auf heißere Sommer und "
            "Starkregen vor?"
        ),
        "body": [
            "Die Sommer werden heißer und trockener, Starkregen nimmt zu. Besonders die dicht "
            "bebaute Altstadt heizt sich auf. Der Entwurf sieht einen Hitzeaktionsplan vor, mit "
            "schattigen Wegen, Trinkbrunnen und kühlen Orten, die bei Hitze allen offenstehen.",
            "Die Ohreaue ist das grüne Rückgrat der Stadt. Sie soll als Naherholungsraum und "
            "Überschwemmungsfläche gesichert und besser mit der Innenstadt verbunden werden. Bis "
            "2035 sollen im Stadtgebiet mindestens 500 zusätzliche, klimaangepasste Stadtbäume "
            "gepflanzt werden.",
            "Regenwasser soll dort versickern oder gespeichert werden, wo es fällt, etwa in "
            "Mulden, auf begrünten Dächern und in entsiegelten Höfen. Bei Neubauten und "
            "Umgestaltungen öffentlicher Flächen wird das Prinzip der Schwammstadt zum Standard.",
        ],
        "key_figures": [
            ("500", "zusätzliche Stadtbäume bis 2035"),
            ("+1,4 °C", "mittlere Erwärmung seit 1961"),
            ("38 %", "versiegelte Fläche in der Altstadt"),
        ],
        "colour": "#2d5a27",
    },
]

CONCEPT = {
    "title": "Entwurf ISEK Haldensleben 2035",
    "slug": "konzept",
    "intro": (
        "Dieser Entwurf ist die Diskussionsgrundlage für die Online-Beteiligung. Er fasst die "
        "Ausgangslage zusammen, formuliert ein Leitbild mit Zielen und benennt Maßnahmen für fünf "
        "Handlungsfelder. Sie können jeden Abschnitt einzeln kommentieren; Ihre Hinweise fließen "
        "in die Überarbeitung ein, bevor der Stadtrat über das Konzept beschließt."
    ),
    "chapters": [
        {
            "title": "Ausgangslage und Auftrag",
            "paragraphs": [
                {
                    "heading": "Anlass",
                    "text": (
                        "Der Stadtrat hat die Verwaltung beauftragt, das Integrierte "
                        "Stadtentwicklungskonzept aus dem Jahr 2014 fortzuschreiben. Viele der "
                        "damaligen Maßnahmen sind umgesetzt, etwa die Sanierung von Teilen der "
                        "Stadtmauer und die Neugestaltung des Marktplatzes. Andere Annahmen, "
                        "insbesondere zur Bevölkerungsentwicklung, haben sich nicht bestätigt. "
                        "Ein aktuelles Konzept ist zudem Voraussetzung für den Zugang zu "
                        "Fördermitteln der Städtebauförderung."
                    ),
                },
                {
                    "heading": "Was ein ISEK leistet",
                    "text": (
                        "Ein ISEK ist kein Bebauungsplan und schafft kein Baurecht. Es ist ein "
                        "informelles Planungsinstrument, das Ziele über einzelne Fachbereiche "
                        "hinweg abstimmt und Prioritäten setzt. Mit dem Beschluss des Stadtrats "
                        "bindet es die Verwaltung bei ihren weiteren Planungen und dient als "
                        "Grundlage für Förderanträge."
                    ),
                },
                {
                    "heading": "Untersuchungsgebiet",
                    "text": (
                        "Das Konzept betrachtet das gesamte Stadtgebiet mit der Kernstadt und den "
                        "Ortsteilen Althaldensleben, Hundisburg, Satuelle, Uthmöden, Wedringen "
                        "und Süplingen. Vertiefende Aussagen trifft es für die historische "
                        "Altstadt innerhalb der Stadtmauer, das Bahnhofsumfeld und die Ohreaue. "
                        "Bezüge zu den Nachbargemeinden werden dort hergestellt, wo Aufgaben nur "
                        "gemeinsam zu lösen sind."
                    ),
                },
                {
                    "heading": "Vorgehen",
                    "text": (
                        "Grundlage sind eine Auswertung amtlicher Statistiken, Begehungen aller "
                        "Ortsteile sowie Gespräche mit Fachleuten, Vereinen, Unternehmen und "
                        "Jugendlichen. Die Ergebnisse wurden in einer Auftaktveranstaltung in der "
                        "Kulturfabrik vorgestellt. Der nun vorliegende Entwurf wird öffentlich "
                        "diskutiert und anschließend überarbeitet."
                    ),
                },
                {
                    "heading": "",
                    "text": (
                        "Der Zeithorizont bis 2035 ist bewusst gewählt. Er ist lang genug, um "
                        "größere Vorhaben zu planen und zu finanzieren, und kurz genug, um "
                        "konkrete Prioritäten zu setzen. Eine Zwischenbilanz ist für das Jahr "
                        "2030 vorgesehen."
                    ),
                },
            ],
        },
        {
            "title": "Bestandsanalyse",
            "paragraphs": [
                {
                    "heading": "Bevölkerung",
                    "text": (
                        "Nach Jahren des Rückgangs ist die Einwohnerzahl seit 2016 weitgehend "
                        "stabil und liegt bei rund 18.900. Wanderungsgewinne aus Magdeburg und "
                        "dem Ausland gleichen den Sterbeüberschuss annähernd aus. Das "
                        "Durchschnittsalter ist jedoch auf 48,6 Jahre gestiegen, und der Anteil "
                        "der über 65-Jährigen wird bis 2035 voraussichtlich auf knapp ein Drittel "
                        "anwachsen."
                    ),
                },
                {
                    "heading": "Wohnungsmarkt",
                    "text": (
                        "Der Wohnungsleerstand ist von rund elf Prozent im Jahr 2012 auf 7,2 "
                        "Prozent gesunken. Er konzentriert sich auf unsanierte Altbauten in der "
                        "Innenstadt und auf einzelne Blöcke in den Großwohnsiedlungen. Zugleich "
                        "fehlen kleine, barrierearme Wohnungen sowie Angebote für junge Familien "
                        "mit mittlerem Einkommen."
                    ),
                },
                {
                    "heading": "Innenstadt",
                    "text": (
                        "Die Altstadt mit Roland, Rathaus, Stendaler Turm und Bülstringer Tor hat "
                        "einen hohen Wiedererkennungswert. Der Einzelhandel steht aber unter "
                        "Druck: In der Hagenstraße und am Markt sind derzeit 23 Ladenlokale "
                        "ungenutzt. Der Straßenraum wird in weiten Teilen vom fahrenden und "
                        "parkenden Verkehr bestimmt, Sitzgelegenheiten und Schatten sind selten."
                    ),
                },
                {
                    "heading": "Verkehr",
                    "text": (
                        "Rund 62 Prozent der Arbeitswege werden mit dem Auto zurückgelegt, obwohl "
                        "mehr als die Hälfte kürzer als fünf Kilometer ist. Der Bahnhof ist gut "
                        "an Magdeburg angebunden, jedoch nur eingeschränkt barrierefrei. Das "
                        "Radwegenetz weist Lücken auf, vor allem zwischen der Kernstadt und den "
                        "Ortsteilen Satuelle und Uthmöden."
                    ),
                },
                {
                    "heading": "Klima und Umwelt",
                    "text": (
                        "Die Stadtklimaanalyse zeigt ausgeprägte Wärmeinseln in der Altstadt und "
                        "in Gewerbegebieten. Die Ohreaue und die Wälder Richtung Flechtinger "
                        "Höhenzug wirken als Kaltluftentstehungsgebiete. Bei den Starkregen der "
                        "letzten Jahre kam es in mehreren Straßen zu Überflutungen, weil die "
                        "Kanalisation die Wassermengen nicht aufnehmen konnte."
                    ),
                },
            ],
        },
        {
            "title": "Leitbild und Ziele",
            "paragraphs": [
                {
                    "heading": "Leitbild",
                    "text": (
                        "Haldensleben 2035 ist eine lebenswerte Kreisstadt im Grünen, die ihre "
                        "historische Mitte stärkt, ihre Ortsteile einbindet und sich aktiv auf "
                        "den Klimawandel und den demografischen Wandel einstellt. Die Stadt nutzt "
                        "ihre Lage zwischen Magdeburg, Mittellandkanal und Flechtinger Höhenzug "
                        "und versteht Digitalisierung als Mittel, um das Leben vor Ort zu "
                        "erleichtern."
                    ),
                },
                {
                    "heading": "Innenstadt für Menschen",
                    "text": (
                        "Die Innenstadt innerhalb der historischen Stadtmauer wird bis 2035 "
                        "schrittweise autoarm und aufenthaltsfreundlich umgestaltet. Der "
                        "Durchgangsverkehr wird um die Altstadt herumgeführt, der Markt und die "
                        "angrenzenden Altstadtstraßen werden zu verkehrsberuhigten Bereichen mit "
                        "Vorrang für den Fuß- und Radverkehr. Stellplätze im Straßenraum werden "
                        "zugunsten von Bäumen, Sitzplätzen und Außengastronomie reduziert und in "
                        "Parkhäusern und Parkplätzen am Rand der Altstadt gebündelt. "
                        "Lieferverkehr, Anwohnende mit Berechtigung und Menschen mit "
                        "Mobilitätseinschränkungen behalten die Zufahrt."
                    ),
                },
                {
                    "heading": "Wohnen für alle Lebensphasen",
                    "text": (
                        "Bis 2035 sollen mindestens 400 Wohnungen durch Sanierung, Umbau und "
                        "Neubau im Bestand entstehen, davon ein Viertel barrierearm. Neue "
                        "Baugebiete am Stadtrand werden nur ausgewiesen, wenn Potenziale im "
                        "Innenbereich nicht ausreichen. Die Ortsteile sollen maßvoll und im "
                        "Rahmen ihrer dörflichen Struktur wachsen können."
                    ),
                },
                {
                    "heading": "Klimaresilienz",
                    "text": (
                        "Haldensleben wird eine Schwammstadt: Regenwasser wird vor Ort "
                        "zurückgehalten, Flächen werden entsiegelt, und jede größere Umgestaltung "
                        "öffentlicher Räume trägt zur Kühlung bei. Die Stadt strebt an, ihre "
                        "eigenen Liegenschaften bis 2035 klimaneutral zu betreiben."
                    ),
                },
                {
                    "heading": "Teilhabe und Zusammenarbeit",
                    "text": (
                        "Die Stadt beteiligt ihre Einwohnerinnen und Einwohner frühzeitig und "
                        "nachvollziehbar an wichtigen Vorhaben. Digitale und analoge Angebote "
                        "ergänzen sich, damit niemand ausgeschlossen wird. Mit den "
                        "Nachbargemeinden arbeitet Haldensleben dort zusammen, wo gemeinsame "
                        "Lösungen wirtschaftlicher oder wirksamer sind."
                    ),
                },
            ],
        },
        {
            "title": "Handlungsfelder und Maßnahmen",
            "paragraphs": [
                {
                    "heading": "Wohnen und Stadtumbau",
                    "text": (
                        "Ein kommunales Leerstandsmanagement erfasst ungenutzte Gebäude und berät "
                        "Eigentümerinnen und Eigentümer zu Fördermöglichkeiten. Für ausgewählte "
                        "Schlüsselimmobilien in der Altstadt prüft die Stadt den Zwischenerwerb. "
                        "Ein Programm für Dorfgemeinschaftshäuser sichert Treffpunkte in den "
                        "Ortsteilen."
                    ),
                },
                {
                    "heading": "Mobilität",
                    "text": (
                        "Der Bahnhof wird zur Mobilitätsstation mit Fahrradparkhaus, Ladepunkten "
                        "und Carsharing ausgebaut; der Zugang zu den Bahnsteigen wird "
                        "barrierefrei. Ein Radverkehrskonzept schließt bis 2030 die Lücken zu den "
                        "Ortsteilen. Für die Ortsteile wird ein Rufbus erprobt, der mit dem "
                        "Stadtbus und den Zügen nach Magdeburg abgestimmt ist."
                    ),
                },
                {
                    "heading": "Wirtschaft und Digitalisierung",
                    "text": (
                        "Auf dem Gelände neben der Kulturfabrik entsteht ein "
                        "Digitalisierungszentrum mit Coworking-Flächen, offener Werkstatt und "
                        "Beratung für kleine und mittlere Unternehmen. Ein Innenstadtmanagement "
                        "unterstützt Händlerinnen und Händler bei Nachfolge und Onlinehandel. Der "
                        "Glasfaserausbau in den Ortsteilen wird gemeinsam mit dem Landkreis "
                        "vorangetrieben."
                    ),
                },
                {
                    "heading": "Bildung, Jugend und Freizeit",
                    "text": (
                        "Im Jugendzentrum wird ein betreuter E-Sport- und Medienraum "
                        "eingerichtet. Das von Schülerinnen und Schülern gebaute Minecraft-Modell "
                        "der Stadt wird weitergeführt und bei künftigen Beteiligungen eingesetzt. "
                        "Schulhöfe werden schrittweise entsiegelt und als grüne Spiel- und "
                        "Bewegungsräume auch außerhalb der Unterrichtszeit geöffnet."
                    ),
                },
                {
                    "heading": "Klima und Grün",
                    "text": (
                        "Ein Hitzeaktionsplan legt kühle Orte, Trinkbrunnen und Schattenrouten "
                        "fest. Bis 2035 werden mindestens 500 Stadtbäume gepflanzt, bevorzugt in "
                        "der Altstadt und an Schulwegen. Die Ohreaue wird durch einen "
                        "durchgehenden Uferweg zwischen Innenstadt und Althaldensleben "
                        "erschlossen und entlang der Beber bis zum Barockgarten von Schloss "
                        "Hundisburg verlängert."
                    ),
                },
            ],
        },
        {
            "title": "Umsetzung, Finanzierung und Monitoring",
            "paragraphs": [
                {
                    "heading": "Prioritäten",
                    "text": (
                        "Nicht alle Maßnahmen lassen sich gleichzeitig umsetzen. Der Entwurf "
                        "unterscheidet deshalb Schlüsselprojekte, die bis 2028 begonnen werden "
                        "sollen, von mittel- und langfristigen Vorhaben. Zu den "
                        "Schlüsselprojekten zählen die Mobilitätsstation am Bahnhof, das "
                        "Digitalisierungszentrum und die erste Stufe der Innenstadtumgestaltung."
                    ),
                },
                {
                    "heading": "Kosten und Förderung",
                    "text": (
                        "Die Gesamtkosten der im Entwurf genannten Maßnahmen werden auf rund 46 "
                        "Millionen Euro geschätzt. Ein großer Teil soll über die "
                        "Städtebauförderung von Bund und Land, über Programme zur Klimaanpassung "
                        "und über den Europäischen Fonds für regionale Entwicklung finanziert "
                        "werden. Der städtische Eigenanteil liegt je nach Programm zwischen einem "
                        "Drittel und einem Zehntel der Kosten."
                    ),
                },
                {
                    "heading": "Organisation",
                    "text": (
                        "Die Federführung liegt beim Fachbereich Stadtentwicklung und Bauen. Eine "
                        "fachbereichsübergreifende Steuerungsgruppe stimmt die Maßnahmen ab und "
                        "berichtet dem Bauausschuss zweimal im Jahr. Für die Ortsteile sind die "
                        "Ortschaftsräte erste Ansprechpartner."
                    ),
                },
                {
                    "heading": "Monitoring",
                    "text": (
                        "Ob die Ziele erreicht werden, wird anhand weniger, gut messbarer "
                        "Kennzahlen überprüft, etwa Leerstandsquote, Anteil des Radverkehrs, Zahl "
                        "der gepflanzten Bäume und Auslastung des Digitalisierungszentrums. Die "
                        "Ergebnisse werden jährlich auf dieser Plattform veröffentlicht."
                    ),
                },
                {
                    "heading": "Fortschreibung",
                    "text": (
                        "Das ISEK ist kein starres Programm. Im Jahr 2030 zieht die Stadt eine "
                        "Zwischenbilanz und passt Ziele und Maßnahmen bei Bedarf an. Auch diese "
                        "Fortschreibung wird wieder öffentlich diskutiert."
                    ),
                },
            ],
        },
    ],
}

FORUM = {
    "title": "Interkommunales Diskussionsforum Digitalisierung",
    "slug": "forum-digitalisierung",
    "intro": [
        "Viele Fragen der Digitalisierung enden nicht an der Stadtgrenze. Deshalb diskutieren die "
        "Stadt Haldensleben, die Verbandsgemeinde Flechtingen, die Gemeinde Hohe Börde, die "
        "Verbandsgemeinde Elbe-Heide und die Gemeinde Niedere Börde in diesem Forum gemeinsam, "
        "wie digitale Angebote das Leben und Arbeiten in der Region verbessern können.",
        "Das Forum wird von einer neutralen Moderation betreut. Zu jedem Impulsthema gibt es "
        "einen kurzen Einstieg; Ihre Beiträge werden gesammelt und in einer gemeinsamen "
        "Veranstaltung der beteiligten Kommunen vorgestellt. Bitte bleiben Sie sachlich und "
        "respektvoll.",
    ],
    "impulse_topics": [
        {
            "title": "Arbeiten 4.0",
            "description": (
                "Immer mehr Menschen arbeiten zumindest zeitweise mobil. Welche "
                "Coworking-Angebote, Netzverbindungen und Betreuungsangebote braucht es, damit "
                "Arbeiten im ländlichen Raum eine echte Alternative zum Pendeln wird?"
            ),
        },
        {
            "title": "Geodaten im ländlichen Raum",
            "description": (
                "Offene Geodaten helfen bei der Planung von Radwegen, Baugebieten oder der "
                "Hitzevorsorge. Welche Daten sollten die Kommunen gemeinsam erheben und "
                "veröffentlichen, und wie lassen sie sich auch von Vereinen und Bürgerinnen und "
                "Bürgern nutzen?"
            ),
        },
        {
            "title": "Smart Mobility",
            "description": (
                "Rufbus, Mitfahrbänke, Carsharing und Echtzeitinformationen können Lücken im "
                "Nahverkehr schließen. Welche Lösungen passen zu Orten mit wenigen hundert "
                "Einwohnerinnen und Einwohnern, und wie lassen sie sich über Gemeindegrenzen "
                "hinweg verknüpfen?"
            ),
        },
    ],
}

NEWS = [
    {
        "title": "Online-Beteiligung zum ISEK Haldensleben 2035 gestartet",
        "slug": "online-beteiligung-isek-gestartet",
        "date_offset": -14,
        "teaser": (
            "Ab sofort können alle Interessierten den Entwurf des neuen Stadtentwicklungskonzepts "
            "online lesen, kommentieren und bewerten."
        ),
        "body": [
            "Die Stadt Haldensleben hat die Online-Beteiligung zum Integrierten "
            "Stadtentwicklungskonzept Haldensleben 2035 eröffnet. Sechs Wochen lang können "
            "Einwohnerinnen und Einwohner, Unternehmen, Vereine und alle anderen Interessierten "
            "den Entwurf abschnittsweise kommentieren, über Beiträge abstimmen und an einer "
            "Umfrage zu den fünf Handlungsfeldern teilnehmen.",
            "Der Entwurf behandelt Themen, die viele Menschen in der Stadt unmittelbar betreffen: "
            "von der Umgestaltung der Innenstadt über einen besseren Radweg in die Ortsteile bis "
            "zu mehr Schatten und Grün bei Hitze. Eine Anmeldung ist nicht erforderlich. Wer ein "
            "Konto anlegt, kann eigene Beiträge später bearbeiten.",
            "Wer lieber auf Papier mitmacht, findet den Entwurf auch im Bürgerbüro im Rathaus und "
            "in der Stadtbibliothek. Dort liegen Rückmeldebögen aus, die ebenfalls in die "
            "Auswertung einfließen. Fragen beantwortet der Fachbereich Stadtentwicklung und Bauen "
            "unter beteiligung@haldensleben.example.",
        ],
    },
    {
        "title": "Schülerinnen und Schüler stellen Minecraft-Modell der Innenstadt vor",
        "slug": "minecraft-modell-vorgestellt",
        "date_offset": -3,
        "teaser": (
            "Blockweise zur Stadt von morgen: Im Rahmen des ISEK haben Jugendliche die Altstadt "
            "nachgebaut und eigene Ideen umgesetzt."
        ),
        "body": [
            "In der Kulturfabrik haben Schülerinnen und Schüler der Klassenstufen sieben bis neun "
            "ihr Minecraft-Modell der Haldensleber Innenstadt vorgestellt. In mehreren Monaten "
            "Projektarbeit entstanden Markt, Roland, Stendaler Turm und Bülstringer Tor im "
            "Maßstab eins zu eins – und daneben Vorschläge für einen Wasserspielplatz an der "
            "Ohre, überdachte Treffpunkte und einen autofreien Markt.",
            "Die Vorschläge der Jugendlichen werden als eigene Beiträge in die Online-Beteiligung "
            "aufgenommen. Das Modell kann in den kommenden Wochen im Jugendzentrum besucht und "
            "weitergebaut werden; die Welt steht zudem als Download zur Verfügung.",
        ],
    },
]

STANDARD_PAGES = [
    {
        "key": "impressum",
        "title": "Impressum",
        "slug": "impressum",
        "body": [
            ("heading", "Angaben gemäß § 5 DDG"),
            (
                "paragraph",
                "Stadt Haldensleben, Markt 20–22, 39340 Haldensleben. Die Stadt Haldensleben ist "
                "eine Körperschaft des öffentlichen Rechts. Sie wird gesetzlich vertreten durch "
                "den Bürgermeister.",
            ),
            ("heading", "Kontakt"),
            (
                "paragraph",
                "Telefon: 03904 479-0. E-Mail: beteiligung@haldensleben.example. Allgemeine "
                "Anfragen richten Sie bitte an stadt@haldensleben.example.",
            ),
            ("heading", "Aufsichtsbehörde"),
            (
                "paragraph",
                "Landkreis Börde, Kommunalaufsicht, 39340 Haldensleben.",
            ),
            ("heading", "Verantwortlich für den Inhalt"),
            (
                "paragraph",
                "Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag ist die "
                "Leitung des Fachbereichs Stadtentwicklung und Bauen der Stadt Haldensleben, "
                "Anschrift wie oben. Beiträge von Nutzerinnen und Nutzern geben deren eigene "
                "Meinung wieder und nicht die der Stadt Haldensleben.",
            ),
            ("heading", "Haftungshinweise"),
            (
                "paragraph",
                "Die Inhalte dieser Plattform werden mit größtmöglicher Sorgfalt erstellt. Für "
                "die Richtigkeit, Vollständigkeit und Aktualität kann jedoch keine Gewähr "
                "übernommen werden. Für die Inhalte verlinkter externer Seiten sind "
                "ausschließlich deren Betreiber verantwortlich. Beiträge, die gegen die "
                "Diskussionsregeln oder geltendes Recht verstoßen, werden nach Kenntnis entfernt.",
            ),
        ],
    },
    {
        "key": "datenschutz",
        "title": "Datenschutzerklärung",
        "slug": "datenschutz",
        "body": [
            ("heading", "Verantwortliche Stelle"),
            (
                "paragraph",
                "Verantwortlich für die Verarbeitung personenbezogener Daten auf dieser Plattform "
                "ist die Stadt Haldensleben, vertreten durch den Bürgermeister, Markt 20–22, "
                "39340 Haldensleben, Telefon 03904 479-0, beteiligung@haldensleben.example.",
            ),
            ("heading", "Datenschutzbeauftragte"),
            (
                "paragraph",
                "Sie erreichen die behördliche Datenschutzbeauftragte der Stadt Haldensleben "
                "unter der oben genannten Anschrift mit dem Zusatz „Datenschutzbeauftragte“ oder "
                "per E-Mail an datenschutz@haldensleben.example.",
            ),
            ("heading", "Zweck und Rechtsgrundlage"),
            (
                "paragraph",
                "Wir verarbeiten Daten ausschließlich, um Bürgerbeteiligungen durchzuführen, "
                "Beiträge darzustellen und auszuwerten. Rechtsgrundlage ist Art. 6 Abs. 1 lit. e "
                "DSGVO in Verbindung mit § 3 DSG LSA, da die Beteiligung der Öffentlichkeit an "
                "der Stadtentwicklung zu den Aufgaben der Stadt gehört.",
            ),
            ("heading", "Welche Daten wir speichern"),
            (
                "paragraph",
                "Gespeichert werden Ihre Beiträge, also Kommentare, Abstimmungen und "
                "Umfrageantworten, jeweils mit Datum. Wenn Sie freiwillig ein Konto anlegen, "
                "speichern wir zusätzlich Ihre E-Mail-Adresse und einen frei wählbaren "
                "Anzeigenamen, der öffentlich bei Ihren Beiträgen erscheint. Wenn Sie ohne Konto "
                "teilnehmen, werden Ihre Beiträge nur einer zufällig erzeugten Kennung "
                "zugeordnet, die in Ihrem Sitzungs-Cookie hinterlegt ist. Diese Kennung lässt "
                "keinen Rückschluss auf Ihre Person zu.",
            ),
            (
                "paragraph",
                "IP-Adressen werden von der Plattform nicht gespeichert, auch nicht in gekürzter "
                "Form oder als Hashwert. Wir setzen keine Tracking- oder Analysewerkzeuge ein. "
                "Schriften, Skripte und Bilder werden ausschließlich von unserem eigenen Server "
                "geladen; es werden keine Dienste Dritter und keine Content-Delivery-Networks "
                "eingebunden.",
            ),
            ("heading", "Cookies"),
            (
                "paragraph",
                "Wir verwenden nur technisch notwendige Cookies. Das Cookie „sessionid“ hält Ihre "
                "Sitzung aufrecht und läuft nach spätestens zwei Wochen ab; wenn Sie sich "
                "anmelden, ohne „Angemeldet bleiben“ zu wählen, schon beim Schließen des "
                "Browsers. Das Cookie „csrftoken“ "
                "schützt Formulare vor Missbrauch durch fremde Webseiten und ist ein Jahr gültig. "
                "Die Sprache der Plattform wird über die Adresse gewählt, zum Beispiel /en/ für "
                "Englisch; dafür wird kein Cookie gesetzt.",
            ),
            ("heading", "Speicherdauer"),
            (
                "paragraph",
                "Zufällige Kennungen anonymer Teilnehmender werden 90 Tage nach Ende der "
                "jeweiligen Beteiligung gelöscht, bei Beiträgen außerhalb eines Verfahrens (etwa "
                "zu Nachrichten) 90 Tage nach dem Beitrag; die Beiträge selbst bleiben ohne "
                "Personenbezug als Teil der Dokumentation erhalten. Konten bestehen, bis Sie sie "
                "löschen. Beim Löschen entscheiden Sie, ob Ihre Beiträge als „Gelöschtes Konto“ "
                "erhalten bleiben oder ebenfalls gelöscht werden.",
            ),
            ("heading", "Ihre Rechte"),
            (
                "paragraph",
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                "Verarbeitung, das Recht auf Datenübertragbarkeit sowie das Recht, der "
                "Verarbeitung zu widersprechen. Mit einem Konto können Sie unter „Meine Daten“ "
                "alle gespeicherten Angaben herunterladen und Ihr Konto selbst löschen. Ohne "
                "Konto geht das Herunterladen für die Beiträge Ihrer laufenden Sitzung.",
            ),
            (
                "paragraph",
                "Sie können sich außerdem beim Landesbeauftragten für den Datenschutz "
                "Sachsen-Anhalt beschweren, wenn Sie der Ansicht sind, dass die Verarbeitung "
                "Ihrer Daten gegen Datenschutzrecht verstößt.",
            ),
        ],
    },
    {
        "key": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit",
        "body": [
            (
                "paragraph",
                "Die Stadt Haldensleben ist bemüht, diese Plattform im Einklang mit dem "
                "Behindertengleichstellungsgesetz Sachsen-Anhalt (BGG LSA) und der "
                "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich "
                "zu machen. Diese Erklärung gilt für den Stadtdialog Haldensleben.",
            ),
            ("heading", "Stand der Vereinbarkeit"),
            (
                "paragraph",
                "Die Plattform wurde mit dem Ziel entwickelt, die Anforderungen der WCAG 2.1 auf "
                "der Stufe AA zu erfüllen. Sie wird bei jeder Änderung automatisiert mit dem "
                "Prüfwerkzeug axe-core getestet und zusätzlich manuell mit der Tastatur und mit "
                "Bildschirmvergrößerung geprüft. Eine vollständige Prüfung durch eine externe "
                "Prüfstelle steht noch aus. Die Bewertung beruht daher auf einer "
                "Selbsteinschätzung.",
            ),
            ("heading", "Bekannte Einschränkungen"),
            (
                "paragraph",
                "Einige PDF-Anhänge älterer Dokumente, etwa das ISEK aus dem Jahr 2014 und "
                "eingescannte Pläne, sind nicht barrierefrei. Auf Anfrage stellen wir die Inhalte "
                "in einer zugänglichen Form bereit.",
            ),
            (
                "paragraph",
                "Zum Schutz vor automatisierten Beiträgen wird bei anonymer Teilnahme eine "
                "Sicherheitsabfrage angezeigt. Sie bietet neben der visuellen auch eine "
                "Audio-Variante. Wer die Abfrage nicht lösen kann, kann sich registrieren und "
                "ohne Sicherheitsabfrage teilnehmen oder seinen Beitrag per E-Mail oder Telefon "
                "übermitteln.",
            ),
            (
                "paragraph",
                "Karten und Pläne in Grafiken werden durch Textbeschreibungen ergänzt, geben aber "
                "nicht alle Details wieder.",
            ),
            ("heading", "Barrieren melden"),
            (
                "paragraph",
                "Wenn Ihnen Barrieren auffallen oder Sie Inhalte in einer anderen Form benötigen, "
                "schreiben Sie uns an beteiligung@haldensleben.example oder rufen Sie uns unter "
                "03904 479-0 an. Wir antworten in der Regel innerhalb von zwei Wochen.",
            ),
            ("heading", "Durchsetzungsverfahren nach BGG LSA"),
            (
                "paragraph",
                "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können "
                "Sie sich an die Schlichtungsstelle des Landes Sachsen-Anhalt wenden, die beim "
                "Beauftragten der Landesregierung für die Belange der Menschen mit Behinderungen "
                "eingerichtet ist. Das Schlichtungsverfahren ist kostenlos; Sie brauchen dafür "
                "keinen Rechtsbeistand.",
            ),
        ],
    },
    {
        "key": "leichte-sprache",
        "title": "Leichte Sprache",
        "slug": "leichte-sprache",
        "body": [
            ("heading", "Was ist diese Seite?"),
            (
                "paragraph",
                "Diese Seite heißt Stadt·dialog Haldensleben. Die Seite ist von der Stadt "
                "Haldensleben. Hier können Sie Ihre Meinung sagen. Es geht um die Zukunft von "
                "Haldensleben.",
            ),
            ("heading", "Was ist das ISEK?"),
            (
                "paragraph",
                "ISEK ist eine Abkürzung. Das lange Wort heißt: Integriertes "
                "Stadt·entwicklungs·konzept. Das ist ein Plan für die Stadt. In dem Plan steht: "
                "So soll Haldensleben im Jahr 2035 sein. Zum Beispiel: Wo neue Wohnungen gebaut "
                "werden. Wo Bäume gepflanzt werden. Wie Busse und Züge fahren.",
            ),
            (
                "paragraph",
                "Der Plan ist noch nicht fertig. Sie können jetzt mitreden. Danach entscheidet "
                "der Stadtrat über den Plan.",
            ),
            ("heading", "Wie können Sie mitmachen?"),
            (
                "paragraph",
                "Lesen: Sie können den Plan lesen. Der Plan hat viele kleine Abschnitte.",
            ),
            (
                "paragraph",
                "Kommentieren: Sie können zu jedem Abschnitt etwas schreiben. Das heißt "
                "Kommentar. Andere Menschen können Ihren Kommentar lesen.",
            ),
            (
                "paragraph",
                "Abstimmen: Sie können zeigen, ob Sie eine Idee gut finden. Oder ob Sie eine Idee "
                "nicht gut finden.",
            ),
            (
                "paragraph",
                "Umfrage: Sie können Fragen beantworten. Das dauert ungefähr 10 Minuten.",
            ),
            (
                "paragraph",
                "Sie müssen Ihren Namen nicht sagen. Sie können auch ein Konto anlegen. Dann "
                "finden Sie Ihre Beiträge später wieder.",
            ),
            ("heading", "Wer hilft Ihnen?"),
            (
                "paragraph",
                "Sie haben Fragen? Oder Sie brauchen Hilfe? Dann rufen Sie uns an. Die "
                "Telefon·nummer ist: 03904 479-0.",
            ),
            (
                "paragraph",
                "Sie können auch ins Bürger·büro kommen. Das Bürger·büro ist im Rathaus. Die "
                "Adresse ist: Markt 20 bis 22 in Haldensleben. Dort hilft man Ihnen. Dort können "
                "Sie Ihre Meinung auch auf Papier abgeben.",
            ),
            (
                "paragraph",
                "Oder Sie schreiben eine E-Mail. Die E-Mail-Adresse ist: "
                "beteiligung@haldensleben.example",
            ),
        ],
    },
]
