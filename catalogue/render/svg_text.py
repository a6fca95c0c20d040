"""What the SVG pictures made at build time share: coordinates written the same way every build, and names broken
into lines (render/figures_svg.py, render/network_graph.py)."""

from __future__ import annotations


def coordinate(value: float) -> str:
    """A coordinate, rounded to one decimal and written without a needless „.0“."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def wrap(text: str, width: int) -> list[str]:
    """A name broken at spaces into lines of about `width` characters (a longer word keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
