"""Every write to replies: answers, attachments and the reply's life from draft to publication."""

from .answers import answer_save, answer_save_in_language
from .attachments import attachment_add, attachment_remove
from .replies import (
    reply_open,
    reply_publish,
    reply_register,
    reply_send_back,
    reply_settings_update,
    reply_submit,
)

__all__ = [
    "answer_save",
    "answer_save_in_language",
    "attachment_add",
    "attachment_remove",
    "reply_open",
    "reply_publish",
    "reply_register",
    "reply_send_back",
    "reply_settings_update",
    "reply_submit",
]
