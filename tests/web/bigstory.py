"""A fictional 30-article story, written at test time: four invented outlets report a
flood in the invented town of Halvaro over three days.

The articles share the event's vocabulary (so they form one story) but differ in
wording, figures as they rise, quotes, and details only one outlet has, like a real
wire-heavy story. Deterministic: the same 30 articles every run.
"""

from __future__ import annotations

import random

from newsprism.model import Article

OUTLETS = {"Valley Wire Service": 12, "Halvaro Tribune": 7, "Northgate Herald": 6,
           "Coastline Radio News": 5}

LEDES = [
    "Floodwater from the swollen Rennick river forced {evac} residents of Halvaro from their "
    "homes on {day}, the regional emergency office said.",
    "The Rennick river burst its banks in Halvaro on {day}, and {evac} people were "
    "evacuated as water filled the old town, officials said.",
    "About {evac} people left their homes in Halvaro on {day} after the Rennick river rose "
    "above its flood walls, according to the emergency office.",
]
FACTS = [
    "The river peaked at {level} metres at the Halvaro gauge, the highest reading since 1987.",
    "Two schools and the central library were turned into shelters for the night.",
    "Rail services between Halvaro and Northgate were suspended because the line was under water.",
    "Volunteers filled sandbags outside the town hall through the night.",
    "The regional government released an emergency fund of {fund} million crowns for repairs.",
    "Firefighters rescued {rescued} people from rooftops in the lower town.",
    "Power was cut to {homes} homes as a precaution, the grid operator said.",
    "Forecasters expect more rain in the hills above the valley on Thursday.",
    "The Kessel bridge was closed after engineers found cracks in one of its piers.",
    "Farmers in the lower valley moved their cattle to higher fields.",
]
QUOTES = [
    '"We have never seen the water come up this fast," Mayor Ilse Varga told reporters.',
    'Fire chief Tomas Reddin said: "Our crews have been working without a break since dawn."',
    '"The flood walls held for most of the day, but not in the old town," said engineer '
    'Marta Lindqvist.',
    '"Please stay away from the riverbanks," the emergency office said in a statement.',
]
OWN = {
    "Valley Wire Service": "The wire service counted {boats} boats in the rescue effort.",
    "Halvaro Tribune": "The Tribune's own office on Market Street was flooded to a depth "
                       "of half a metre.",
    "Northgate Herald": "Northgate offered to house {guests} evacuees in its sports hall.",
    "Coastline Radio News": "A listener in the lower town told the station that her "
                            "street had become a canal.",
}
TITLES = ["Rennick floods Halvaro old town", "Thousands leave homes as Rennick rises",
          "Halvaro flood: rescue crews work through night", "Rennick river peaks in Halvaro",
          "Halvaro counts flood damage", "Flood closes Halvaro rail line"]
DAYS = [("2025-03-10", "Monday"), ("2025-03-11", "Tuesday"), ("2025-03-12", "Wednesday")]


def big_story() -> list[Article]:
    """The 30 articles, each outlet's in time order over three days."""
    rng = random.Random(30)
    articles = []
    n = 0
    for outlet, count in OUTLETS.items():
        for k in range(count):
            n += 1
            published, day = DAYS[k * len(DAYS) // count]
            values = {"day": day, "evac": 1200 + 150 * (k * 3 // count) + 10 * (n % 3),
                      "level": f"{4.1 + 0.2 * (k * 3 // count):.1f}", "fund": 12 + k % 3,
                      "rescued": 30 + n % 7, "homes": 800 + 50 * (n % 4), "boats": 14 + k,
                      "guests": 300 + 20 * k}
            body = [rng.choice(LEDES)] + rng.sample(FACTS, 5) + [rng.choice(QUOTES)]
            if k % 2 == 0:
                body.insert(3, OWN[outlet])
            text = "\n\n".join(s.format(**values) for s in body)
            articles.append(Article(
                id=f"big{n:02d}", name=outlet, text=text, published=published,
                published_time=f"{7 + (n * 5) % 14:02d}:{(n * 17) % 60:02d}",
                title=TITLES[n % len(TITLES)],
                url=f"https://{outlet.split()[0].lower()}.example/halvaro-flood-{k + 1}"))
    return articles
