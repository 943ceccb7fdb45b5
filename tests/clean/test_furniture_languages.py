"""Page furniture in other languages than English is recognised by kind; the report stays."""

from __future__ import annotations

import pytest

from newsprism.clean import clean_document
from newsprism.clean.boilerplate import classify
from newsprism.config import Options
from newsprism.model import RawDocument


def kinds(text):
    verdict = classify(text)
    return None if verdict is None else [r.kind for r in verdict.removed]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lesen Sie auch: Fähre nach Velmora fährt wieder", ["link"]),
        ("Lesen Sie auch die folgenden Berichte:", ["link"]),
        ("Schon gelesen?", ["link"]),
        ("Weitere Artikel", ["link"]),
        ("Noticias relacionadas", ["link"]),
        ("À lire aussi : le port rouvre lundi", ["link"]),
        ("Czytaj także: Prom do Velmory znów kursuje", ["link"]),
        ("Foto: Karin Holm", ["credit"]),
        ("Fot. Jan Nowak / Agencja Portowa", ["credit"]),
        ("Crédits photos : Marek Vos", ["credit"]),
        ("Quelle: Hafenbehörde Velmora", ["credit"]),
        ("Die Fähre am Montag im Hafen von Velmora. (Foto: Karin Holm)", ["caption", "credit"]),
        ("Anzeige", ["furniture"]),
        ("ANZEIGE - Jetzt Tickets für die Hafenrundfahrt sichern", ["furniture"]),
        ("Dieser Beitrag enthält Werbung für einen Fährbetreiber.", ["furniture"]),
        ("Bei den mit Sternchen markierten Links handelt es sich um Affiliate-Links.",
         ["furniture"]),
        ("Mit unserem Newsletter erfahren Sie jeden Morgen, was im Hafen los ist!",
         ["furniture"]),
        ("If you are already a subscriber, log in to read the rest of this story.",
         ["furniture"]),
        ("Sie sind nicht eingeloggt.", ["furniture"]),
        ("Escucha esta nota aquí", ["furniture"]),
        ("© 2024 Hafenbote. Alle Rechte vorbehalten.", ["furniture"]),
    ],
)
def test_furniture_in_other_languages_is_recognised(line, expected):
    assert kinds(line) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Weitere Artikel des Gesetzes sollen im Herbst folgen, sagte die Ministerin.",
        "Lesen Sie auch die Stellungnahme der Reederei, forderte der Betriebsrat am Montag.",
        "Die Anzeige gegen den Kapitän wurde am Dienstag erstattet.",
        "Quelle der Unruhe ist der geplante Verkauf des Hafens an einen Investor.",
        "Auf dem Foto, das die Polizei veröffentlichte, ist die Fähre zu sehen.",
        "Die Werbung der Reederei verspricht seit Jahren pünktliche Abfahrten.",
        "El puerto de Velmora reabrirá el lunes, según informó la autoridad portuaria.",
        "Le port de Velmora rouvrira lundi, a annoncé la capitainerie.",
    ],
)
def test_real_sentences_in_other_languages_stay(sentence):
    assert classify(sentence) is None


GERMAN_PAGE = """<html><head><title>Sturm legt Fähre nach Velmora lahm</title></head><body>
<article><h1>Sturm legt Fähre nach Velmora lahm</h1>
<p>Die Fähre zwischen Tarvosa und Velmora fährt seit Montag nicht mehr, weil der Sturm
Wellen von bis zu sechs Metern in die Meerenge treibt, teilte die Reederei mit.</p>
<figure><img src="f.jpg"><p>Die leere Anlegestelle in Velmora am Montagmorgen.
(Foto: Karin Holm)</p></figure>
<p>Lesen Sie auch:</p>
<p>Hafenarbeiter beenden Streik nach Einigung</p>
<p>Nach Angaben des Wetterdienstes soll der Wind erst am Donnerstag nachlassen. Dann
könnten die ersten Überfahrten wieder stattfinden, sofern der Hafenmeister zustimmt.</p>
<p>ANZEIGE - Jetzt die Hafenrundfahrt für den Sommer buchen</p>
<p>Pendler müssen bis dahin den Umweg über die Brücke bei Lenk nehmen, der rund zwei
Stunden länger dauert, sagte ein Sprecher der Verkehrsbehörde.</p>
<p>Mit unserem Newsletter erfahren Sie jeden Morgen, was im Hafen los ist!</p>
<p>Quelle: Hafenbehörde Velmora</p>
</article></body></html>"""


def test_german_page_keeps_the_report_and_records_each_piece_of_furniture():
    article = clean_document(
        RawDocument(origin="velmora.html", body=GERMAN_PAGE, format="html"), Options()
    )
    assert "Wellen von bis zu sechs Metern" in article.text
    assert "erst am Donnerstag nachlassen" in article.text
    assert "Umweg über die Brücke bei Lenk" in article.text
    removed = {r.text: r.kind for r in article.removed}
    for furniture in ("Lesen Sie auch", "Hafenarbeiter beenden Streik", "ANZEIGE",
                      "unserem Newsletter", "Quelle: Hafenbehörde", "(Foto: Karin Holm)"):
        assert furniture not in article.text
    assert removed["Lesen Sie auch:"] == "link"
    assert removed["Hafenarbeiter beenden Streik nach Einigung"] == "link"
    assert removed["ANZEIGE - Jetzt die Hafenrundfahrt für den Sommer buchen"] == "furniture"
    assert removed["Quelle: Hafenbehörde Velmora"] == "credit"
    assert removed["(Foto: Karin Holm)"] == "credit"
