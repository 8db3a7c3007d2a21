"""Factsheets are rendered by WeasyPrint, which needs Pango from the operating system.

A missing library is reported as a system check with the command that installs it, not as a traceback.
"""

from django.core import checks

INSTALL_HINT = (
    "Install Pango: on Debian/Ubuntu `sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b`, "
    "on Fedora `sudo dnf install pango`, on macOS `brew install pango`. See README, Prerequisites."
)


@checks.register()
def weasyprint_libraries(app_configs, **kwargs):
    try:
        import weasyprint  # noqa: F401  (the import itself loads Pango)
    except (OSError, ImportError) as error:
        return [
            checks.Error(
                f"WeasyPrint cannot load a system library it needs: {error}",
                hint=INSTALL_HINT,
                id="reports.E001",
            )
        ]
    return []
