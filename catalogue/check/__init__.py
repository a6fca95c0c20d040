"""Stage 2, check: what was read is checked against the schemas and the rules a partner can follow, one module per
kind of file, and becomes the model or a list of problems in German."""
