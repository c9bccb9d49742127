"""papermill parameters for notebooks on the Receptive kernel.

Installing this package is enough: papermill imports `receptive_papermill.engine` through its
`papermill.engine` entry point when it starts, which registers `ReceptiveTranslator` for the
kernel name and language "receptive". Nothing here imports papermill, so papermill can import
this package while it is itself being imported.
"""

__version__ = "1.0.0"
