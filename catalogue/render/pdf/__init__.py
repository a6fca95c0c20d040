"""The catalogue as PDF: what goes into it (contents), how WeasyPrint lays it out (document), and what PDF/UA needs
on top (pdfua)."""
