"""Incremental clustering on a small stream of invented stories."""

from __future__ import annotations

import pytest

from newsprism.cluster import ClusterConfig, StoryClusterer, StoryState, bcubed, day_number, join
from newsprism.errors import ConfigError

QUAKE = [
    ("Earthquake shakes Corvania coast", "A magnitude 6.8 earthquake struck the Corvania coast near "
     "the port of Halvik on Monday, toppling buildings and cutting power to thousands. Rescue "
     "teams searched collapsed houses in Halvik as aftershocks rattled the region."),
    ("Halvik rescuers pull survivors from rubble", "Rescuers in Halvik pulled survivors from "
     "collapsed buildings on Tuesday after the Corvania earthquake. The death toll rose to 41, "
     "the Corvania interior ministry said, as aftershocks continued along the coast."),
    ("Aftershocks hamper Corvania quake relief", "Strong aftershocks hampered relief in Halvik, "
     "where the earthquake destroyed hundreds of homes. Corvania asked neighbours for tents and "
     "water, and rescue teams kept searching the rubble of the port district."),
]
ELECTION = [
    ("Varnish party wins Delmora election", "The Varnish party won the Delmora parliamentary "
     "election on Sunday, taking 48 percent of the vote. Party leader Ilse Moravec promised "
     "a coalition government and lower fuel taxes for Delmora households."),
    ("Moravec opens coalition talks in Delmora", "Ilse Moravec opened coalition talks with two "
     "smaller parties after the Varnish victory in the Delmora election. The parliament meets "
     "next week, and Moravec said fuel taxes would fall within a month."),
    ("Delmora coalition deal signed", "The Varnish party and the Greens signed a coalition deal "
     "in Delmora, making Ilse Moravec prime minister. The deal cuts fuel taxes and raises "
     "pensions, the parties said after the election."),
]
FESTIVAL = [
    ("Lumen film festival opens in Sarth", "The Lumen film festival opened in Sarth with a "
     "premiere by director Otto Brandvik. Forty films compete for the Golden Lantern prize, "
     "and the festival expects 90,000 visitors in Sarth this year."),
    ("Brandvik film wins Golden Lantern", "Otto Brandvik's film won the Golden Lantern at the "
     "Lumen festival in Sarth. The jury praised the film's cinematography, and the festival "
     "closed with a record 95,000 visitors."),
]


def stream() -> list[tuple[str, str, str, str, str]]:
    """(key, gold, title, text, date) interleaved across stories, in date order."""
    rows = []
    for i in range(3):
        for gold, items in (("quake", QUAKE), ("election", ELECTION), ("festival", FESTIVAL)):
            if i < len(items):
                title, text = items[i]
                rows.append((f"{gold}{i}", gold, title, text, f"2024-03-{10 + i:02d}"))
    return rows


def test_stories_form_from_a_mixed_stream() -> None:
    c = StoryClusterer()
    rows = stream()
    labels = [c.add(k, t, x, d).story for k, _, t, x, d in rows]
    p, r, f = bcubed(labels, [g for _, g, *_ in rows])
    assert f >= 0.9, (p, r, labels)


def test_same_order_gives_same_stories() -> None:
    rows = stream()
    first = [StoryClusterer().add(k, t, x, d).story for k, _, t, x, d in rows]
    again = [StoryClusterer().add(k, t, x, d).story for k, _, t, x, d in rows]
    assert first == again


def test_syndicated_copy_joins_its_original_as_a_duplicate() -> None:
    c = StoryClusterer()
    title, text = QUAKE[0]
    original = c.add("orig", title, text, "2024-03-10")
    copy = c.add("copy", "Quake hits coast", text + " (Wire)", "2024-03-10")
    assert copy.story == original.story
    assert copy.duplicate_of == "orig"
    assert not copy.created


def test_time_window_keeps_old_stories_closed() -> None:
    c = StoryClusterer(ClusterConfig(window_days=5))
    a = c.add("a", *QUAKE[0], "2024-01-01")
    c.drain()  # the store has saved it
    b = c.add("b", *QUAKE[1], "2024-06-01")  # same words, five months later: a new story
    assert b.created and b.story != a.story
    assert a.story not in c.stories  # closed (and saved) stories leave memory


