"""Party names as readers write and sort them: with their article, after "of", in the reader's order.

The article, gender, number and elision of each name are data on the Party (`article_en`, `article_fr`,
`elided_fr`), never guessed from the name: "la Hongrie" does not elide, "Malte" takes no article.
`KNOWN_FORMS` is the table for the Parties to the Convention, read by the data migration and the demo data.
"""

import unicodedata
from collections.abc import Iterable
from typing import TypeVar

from django.utils.translation import get_language

# ISO code: (English article, French article, elided in French). Parties not listed take no article.
KNOWN_FORMS = {
    "AD": ("", "la", True),
    "AL": ("", "la", True),
    "AM": ("", "la", True),
    "AT": ("", "la", True),
    "AZ": ("", "le", True),
    "BA": ("", "la", False),
    "BE": ("", "la", False),
    "BG": ("", "la", False),
    "CH": ("", "la", False),
    "CY": ("", "", False),
    "CZ": ("the", "la", False),
    "DE": ("", "la", True),
    "DK": ("", "le", False),
    "EE": ("", "la", True),
    "ES": ("", "la", True),
    "FI": ("", "la", False),
    "FR": ("", "la", False),
    "GB": ("the", "le", False),
    "GE": ("", "la", False),
    "GR": ("", "la", False),
    "HR": ("", "la", False),
    "HU": ("", "la", False),  # "la Hongrie": an aspirate h does not elide
    "IE": ("", "la", True),
    "IS": ("", "la", True),
    "IT": ("", "la", True),
    "LI": ("", "le", False),
    "LT": ("", "la", False),
    "LU": ("", "le", False),
    "LV": ("", "la", False),
    "MC": ("", "", False),
    "MD": ("the", "la", False),
    "ME": ("", "le", False),
    "MK": ("", "la", False),
    "MT": ("", "", False),
    "NL": ("the", "les", False),
    "NO": ("", "la", False),
    "PL": ("", "la", False),
    "PT": ("", "le", False),
    "RO": ("", "la", False),
    "RS": ("", "la", False),
    "RU": ("the", "la", False),
    "SE": ("", "la", False),
    "SI": ("", "la", False),
    "SK": ("the", "la", False),
    "SM": ("", "", False),
    "TN": ("", "la", False),
    "TR": ("", "la", False),
    "UA": ("", "la", True),
}

# French "de" + article: du Luxembourg, de la France, des Pays-Bas, de l'Allemagne, d'Andorre.
_FR_WITH = {"le": "le {}", "la": "la {}", "les": "les {}", "": "{}"}
_FR_OF = {"le": "du {}", "la": "de la {}", "les": "des {}", "": "de {}"}
_FR_ELIDED_WITH = {"le": "l'{}", "la": "l'{}", "les": "les {}", "": "{}"}
_FR_ELIDED_OF = {"le": "de l'{}", "la": "de l'{}", "les": "des {}", "": "d'{}"}


def name_with_article(party, language: str | None = None) -> str:
    """The name as it stands in a sentence: "the Netherlands", "l'Allemagne", "les Pays-Bas", "Malte"."""
    if _french(language):
        forms = _FR_ELIDED_WITH if party.elided_fr else _FR_WITH
        return forms[party.article_fr].format(party.name_fr or party.name)
    name = party.name_en or party.name
    return f"the {name}" if party.article_en else name


def of_name(party, language: str | None = None) -> str:
    """The name after "of": "of the Netherlands", "de l'Allemagne", "du Luxembourg", "des Pays-Bas"."""
    if _french(language):
        forms = _FR_ELIDED_OF if party.elided_fr else _FR_OF
        return forms[party.article_fr].format(party.name_fr or party.name)
    return f"of {name_with_article(party, 'en')}"


def _french(language: str | None) -> bool:
    return (language or get_language() or "en").startswith("fr")


def name_sort_key(name: str) -> str:
    """A name as readers sort it: accents and case do not count (Géorgie before Grèce, Österreich by Oman)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def party_sort_key(party) -> tuple[str, str]:
    """Sorts Parties by their name in the active language; the code breaks ties so the order is stable."""
    return name_sort_key(party.name), party.code


P = TypeVar("P")


def sorted_by_name(parties: Iterable[P]) -> list[P]:
    """Parties in the order readers of the active language look for them, whichever database holds them."""
    return sorted(parties, key=party_sort_key)
