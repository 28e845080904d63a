"""Arabic news article validator."""
