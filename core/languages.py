"""The official languages of the Council of Europe: replies and contributions are written in one of them, and
e-mails are sent in one (a Party's national languages are `rounds.models.Language` rows)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficialLanguage(models.TextChoices):
    EN = "en", _("English")
    FR = "fr", _("French")
