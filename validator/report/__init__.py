"""Reports: one module per format, each a function from FileResults to text."""
