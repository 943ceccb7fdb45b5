"""Dataset reader: normalisation at the boundary, errors that name the line."""

from pathlib import Path

import pytest

from newsprism.errors import InputError
from newsprism.eval.datasets import default_words, normalise_text, read_clusters

FIXTURE = Path(__file__).parents[1] / "fixtures" / "eval" / "tiny_mds.jsonl"


def test_reads_fixture_clusters_and_query():
    clusters = read_clusters(FIXTURE)
    assert [c.id for c in clusters] == ["fict-bridge", "fict-orchard", "fict-library"]
    assert clusters[1].query.startswith("What did the regional council")
    assert clusters[0].documents[0].date == "2031-04-02"
    assert len(clusters[0].articles()) == 3
    assert read_clusters(FIXTURE, limit=1)[0].id == "fict-bridge"


def test_wire_codes_and_spaces_are_removed():
    text = ("&UR; News service &QC;\nThe  library\t&QL; would hire &frac12; staff.\n-0-\n"
            "ENDIT\n(END OPTIONAL TRIM)\n")
    assert normalise_text(text) == "News service\nThe library would hire ½ staff."
    library = read_clusters(FIXTURE)[2]
    assert "&QL;" not in library.documents[1].text


def test_editors_pick_up_marks_are_removed():
    text = ("The ferry sank at noon.\nThe Harbour, 3rd graf pvs\n"
            "Divers searched the bay. &UR; Officials said, graf 5 pvs\n"
            "Crews worked overnight, 5th graf, pvs.\nThe 3rd graf of the report was cut.")
    assert normalise_text(text) == ("The ferry sank at noon.\nDivers searched the bay.\n"
                                    "The 3rd graf of the report was cut.")


def test_bad_json_line_is_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = FIXTURE.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not valid JSON"):
        read_clusters(path)


def test_missing_file_and_missing_fields(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_clusters(tmp_path / "nope.jsonl")
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "a", "references": ["r"]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.jsonl:1: 'documents'"):
        read_clusters(path)


def test_default_words_by_dataset():
    assert default_words("data/duc2003_mds.jsonl") == 100
    assert default_words("duc2007_update.jsonl") == 100
    assert default_words("duc2006_qfmds.jsonl") == 250
    assert default_words("duc2007_main_qfmds.jsonl") == 250
    assert default_words("multiling2011_english.jsonl") == 250
    assert default_words("mine.jsonl") == 100
