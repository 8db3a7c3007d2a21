from django.urls import path

from .views import account, two_factor

urlpatterns = [
    path("accounts/login/", account.LoginView.as_view(), name="login"),
    path("accounts/", account.account, name="account"),
    path("accounts/password/", account.PasswordChangeView.as_view(), name="password-change"),
    path("accounts/password/reset/", account.PasswordResetView.as_view(), name="password-reset"),
    path(
        "accounts/password/reset/sent/", account.PasswordResetDoneView.as_view(), name="password-reset-done"
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "accounts/password/reset/done/",
        account.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("accounts/email/", account.email_change, name="email-change"),
    path("accounts/email/<str:token>/", account.email_change_confirm_view, name="email-change-confirm"),
    path("accounts/two-factor/", two_factor.verify, name="two-factor-verify"),
    path("accounts/two-factor/setup/", two_factor.setup, name="two-factor-setup"),
    path("accounts/two-factor/recovery-codes/", two_factor.recovery_codes, name="two-factor-recovery-codes"),
]
