"""What a web server sends with the site: the security headers, how long a browser may keep each file, the site's
404 page for unknown addresses, the compressed copies as they are, and the types some servers do not know.

The one source of these values. Every page carries the Content-Security-Policy as a <meta> (all GitHub Pages can
do); the build writes `_headers` (Netlify, Cloudflare Pages) and `.htaccess` (Apache) into the site, since both
must sit in the published folder and depend on the path of basis_url; docs/webserver/ holds what an admin includes
into the server's own configuration (nginx.conf, apache.conf), with the sub-path and the folder to adapt.
`python -m catalogue.webserver` writes those two again, and tests/test_webserver.py fails when they are out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from catalogue.publish import compress
from catalogue.render.paths import ASSET_HASH_LENGTH

# Nothing from elsewhere, no inline script or style; the search's worker (Pagefind's) comes from the site itself.
CONTENT_SECURITY_POLICY = (
    ("default-src", "'self'"), ("script-src", "'self'"), ("worker-src", "'self'"),
    ("connect-src", "'self'"), ("img-src", "'self'"), ("media-src", "'self'"), ("style-src", "'self'"),
    ("font-src", "'self'"), ("object-src", "'none'"), ("base-uri", "'self'"), ("form-action", "'self'"),
)
# Pagefind compiles WebAssembly: on the search page of each language, and in its worker, which a browser holds to
# the policy that comes with the worker's own file. No other page or file may.
WASM = "'wasm-unsafe-eval'"
SEARCH_FOLDER = "suche"  # each language's search page: suche/index.html, en/suche/index.html
PAGEFIND_WORKER = "pagefind/pagefind-worker.js"
# Only a header can forbid other sites to frame the pages: browsers ignore it in a <meta> and warn.
HEADER_ONLY_POLICY = (("frame-ancestors", "'none'"),)


def content_security_policy(header: bool, wasm: bool = False) -> str:
    """The policy as the header sends it (header=True) or as a page's <meta> says it; wasm: for the search."""
    directives = CONTENT_SECURITY_POLICY + (HEADER_ONLY_POLICY if header else ())
    return "; ".join(f"{name} {value} {WASM}" if wasm and name == "script-src" else f"{name} {value}"
                     for name, value in directives)


def wasm_paths(prefix: str) -> str:
    """A regular expression (nginx, Apache) for the addresses whose answer allows WebAssembly: each language's
    search page (a language folder is a code such as en, or sr-latn) and Pagefind's worker, also as the server
    finds their compressed copies."""
    copies = r"(?:\.br|\.gz)?"
    return (rf"^{prefix}(?:[a-z]{{2,3}}(?:-[a-z0-9]+)*/)?{SEARCH_FOLDER}/(?:index\.html{copies})?$"
            rf"|^{prefix}pagefind/pagefind-worker\.js{copies}$")  # PAGEFIND_WORKER


def security_headers(wasm: bool = False) -> tuple[tuple[str, str], ...]:
    """What every answer carries (the 404 page's included); wasm=True for the addresses of wasm_paths()."""
    return (("Content-Security-Policy", content_security_policy(header=True, wasm=wasm)),) + OTHER_SECURITY_HEADERS


