import dataclasses

from django.core.management.base import BaseCommand, CommandError

from demo.scale import ScaleError, ScaleOptions, scale_seed

DEFAULTS = ScaleOptions()


class Command(BaseCommand):
    help = (
        "Build a large synthetic data set for benchmarks: rounds scale-1 ... scale-N with every Party's "
        "reply, long answers, attachments, civil-society contributions and findings. The same seed gives the "
        "same data."
    )

    def add_arguments(self, parser):
        sizes = {
            "seed": "Random seed: the same seed gives the same data.",
            "parties": "Parties (the 48 real ones first, then synthetic ones).",
            "rounds": "Rounds, the newest collecting replies.",
            "questions": "Questions per round, sub-parts included.",
            "contributions": "Civil-society contributions, one fifth confidential.",
            "findings": "Findings, over the rounds past their deadline.",
            "min_words": "Fewest words in an answer.",
            "max_words": "Most words in an answer.",
            "attachments": "Documents attached to replies (small real files in MEDIA_ROOT).",
        }
        for name, help_text in sizes.items():
            default = getattr(DEFAULTS, name)
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                type=int,
                default=default,
                help=f"{help_text} Default: {default}.",
            )
        parser.add_argument(
            "--force", action="store_true", help="Replace the scale data set if there is one."
        )

    def handle(self, *args, force: bool, verbosity: int, **options):
        sizes = ScaleOptions(
            **{field.name: options[field.name] for field in dataclasses.fields(ScaleOptions)}
        )
        say = self._progress if verbosity else None
        try:
            writer = scale_seed(options=sizes, replace=force, say=say)
        except ScaleError as error:
            raise CommandError(str(error)) from None
        if verbosity:
            self.stdout.write("Rows written:")
            for label, count in sorted(writer.counts.items()):
                self.stdout.write(f"  {label:<45} {count:>10,}")
        self.stdout.write(
            self.style.SUCCESS(f"Scale data set ready (seed {sizes.seed}) in {writer.elapsed:.1f}s.")
        )

    def _progress(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()  # shown as it happens, also when the output goes to a file
