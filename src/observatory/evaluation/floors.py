"""Minimum F1 per evaluated field, kept in `data/eval/floors.yaml` (the floor only goes up)."""

from __future__ import annotations

from importlib import resources

import yaml


def floors_for(section: str) -> dict[str, float]:
    resource = resources.files("observatory.data").joinpath("eval").joinpath("floors.yaml")
    if not resource.is_file():
        return {}
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    return {str(k): float(v) for k, v in (data.get(section) or {}).items()}
