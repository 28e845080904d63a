"""`python -m validator` runs the CLI."""
from validator.cli import main

main()