def test_a_story_leaves_memory_only_once_drained() -> None:
    c = StoryClusterer(ClusterConfig(window_days=5))
    a = c.add("a", *QUAKE[0], "2024-01-01")
    c.add("b", *ELECTION[0], "2024-06-01")
    assert a.story in [st.id for st in c.drain().stories]


def test_restored_state_places_articles_like_the_live_one() -> None:
    live = StoryClusterer()
    for k, _, t, x, d in stream()[:-1]:
        live.add(k, t, x, d)
    restored = StoryClusterer()
    restored.restore_stats(live.n_docs, live.df)
    for st in live.drain().stories:
        restored.restore_story(st)
    k, _, t, x, d = stream()[-1]
    assert restored.add(k, t, x, d).story == live.add(k, t, x, d).story


def test_bcubed_known_values() -> None:
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(["a", "a", "a"], ["x", "x", "y"])
    assert round(p, 3) == round((2 / 3 * 2 + 1 / 3) / 3, 3) and r == 1.0


def test_stories_remember_only_their_latest_members() -> None:
    c = StoryClusterer(ClusterConfig(member_links=2, member_terms=5))
    for k, _, t, x, d in stream():
        c.add(k, t, x, d)
    for st in c.stories.values():
        assert len(st.members) == min(st.size, 2)
        assert all(len(m) <= 5 for m in st.members)


def test_a_story_restored_without_members_scores_by_its_centroid() -> None:
    # the store keeps only the centroid: a restarted clusterer must still place articles
    live = StoryClusterer()
    story_of = {g: live.add(k, t, x, d).story for k, g, t, x, d in stream()[:-1]}
    restored = StoryClusterer()
    restored.restore_stats(live.n_docs, live.df)
    for st in live.drain().stories:
        restored.restore_story(StoryState(st.id, dict(st.centroid), st.first, st.last, st.size))
    k, gold, t, x, d = stream()[-1]
    assert restored.add(k, t, x, d).story == story_of[gold]


def test_join_features_read_time_as_the_model_expects() -> None:
    sim = join.Similarities(body=0.5, recent=0.4, title=0.0, lead=0.3, names=0.2, titled=False)
    story = join.StoryTime(first=100, last=110, mean=105.0, spread=3.0, size=4)
    near, far = join.pair_features(sim, story, 111), join.pair_features(sim, story, 140)
    at = {name: i for i, name in enumerate(join.FEATURES)}
    assert len(near) == len(join.FEATURES)
    assert near[at["gap"]] < far[at["gap"]]  # a story that has not grown for days is farther
    assert join.pair_features(sim, story, 105)[at["gap"]] == 0.0  # inside its span
    assert join.pair_features(sim, story, None)[at["undated"]] == 1.0


def test_shipped_join_model_prefers_close_recent_stories() -> None:
    model = join.shipped_model()
    story = join.StoryTime(first=100, last=101, mean=100.5, spread=0.5, size=3)
    close = join.Similarities(body=0.6, recent=0.6, title=0.5, lead=0.5, names=0.6, titled=True)
    loose = join.Similarities(body=0.05, recent=0.05, title=0.0, lead=0.0, names=0.0, titled=True)
    assert model.probability(join.pair_features(close, story, 102)) > 0.5
    assert model.probability(join.pair_features(loose, story, 102)) < 0.5


def test_a_weights_file_missing_a_feature_is_refused() -> None:
    with pytest.raises(ConfigError, match="train_cluster"):
        join.JoinModel.from_dict({"intercept": 0.0, "coefficients": {"body": 1.0}})


def test_story_time_statistics() -> None:
    c = StoryClusterer()
    rows = [(k, t, x, d) for k, g, t, x, d in stream() if g == "quake"]
    for k, t, x, d in rows:
        sid = c.add(k, t, x, d).story
    time = c.stories[sid].time()
    assert (time.first, time.last, time.size) == (day_number("2024-03-10"),
                                                  day_number("2024-03-12"), 3)
    assert time.mean == day_number("2024-03-11") and 0.8 < time.spread < 0.9
