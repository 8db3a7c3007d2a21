"""What `seed_scale` is asked to build, and the refusals it answers with."""

from dataclasses import dataclass

from .parties import MAX_PARTIES


class ScaleError(Exception):
    """A refusal: nothing was written."""


class ScaleExists(ScaleError):
    pass


@dataclass(frozen=True)
class ScaleOptions:
    seed: int = 1
    parties: int = 60
    rounds: int = 8
    questions: int = 80  # per round, sub-parts included
    contributions: int = 20_000
    findings: int = 5_000
    min_words: int = 300
    max_words: int = 3_000
    attachments: int = 400

    def check(self) -> None:
        if not 1 <= self.parties <= MAX_PARTIES:
            raise ScaleError(f"--parties must be between 1 and {MAX_PARTIES}.")
        if not 1 <= self.rounds <= 99:
            raise ScaleError("--rounds must be between 1 and 99.")
        if self.questions < 1:
            raise ScaleError("--questions must be at least 1.")
        if min(self.contributions, self.findings, self.attachments) < 0:
            raise ScaleError("--contributions, --findings and --attachments cannot be negative.")
        if not 1 <= self.min_words <= self.max_words:
            raise ScaleError("--min-words must be at least 1 and at most --max-words.")

    @property
    def words(self) -> tuple[int, int]:
        return self.min_words, self.max_words
