"""The entry point papermill loads at import: registering Receptive's translator is its purpose.

papermill has no plugin group for translators. It does load every `papermill.engine` entry point
when it is imported (papermill/engines.py, `papermill_engines.register_entry_points()`), so
importing this module from there registers `ReceptiveTranslator` before any notebook is
parameterised. The engine it offers is papermill's own nbclient engine under another name:
`--engine receptive` runs exactly as the default engine does.
"""
from papermill.engines import NBClientEngine

from . import translator  # noqa: F401  (registers the translator for kernel and language "receptive")


class ReceptiveEngine(NBClientEngine):
    """papermill's nbclient engine, unchanged."""
