"""Forms and charts of the Apply worksheets, one module per tool."""
