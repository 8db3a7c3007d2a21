"""Party names in templates as readers expect them: `{% for party in parties|by_name %}` lists Parties in
the order of the reader's language; `party.name_with_article` and `party.of_name` give the forms in a
sentence ("the Netherlands", "de l'Allemagne")."""

from django.template import Library

from ..names import sorted_by_name

register = Library()


@register.filter
def by_name(parties) -> list:
    return sorted_by_name(parties)
