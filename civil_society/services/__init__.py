"""Every write of civil society: organisations, contributions, co-signatures, moderation, subscriptions
and the Secretariat's daily digest."""

from .contributions import (
    co_signature_decide,
    co_signer_add,
    co_signer_remove,
    contribution_create,
    contribution_document_attach,
    contribution_item_save,
    contribution_submit,
    contribution_update,
)
from .digest import secretariat_digest_resume, secretariat_digest_send
from .moderation import (
    contribution_acknowledge,
    contribution_make_confidential,
    contribution_make_public,
    contribution_publicity_consent,
    information_request_answer,
    information_request_create,
    party_comment_digest_send,
)
from .organisations import (
    invitation_accept,
    invitation_open,
    member_email_verify,
    member_invite,
    organisation_register,
    organisation_verify,
)
from .subscriptions import (
    subscription_follow,
    subscription_language_set,
    subscription_unfollow,
    subscription_unsubscribe,
)

__all__ = [
    "co_signature_decide",
    "co_signer_add",
    "co_signer_remove",
    "contribution_acknowledge",
    "contribution_create",
    "contribution_document_attach",
    "contribution_item_save",
    "contribution_make_confidential",
    "contribution_make_public",
    "contribution_publicity_consent",
    "contribution_submit",
    "contribution_update",
    "information_request_answer",
    "information_request_create",
    "invitation_accept",
    "invitation_open",
    "member_email_verify",
    "member_invite",
    "organisation_register",
    "organisation_verify",
    "party_comment_digest_send",
    "secretariat_digest_resume",
    "secretariat_digest_send",
    "subscription_follow",
    "subscription_language_set",
    "subscription_unfollow",
    "subscription_unsubscribe",
]
