"""The Secretariat's admin for the evaluation: Rapporteurs, observations, meetings and their agendas, the
implementation reports with their chapters and statements. Every save goes through the services."""

from . import meetings, observations, reports  # noqa: F401  (registers the ModelAdmins)
