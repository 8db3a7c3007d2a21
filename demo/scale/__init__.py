"""The scale data set (`python manage.py seed_scale`): a large, realistic and repeatable volume for
benchmarks, written with the models (in bulk through core.audit, history included), never with the test
factories.

Its own rounds (`scale-1` the oldest ... `scale-N` the newest, numbered from 101) over the real Parties and,
beyond 48, synthetic ones (`parties`); in each, every Party's reply in the states the domain allows
(`timeline`), long answers (`text`), attachments, civil-society contributions and findings. The same seed
gives the same rows; only the stored file names, which the models draw at random, differ.
"""

from .options import ScaleError, ScaleExists, ScaleOptions
from .seed import scale_seed

__all__ = ["ScaleError", "ScaleExists", "ScaleOptions", "scale_seed"]