OTHER_SECURITY_HEADERS = (
    ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate it
    ("X-Content-Type-Options", "nosniff"),
    # Which offer a family looked at is nobody else's business: the address goes only to the site's own pages.
    ("Referrer-Policy", "same-origin"),
    # The site uses none of these; a script that got in anyway could not ask for them either.
    ("Permissions-Policy", "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
                           "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
SECURITY_HEADERS = security_headers()
SEARCH_SECURITY_HEADERS = security_headers(wasm=True)

# Files whose name changes with their content (the stylesheet, the scripts, Pagefind's index) may be kept for a
# year; everything else (pages, pagefind.js and its entry file, icons, open data) is asked for again each time,
# and the server answers 304 while it has not changed.
KEEP = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
ASSET_NAME = rf"[^/]+\.[0-9a-f]{{{ASSET_HASH_LENGTH}}}\.(?:css|js)"  # assets/style.3f2a9c1b0d.css
PAGEFIND_NAME = r"[^/]+\.pf_(?:index|fragment|filter|meta)"  # pagefind/index/de_95c89e9.pf_index
# The folders that hold only such files, for hosts whose rules match folders, not names (_headers).
CONTENT_NAMED_FOLDERS = ("assets/", "pagefind/index/", "pagefind/fragment/", "pagefind/filter/")

# What not every server's list of types has (nginx's lacks them; an old Apache's may).
TYPES = {"ics": "text/calendar", "csv": "text/csv", "md": "text/markdown", "webmanifest": "application/manifest+json"}
# The types of the text files, which nginx marks as UTF-8 only when told (text/html it always marks).
TEXT_TYPES = ("text/css", "text/plain", "text/xml", "text/csv", "text/calendar", "text/markdown", "text/javascript",
              "application/javascript", "application/json", "application/xml", "application/atom+xml",
              "application/manifest+json", "image/svg+xml")

# What the admin adapts in the files of docs/webserver/.
EXAMPLE_PREFIX = "/angebote/"
EXAMPLE_FOLDER = "/srv/katalog/site/"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "webserver"
SOURCE = "catalogue/webserver.py"


def site_prefix(base_url: str) -> str:
    """The path of basis_url, where the site is served: "/" or "/angebote/"."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _compressed_suffixes() -> str:
    return "|".join(suffix.removeprefix(".") for suffix in compress.COMPRESSED)


def headers_file(prefix: str) -> str:
    """`_headers` for Netlify and Cloudflare Pages. They revalidate every file unless told otherwise, serve the
    site's 404.html for unknown addresses and compress by themselves; where two rules set one header they join the
    values, so Cache-Control is set only for the content-named folders.

    Joined policies are two policies, and a browser enforces both: a rule for the search pages could only narrow
    the policy of all addresses, never widen it, and these hosts have no rule for „all but the search“. So here
    the header allows WebAssembly (the search page and Pagefind's worker need it from the header too), and each
    page's <meta> narrows it again: in effect only the search pages may run it (docs/entwicklung/security.md)."""
    lines = ["# Netlify, Cloudflare Pages: the headers of every answer and what browsers may keep for a year.",
             f"# Written by the build from {SOURCE}.",
             "# WebAssembly: allowed here for every address (these hosts join the values of all rules that match, so",
             "# no rule can widen the policy for the search alone); each page's <meta> policy allows it only on the",
             "# search pages, and a browser enforces both.", f"{prefix}*"]
    lines += [f"  {name}: {value}" for name, value in SEARCH_SECURITY_HEADERS]
    for folder in CONTENT_NAMED_FOLDERS:
        lines += [f"{prefix}{folder}*", f"  Cache-Control: {KEEP}"]
    return "\n".join(lines) + "\n"


def htaccess(prefix: str) -> str:
    """`.htaccess` for Apache (mod_rewrite, mod_headers, mod_mime; AllowOverride FileInfo is enough)."""
    suffixes = _compressed_suffixes()
    headers = "\n".join(f'Header always set {name} "{value}"' for name, value in SECURITY_HEADERS)
    search_policy = content_security_policy(header=True, wasm=True)
    types = "\n".join(f"AddType {kind} .{suffix}" for suffix, kind in TYPES.items())
    return f"""\
# Apache: security headers, caching, the 404 page and the compressed copies of this site.
# Written by the build from {SOURCE}: a change here is gone with the next build.
# Needs mod_rewrite, mod_headers and mod_mime, and AllowOverride FileInfo for this folder
# (README, „Auf einem eigenen Webserver“). {prefix} is the path of basis_url in site.yaml.

ErrorDocument 404 {prefix}404.html

{types}
AddCharset utf-8 {" ".join(compress.COMPRESSED)}

# The copies beside the text files (index.html.br, index.html.gz) go out as they are to browsers that take them.
# Apache's own lists make .br the language Breton and .gz a type of its own: here both are encodings only, so a
# copy keeps the type of its file (index.html.br is text/html).
RemoveLanguage .br
RemoveType .br .gz
AddEncoding br .br
AddEncoding gzip .gz
RewriteEngine On
RewriteBase {prefix}
# This file and the build's marker (.katalog-build) are not for visitors.
RewriteRule (?:^|/)\\. - [R=404,L]
RewriteCond %{{HTTP:Accept-Encoding}} \\bbr\\b
RewriteCond %{{REQUEST_FILENAME}}.br -f
RewriteRule ^(.+\\.(?:{suffixes}))$ $1.br [L]
RewriteCond %{{HTTP:Accept-Encoding}} \\bgzip\\b
RewriteCond %{{REQUEST_FILENAME}}.gz -f
RewriteRule ^(.+\\.(?:{suffixes}))$ $1.gz [L]
<FilesMatch "\\.(?:{suffixes})(?:\\.br|\\.gz)?$">
  Header merge Vary Accept-Encoding
</FilesMatch>

{headers}
# Each language's search page and Pagefind's worker compile WebAssembly; no other address may.
<If "%{{REQUEST_URI}} =~ m#{wasm_paths(prefix)}#">
  Header always set Content-Security-Policy "{search_policy}"
</If>
Header always set Cache-Control "{REVALIDATE}"
<FilesMatch "^(?:{ASSET_NAME}(?:\\.br|\\.gz)?|{PAGEFIND_NAME})$">
  Header always set Cache-Control "{KEEP}"
</FilesMatch>
"""


def apache_conf(prefix: str = EXAMPLE_PREFIX, folder: str = EXAMPLE_FOLDER) -> str:
    """For a server where the admin, not a .htaccess, decides: the folder under the sub-path, and the rules of the
    .htaccess the build writes into it allowed."""
    return f"""\
# Apache: the catalogue under a sub-path of your VirtualHost. Written by {SOURCE}
# (python -m catalogue.webserver). Include it inside your <VirtualHost *:443>, where HTTPS, the certificates and
# HSTS are set:
#     Include /etc/apache2/katalog.conf
# The rules themselves are in the .htaccess the build writes into the folder. Needs: a2enmod rewrite headers

# ANPASSEN: the sub-path (the path of basis_url in site.yaml, without / at the end), then the folder the build wrote
Alias {prefix.rstrip('/')} {folder.rstrip('/')}
# ANPASSEN: the folder
<Directory {folder.rstrip('/')}>
    AllowOverride FileInfo
    Options SymLinksIfOwnerMatch
    Require all granted
</Directory>
"""


def _nginx_headers(indent: str, headers=SECURITY_HEADERS) -> str:
    return f"\n{indent}".join(f'add_header {name} "{value}" always;' for name, value in headers)


def nginx_conf(prefix: str = EXAMPLE_PREFIX, folder: str = EXAMPLE_FOLDER) -> str:
    """Locations for the admin's server block; prefix is a sub-path such as /katalog/."""
    types = " ".join(f"{kind} {suffix};" for suffix, kind in TYPES.items())
    return f"""\
# nginx: the catalogue under a sub-path. Written by {SOURCE} (python -m catalogue.webserver).
# Include it inside your server {{ }} block, where HTTPS, the certificates and HSTS are set:
#     include /etc/nginx/snippets/katalog.conf;
# Adapt the lines marked ANPASSEN: the sub-path (the path of basis_url in site.yaml) and the folder the build wrote.
# Needs the brotli_static module: on Debian apt-get install libnginx-mod-http-brotli-static.
# A site at the root of the domain: delete the first location, and write / for the sub-path in the second.

location = {prefix.rstrip('/')} {{  # ANPASSEN: the sub-path without / at the end
    return 301 {prefix};  # ANPASSEN: the sub-path
}}

location {prefix} {{  # ANPASSEN: the sub-path, with / at both ends
    alias {folder};  # ANPASSEN: the folder, with / at the end
    error_page 404 {prefix}404.html;  # ANPASSEN: the sub-path, then 404.html

    # the copies beside the files (index.html.br, index.html.gz; python3 dev.py site --compress), sent as they are
    gzip_static on;
    brotli_static on;
    gzip_vary on;
    # a file without copies (built without --compress) is compressed for each answer
    gzip on;
    gzip_types {" ".join(TEXT_TYPES)};

    include mime.types;
    default_type application/octet-stream;  # Pagefind's index files
    types {{ {types} }}
    charset utf-8;
    charset_types {" ".join(TEXT_TYPES)};

    add_header Cache-Control "{REVALIDATE}" always;
    {_nginx_headers("    ")}

    # .htaccess (for Apache) and the build's marker (.katalog-build) are not for visitors
    location ~ "/\\." {{
        return 404;
    }}

    # each language's search page and Pagefind's worker compile WebAssembly; no other address may
    location ~ "{wasm_paths(prefix)}" {{  # ANPASSEN: the sub-path, twice
        add_header Cache-Control "{REVALIDATE}" always;
        {_nginx_headers("        ", SEARCH_SECURITY_HEADERS)}
    }}

    # named by their content: a new version has a new address
    location ~ "/assets/{ASSET_NAME}$|/pagefind/(?:.+/)?{PAGEFIND_NAME}$" {{
        add_header Cache-Control "{KEEP}" always;
        {_nginx_headers("        ")}
    }}
}}
"""


def write_site_files(output: Path, base_url: str) -> None:
    """`_headers` and `.htaccess` at the root of the published folder."""
    prefix = site_prefix(base_url)
    (output / "_headers").write_text(headers_file(prefix), encoding="utf-8")
    (output / ".htaccess").write_text(htaccess(prefix), encoding="utf-8")


def documented() -> dict[Path, str]:
    """The files of docs/webserver/ as they should read."""
    return {DOCS / "nginx.conf": nginx_conf(), DOCS / "apache.conf": apache_conf()}


def main() -> int:
    for path, text in documented().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"geschrieben: {path.relative_to(DOCS.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
