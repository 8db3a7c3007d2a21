from tests.reports.conftest import secretariat, world  # noqa: F401  (the round with findings and evidence)
