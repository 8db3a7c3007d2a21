from django.urls import path

from .views import attachments, editor, word

reply = "rounds/<slug:slug>/parties/<str:iso2>/reply/"

urlpatterns = [
    path("my-replies/", editor.dashboard, name="reply-dashboard"),
    path(reply, editor.edit, name="reply-edit"),
    path(f"{reply}settings/", editor.settings_update, name="reply-settings"),
    path(f"{reply}answers/<str:number>/", editor.answer_save, name="answer-save"),
    path(f"{reply}answers/<str:number>/history/", editor.answer_history, name="answer-history"),
    path(f"{reply}submit/", editor.submit, name="reply-submit"),
    path(f"{reply}attachments/", attachments.add, name="attachment-add"),
    path(f"{reply}attachments/<int:pk>/delete/", attachments.remove, name="attachment-remove"),
    path("attachments/<int:pk>/", attachments.download, name="attachment-download"),
    path(f"{reply}word/", word.download, name="reply-word-download"),
    path(f"{reply}word/import/", word.upload, name="reply-word-import"),
    path(f"{reply}word/import/<int:pk>/", word.preview, name="reply-word-preview"),
]
