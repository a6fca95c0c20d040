"""Stage 1, read: content files become data (YAML with its line numbers, Markdown's front matter and text), or
problems that name the line."""
