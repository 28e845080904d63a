"""The Arabic text layer: normalized forms with an offset map back to the original, lexicons, tokens."""
