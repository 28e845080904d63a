"""`python -m validator ...` runs the `validate` command."""
from validator.cli import main

if __name__ == "__main__":
    main()
