"""`python -m bench`: every benchmark, one after the other."""

from . import factsheets

factsheets.main()
