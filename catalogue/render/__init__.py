"""Stage 4, render: the model becomes HTML pages, assets, the proposal form and the PDFs, through the Jinja
templates in layouts/."""
