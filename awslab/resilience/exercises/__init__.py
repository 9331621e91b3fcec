"""The resilience chapter's "your turn" exercises, one module per notebook; answers come from the chapter's models."""
