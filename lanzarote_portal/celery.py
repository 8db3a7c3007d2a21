import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lanzarote_portal.settings.base")

app = Celery("lanzarote_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
