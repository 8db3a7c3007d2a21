"""The Secretariat's side of civil society: verifying organisations, the moderation queue of
contributions (acknowledge, change visibility, request additional information), and a member's personal
data on request (export, erasure: on the user's page).

A contribution is the organisation's text: the Secretariat reads it and acts on it through the services,
never edits it. Each action reports, object by object, what was done or why it was refused.
"""

from . import contributions, organisations, personal_data

__all__ = ["contributions", "organisations", "personal_data"]
