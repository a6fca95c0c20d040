"""What partners and the people who run the site call: the command line (build.py), the live preview, the changes
since a version, the GitHub issue forms."""
