"""Your-turn exercises of the security notebooks, one module per notebook, answers computed by the chapter's models."""
