"""Extraction: from a document and its normalized text to typed structures (see `model`)."""
