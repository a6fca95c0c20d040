"""The catalogue as PDF: what goes into it (contents, with a QR code per offer: qr), how WeasyPrint lays it out
(layout), what PDF/UA needs on top (pdfua), and which PDFs the build writes (document)."""
