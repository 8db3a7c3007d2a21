"""Pages of civil society. Organisation pages, contribution pages and subscription pages are kept in three
lists, one per views module."""

from django.urls import path

from .views import coalitions, contributions, organisations, personal_data, subscriptions

organisation_patterns = [
    path("accounts/register/", organisations.register, name="organisation-register"),
    path("accounts/verify/<str:uid>/<str:token>/", organisations.verify_email, name="member-verify"),
    path("civil-society/", organisations.dashboard, name="ngo-dashboard"),
    path("civil-society/members/invite/", organisations.invite, name="member-invite"),
    path(
        "civil-society/invitations/<uuid:token>/", organisations.accept_invitation, name="invitation-accept"
    ),
    # A member's own personal data (GDPR): the copy, and the request that the Secretariat erase it.
    path("civil-society/personal-data/", personal_data.page, name="personal-data"),
    path("civil-society/personal-data/export/", personal_data.export, name="personal-data-export"),
    path(
        "civil-society/personal-data/erasure-request/",
        personal_data.erasure_request,
        name="personal-data-erasure-request",
    ),
]

contribution = "civil-society/contributions/<int:pk>/"

contribution_patterns = [
    path("civil-society/contributions/new/", contributions.new, name="contribution-new"),
    path(contribution, contributions.edit, name="contribution-edit"),
    path(f"{contribution}items/<str:number>/", contributions.item_save, name="contribution-item-save"),
    path(f"{contribution}document/", contributions.document, name="contribution-document"),
    path(f"{contribution}co-signers/", coalitions.co_signers, name="contribution-co-signers"),
    path(f"{contribution}co-sign/", coalitions.co_sign, name="co-signature-decide"),
    path(f"{contribution}submit/", contributions.submit, name="contribution-submit"),
    path(f"{contribution}consent/", coalitions.consent, name="contribution-consent"),
    path("civil-society/requests/<int:pk>/", coalitions.information_request, name="information-request"),
]

# Following a round or a Party: their pages post here; the e-mails link to the unsubscribe page.
subscription_patterns = [
    path("subscriptions/", subscriptions.manage, name="subscriptions"),
    path(
        "subscriptions/<uuid:token>/unsubscribe/",
        subscriptions.unsubscribe,
        name="subscription-unsubscribe",
    ),
    path("rounds/<slug:slug>/follow/", subscriptions.round_follow, name="round-follow"),
    path("rounds/<slug:slug>/unfollow/", subscriptions.round_unfollow, name="round-unfollow"),
    path("rounds/<slug:slug>/parties/<str:iso2>/follow/", subscriptions.party_follow, name="party-follow"),
    path(
        "rounds/<slug:slug>/parties/<str:iso2>/unfollow/",
        subscriptions.party_unfollow,
        name="party-unfollow",
    ),
]

urlpatterns = organisation_patterns + contribution_patterns + subscription_patterns
