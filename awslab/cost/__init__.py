"""Cost optimisation: buying compute, the data-transfer bill, storage and database choices, and the cost tools."""
