"""A mail server that drops the connection for every recipient at `DOWN_DOMAIN`; the others' e-mails are
written to files like the file backend's, to show that the failures block nothing else."""

import smtplib

from django.core.mail.backends import filebased

DOWN_DOMAIN = "smtp-down.invalid"


class EmailBackend(filebased.EmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            if any(address.endswith(f"@{DOWN_DOMAIN}") for address in message.recipients()):
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)
