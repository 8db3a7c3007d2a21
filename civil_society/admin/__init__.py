"""The Secretariat's side of civil society: verifying organisations, and the moderation queue of
contributions (acknowledge, change visibility, request additional information).

A contribution is the organisation's text: the Secretariat reads it and acts on it through the services,
never edits it. Each action reports, object by object, what was done or why it was refused.
"""

from . import contributions, organisations

__all__ = ["contributions", "organisations"]
