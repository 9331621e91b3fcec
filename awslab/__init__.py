"""awslab: an executable AWS Solutions Architect course.

Model modules (``awslab.<chapter>.<service>``) are pure: they import only the
standard library, numpy and pandas, so they stay fast to import and easy to test.
Figures, explorers, the sandbox and the quiz live in their own modules.
"""

__version__ = "0.1.0"


def _skip_slow_iri_checks() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax``: 1-2 s at every kernel's first figure (issue 24).

    plotly.io imports nbformat, nbformat imports jsonschema, and jsonschema 4.25+ imports ``rfc3987_syntax`` (pulled in
    by jupyter-events) to check the ``iri`` formats, compiling a Lark grammar as it loads: the largest single fixed
    cost of a notebook (2.2 s of 2.4 s for ``import awslab.ui`` on the 2-core machine, measured 2026-12-03). Nothing
    in the course validates IRIs, so in a process that imports awslab jsonschema sees that optional module as absent
    and skips those two formats, as it does wherever the module is not installed. An earlier import is left alone.
    """
    import sys

    sys.modules.setdefault("rfc3987_syntax", None)


_skip_slow_iri_checks()
