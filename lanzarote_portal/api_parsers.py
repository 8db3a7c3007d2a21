"""The API reads JSON, forms and multipart uploads; a JSON body is bounded like a form's.

Django refuses form fields beyond DATA_UPLOAD_MAX_MEMORY_SIZE, but DRF reads a JSON body from the stream
without a limit: this parser applies the same one, and the API answers 413 `too_large`.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from rest_framework.parsers import JSONParser


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        if limit is not None and request is not None:
            meta = request.META
            try:
                length = int(meta.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > limit:
                raise RequestDataTooBig()
        return super().parse(stream, media_type, parser_context)
