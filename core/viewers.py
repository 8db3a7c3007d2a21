"""Who reads: the viewer every `*_visible_to(viewer)` selector takes.

A viewer is a signed-in user or `PUBLIC`, what anyone may read, signed in or not: the public pages, feeds,
open data, search and factsheets are built for `PUBLIC` whoever asks, so that one copy serves every reader.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

Viewer = AbstractBaseUser | AnonymousUser

# An anonymous user: the gates read `is_authenticated` and `is_staff`, both false, and find no Party or
# organisation for it. Shared, so never given attributes (the gates remember a Party on signed-in users only).
PUBLIC: AnonymousUser = AnonymousUser()
