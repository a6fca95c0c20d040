"""Browser tests: the built sites in a headless Chromium (axe-core, reflow, keyboard) and the Nu Html Checker.

A package, so that this folder's conftest.py does not replace tests/conftest.py as the module `conftest`
(tests/test_*.py import their helpers from it).
"""
