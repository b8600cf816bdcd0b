"""Actor gazetteer and NER on our own sentences, plus HTS in the seed article (read at run time)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from observatory.evaluation.context_actors_eval import parse_text
from observatory.extract import load_nlp
from observatory.extract.claims.segment import segment
from observatory.extract.context.actor_gazetteer import load_gazetteer
from observatory.extract.context.actors import find_actors
from observatory.models import ActorMention, DocumentInput

SEEDS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def _actors(text: str, nlp: Language) -> list[ActorMention]:
    return find_actors(parse_text(text, "t", nlp), nlp)


def _known(text: str, nlp: Language) -> dict[str, str | None]:
    return {a.text: a.actor for a in _actors(text, nlp) if a.actor}


def test_curly_and_straight_apostrophes_match_the_same_actor(nlp: Language) -> None:
    curly = _known("Fighters of Hay’at Tahrir al-Sham entered the town of Kafr Nabl.", nlp)
    straight = _known("Fighters of Hay'at Tahrir al-Sham entered the town of Kafr Nabl.", nlp)
    assert curly == {"Hay’at Tahrir al-Sham": "Hay'at Tahrir al-Sham"}
    assert straight == {"Hay'at Tahrir al-Sham": "Hay'at Tahrir al-Sham"}


def test_former_names_and_person_aliases_resolve_to_canonical(nlp: Language) -> None:
    found = _known("Abu Mohammed al-Jolani once led the Nusra Front; Jolani now goes by al-Sharaa.", nlp)
    assert found["Abu Mohammed al-Jolani"] == "Ahmed al-Sharaa"
    assert found["Nusra Front"] == "Hay'at Tahrir al-Sham"
    assert found["Jolani"] == found["al-Sharaa"] == "Ahmed al-Sharaa"


def test_acronyms_are_case_sensitive_and_split_from_brackets(nlp: Language) -> None:
    found = _known("The (RSF)-led offensive and a PDF unit near Mindat; the report is a pdf file.", nlp)
    assert found == {"RSF": "Rapid Support Forces", "PDF": "People's Defence Force"}


def test_sides_types_and_countries_come_from_the_gazetteer(nlp: Language) -> None:
    mentions = _actors("M23 rebels and the Congolese army fought near Sake.", nlp)
    by_actor = {a.actor: a for a in mentions if a.actor}
    assert by_actor["M23"].side == "m23" and by_actor["M23"].type == "armed_group"
    fardc = by_actor["Armed Forces of the DRC"]
    assert fardc.side == "drc-government" and fardc.country == "DR Congo"


def test_generic_side_descriptors(nlp: Language) -> None:
    found = _known("Remnants of the former regime and pro-Assad gunmen attacked a checkpoint.", nlp)
    assert set(found.values()) == {"Assad loyalists"}
    assert len(found) == 2


def test_country_is_an_actor_only_when_it_acts(nlp: Language) -> None:
    assert "Turkey" not in _known("Refugees fled to Turkey last winter.", nlp)
    assert _known("Turkey denied sending drones.", nlp).get("Turkey") == "Turkey"


def test_ner_adds_unknown_actors_without_canonical_name(nlp: Language) -> None:
    mentions = _actors("The Zarqa Valley Brigade said its commander Omar Haddad was wounded.", nlp)
    unknown = [m for m in mentions if m.actor is None]
    assert any("Omar Haddad" in m.text and m.type == "person" for m in unknown)


def test_unparsed_sentences_get_gazetteer_actors_only(nlp: Language) -> None:
    doc = DocumentInput(id="u", text="Omar Haddad met SOHR staff.", content_hash="u")
    parsed = segment(doc)  # no sentence has a parse: NER must not run, the gazetteer still does
    mentions = find_actors(parsed, nlp)
    assert [(m.text, m.actor) for m in mentions] == [("SOHR", "Syrian Observatory for Human Rights")]
    assert mentions[0].span == (16, 20)


def test_lookup_tolerates_case_apostrophes_and_articles() -> None:
    gaz = load_gazetteer()
    entry = gaz.lookup("the Rapid Support Forces")
    assert entry is not None and entry.name == "Rapid Support Forces"
    hts = gaz.lookup("Hay’at Tahrir al-Sham")
    assert hts is not None and hts.name == "Hay'at Tahrir al-Sham"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not present")
def test_seed_article_names_hts_in_full_with_curly_apostrophe(nlp: Language) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parsed = segment(DocumentInput(id=path.stem, text=text, content_hash=path.stem))
        mentions = find_actors(parsed, nlp)
        full = [m for m in mentions if m.text == "Hay’at Tahrir al-Sham"]
        assert full, path.name
        assert all(m.actor == "Hay'at Tahrir al-Sham" for m in full)
        assert all(text[m.span[0]:m.span[1]] == m.text for m in mentions)


def test_side_depends_on_the_documents_conflict(nlp: Language) -> None:
    sahel_text = "Wagner fighters and FAMa troops raided Moura. JNIM denied it."
    sahel = {a.actor: a.side for a in _actors(sahel_text, nlp)}
    ukraine_text = "Wagner fighters attacked Ukrainian troops near Bakhmut."
    ukraine = {a.actor: a.side for a in _actors(ukraine_text, nlp)}
    assert sahel["Wagner Group"] == "sahel-juntas"
    assert ukraine["Wagner Group"] == "russia"
