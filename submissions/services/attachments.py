import hashlib

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.audit import audited
from core.text_limits import text_check
from questionnaires.models import Question

from ..errors import InvalidFile, InvalidLanguage, NotFound
from ..files import document_kind
from ..models import Attachment, Reply
from .answers import locked_editable


def attachment_languages(reply: Reply) -> list[str]:
    """An attachment is in an official language or in the reply's national language."""
    languages = ["en", "fr"]
    if reply.national_language_id:
        languages.append(reply.national_language.code)
    return languages


@audited
@transaction.atomic
def attachment_add(
    *, reply: Reply, by, upload: UploadedFile, title: str, language: str, question: Question | None = None
) -> Attachment:
    """Store a PDF, DOCX or ODT checked by its content; anything else is refused and nothing is stored."""
    reply = locked_editable(reply)
    if question is not None and question.questionnaire.round_id != reply.round_id:
        raise NotFound(_("This question is not part of the reply's questionnaire."))
    if not title.strip():
        raise InvalidFile(_("Give the document a title."))
    text_check(title.strip(), kind="title", field="title", label=_("Title"))
    if language not in attachment_languages(reply):
        raise InvalidLanguage(_("Choose the language the document is written in."))
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise InvalidFile(
            _("This file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.ATTACHMENT_MAX_BYTES)}
        )
    kind = document_kind(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return Attachment.objects.create(
        reply=reply,
        question=question,
        title=title.strip(),
        language=language,
        file=upload,
        original_name=upload.name[:255],
        kind=kind,
        size=upload.size,
        sha256=digest.hexdigest(),
        uploaded_by=by,
    )


@audited
@transaction.atomic
def attachment_remove(*, attachment: Attachment, by) -> None:
    locked_editable(attachment.reply)
    attachment.file.delete(save=False)
    attachment.delete()
