"""Why an input was skipped: one line for the user, naming the input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestError:
    """An input (file, URL, feed entry or JSON line) that produced no document, and why."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"


class InputProblem(Exception):
    """Raised inside readers; `read_inputs` turns it into an IngestError for the current input."""
