"""Bench-only middleware (lanzarote_portal.settings.bench): gunicorn cannot say how many queries a request
made, so each response says it in a header."""

from django.db import connection

HEADER = "X-Bench-Queries"


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
