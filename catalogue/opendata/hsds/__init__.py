"""The catalogue in Open Referral's Human Services Data Specification (HSDS 3.0), one module per kind of record:
an offer is a service, a provider an organization, the taxonomies of site.yaml are taxonomies whose terms an
offer carries as attributes. export.py writes the files."""
