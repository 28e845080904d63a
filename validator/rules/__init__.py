"""Rules: a small declarative language (grammar), its AST (model), loading and linting, evaluation."""
