"""The client's address for the log-in throttle, read exactly as the API's throttles read it."""

from django.conf import settings


def client_ip(request) -> str | None:
    """Behind NUM_PROXIES trusted proxies, the address the outermost of them saw (the X-Forwarded-For entry
    that many places from the right: what a client writes itself sits further left and is ignored);
    otherwise the connection's own address."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies and forwarded:
        addresses = forwarded.split(",")
        return addresses[-min(proxies, len(addresses))].strip()
    return request.META.get("REMOTE_ADDR")
