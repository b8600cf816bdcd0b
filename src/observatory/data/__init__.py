"""Package data: vocabularies, gazetteers, eval gold sets and demo/bench corpora.

Every stage may import this module (the data is stage-neutral); `load_yaml` is the one way the
stages read their top-level YAML vocabularies.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def load_yaml(name: str) -> dict[str, Any]:
    """The mapping in `observatory/data/<name>`; a file without a top-level mapping is an error."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data
