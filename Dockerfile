# The portal's one image: web (gunicorn), worker and beat differ only by command (docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=lanzarote_portal.settings.production

# Pango and HarfBuzz for WeasyPrint (factsheets); fonts for both languages' glyphs; pg_dump and pg_restore
# for `backup_portal` / `restore_portal` (Debian 12's client is PostgreSQL 15, the version of the compose's
# database: pg_dump must be at least the server's version).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core \
       postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install . && useradd --system --home /app portal \
    && SECRET_KEY=build ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 CACHE_URL=locmemcache:// \
       CELERY_BROKER_URL=memory:// python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media && chown -R portal /app/var

USER portal
EXPOSE 8000
CMD ["gunicorn", "lanzarote_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
