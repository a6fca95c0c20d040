"""Why no PDF was written, in German for whoever runs the build: the build stops, an inaccessible PDF is never
published."""

from __future__ import annotations




class PdfFailed(Exception):
    """The PDF could not be made, or would not be accessible; the message is German and says what to do."""
