"""Bench-only middleware (lanzarote_portal.settings.bench): gunicorn cannot say how many queries a request
made, so each response says it in a header; and a cold request must find nothing kept, in the shared cache
(the bench empties it) nor in the process that answers (this middleware empties its memory)."""

from django.core.cache import caches
from django.db import connection

HEADER = "X-Bench-Queries"
COLD_HEADER = "HTTP_X_BENCH_COLD"


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response


class ColdMiddleware:
    """With `X-Bench-Cold: 1`, this process forgets the pages and the data version it keeps in memory before
    answering, as a process that never saw them would."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(COLD_HEADER) == "1":
            # Imported here, not with the module: the bench's client reads HEADER without Django set up.
            from public.cache import forget_public_data_version

            caches["pages"].clear()
            forget_public_data_version()
        return self.get_response(request)
