"""What can stop a backup or a restore: each error has a stable code and a message an operator can act on.

The services raise them before they change anything wherever they can: a restore checks the backup and the
target first, and only then writes.
"""

from django.utils.translation import gettext_lazy as _


class BackupError(Exception):
    code = "backup_failed"

    def __init__(self, message: str = "", **context):
        self.message = str(message)
        self.context = context
        super().__init__(self.message)


class ToolMissing(BackupError):
    code = "tool_missing"


class ToolFailed(BackupError):
    code = "tool_failed"


class OutputNotEmpty(BackupError):
    code = "output_not_empty"


class InvalidBackup(BackupError):
    """The folder is not a complete backup, or a part of it is not the part the manifest describes."""

    code = "invalid_backup"


class IncompatibleBackup(BackupError):
    """A backup of another database vendor, or of a newer version of the portal."""

    code = "incompatible_backup"


class TargetNotEmpty(BackupError):
    code = "target_not_empty"

    def __init__(self, message: str = "", **context):
        super().__init__(message or _("The target is not empty."), **context)
