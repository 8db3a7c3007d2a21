"""Every list of the API is paginated alike: `?page=` (from 1) and `?page_size=` (50 unless asked, at most
200); the body is `{"count", "next", "previous", "results"}`. A page past the end is 404 `not_found`."""

from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200
    page_size_query_description = "Results per page: 50 unless asked, at most 200."
    page_query_description = "The page to return, from 1."
