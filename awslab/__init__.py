"""awslab: an executable AWS Solutions Architect course.

Model modules (``awslab.<chapter>.<service>``) are pure: they import only the
standard library, numpy and pandas, so they stay fast to import and easy to test.
Figures, explorers, the sandbox and the quiz live in their own modules.
"""

__version__ = "0.1.0"
