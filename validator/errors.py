"""Errors that end a run with a one-line message and exit code 2 (never a traceback)."""


class InputError(Exception):
    """An article that cannot be read or decoded: the message names the file and the problem."""


class RuleError(Exception):
    """A rule or lexicon file that does not parse or lint: the message is `file:line:col: problem`."""

    def __init__(self, message: str, *, path: str = "", line: int = 0, column: int = 0,
                 source_line: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.source_line = source_line

    def __str__(self) -> str:
        text = self.one_line()
        if self.source_line is not None and self.column > 0:
            text += f"\n    {self.source_line}\n    {' ' * (self.column - 1)}^"
        return text

    def one_line(self) -> str:
        """Names and values quoted from the file (`rules = ["a\\nb"]`) cannot break the line."""
        from validator.report.visible import visible

        where = f"{self.path}:{self.line}:{self.column}: " if self.path else ""
        return visible(f"{where}{self.message}")
