from . import factsheets, findings  # noqa: F401  (registers the ModelAdmins)
