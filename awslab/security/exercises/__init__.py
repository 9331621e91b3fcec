"""Exercises of the security notebooks, one module per notebook, answers computed by the chapter's models
(see :mod:`awslab.exercises`)."""
