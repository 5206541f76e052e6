"""Serve the built site the way a deployment should: compressed.

The site's text files (pages, stylesheets, scripts, the search index, SVG
and JSON) shrink four to seven times with gzip; the vendored widget manager
goes from 3.6 MB to 0.9 MB. :class:`CompressingHandler` is the standard
library's file handler plus gzip: a text file asked for by a browser that
accepts gzip is sent compressed, with ``Content-Encoding: gzip`` and
``Vary: Accept-Encoding`` (so that a cache keeps both versions apart); other
files (images, fonts, already compressed) are sent as they are. Compressed
copies are kept in memory, keyed on the file's path, size and modification
time, so each file is compressed once.

``make serve`` runs :func:`main` (``python -m customer_focus.publish.serve``);
the browser tests, the handouts and the site benchmark serve the site the
same way.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["COMPRESSED_TYPES", "CompressingHandler", "compressible", "serve", "main"]

#: Content types worth compressing (images and fonts are compressed already). The live tools'
#: WebAssembly runtime shrinks to about a third (9.6 MB to 3.5 MB).
COMPRESSED_TYPES = (
    "text/", "application/javascript", "application/json", "image/svg+xml", "application/xml",
    "application/wasm",
)
#: Files this small gain nothing from gzip.
MINIMUM_SIZE = 512
_CACHE: dict[tuple[str, int, int], bytes] = {}
_CACHE_LOCK = threading.Lock()


def compressible(content_type: str, size: int) -> bool:
    """Whether a file of this type and size is sent gzip-compressed.

    Examples
    --------
    >>> compressible("text/html", 40_000), compressible("application/javascript", 3_600_000)
    (True, True)
    >>> compressible("image/png", 40_000), compressible("font/woff2", 80_000)
    (False, False)
    >>> compressible("application/wasm", 9_600_000)
    True
    >>> compressible("text/css", 100)
    False
    """
    return size >= MINIMUM_SIZE and content_type.startswith(COMPRESSED_TYPES)


def _compressed(path: str, stat: os.stat_result) -> bytes:
    key = (path, stat.st_size, stat.st_mtime_ns)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is None:
        with open(path, "rb") as file:
            cached = gzip.compress(file.read(), compresslevel=6, mtime=0)
        with _CACHE_LOCK:
            _CACHE[key] = cached
    return cached


class CompressingHandler(SimpleHTTPRequestHandler):
    """A static file handler that sends text files gzip-compressed when the browser accepts it."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".webmanifest": "application/manifest+json",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Log nothing: a reader's requests are not worth a line each."""

    def _accepts_gzip(self) -> bool:
        encodings = self.headers.get("Accept-Encoding", "")
        return any(part.split(";")[0].strip() == "gzip" for part in encodings.split(","))

    def send_head(self):  # noqa: ANN201 - the standard library's signature
        """Send the headers of a compressed file, or fall back to the standard handler."""
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        if not os.path.isfile(path):
            return super().send_head()
        content_type = self.guess_type(path)
        stat = os.stat(path)
        if not (self._accepts_gzip() and compressible(content_type, stat.st_size)):
            return super().send_head()
        body = _compressed(path, stat)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return _Body(body)


class _Body:
    """The compressed bytes, read by ``copyfile`` like an open file."""

    def __init__(self, data: bytes) -> None:
        self.data, self.sent = data, False

    def read(self, size: int = -1) -> bytes:
        if self.sent:
            return b""
        self.sent = True
        return self.data

    def close(self) -> None:
        self.sent = True


def serve(folder: Path, port: int = 0, host: str = "127.0.0.1") -> tuple[ThreadingHTTPServer, str]:
    """Serve ``folder`` compressed in a background thread; return the server and its URL.

    Port 0 takes a free port. Stop it with ``server.shutdown()``.

    Examples
    --------
    >>> import tempfile, urllib.request
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = (Path(folder) / "page.html").write_text("<p>Customer value</p>" * 100)
    ...     server, url = serve(Path(folder))
    ...     gzip_only = {"Accept-Encoding": "gzip"}
    ...     request = urllib.request.Request(url + "/page.html", headers=gzip_only)
    ...     with urllib.request.urlopen(request) as response:
    ...         headers, size = response.headers, len(response.read())
    ...     server.shutdown(); server.server_close()
    >>> headers["Content-Encoding"], headers["Vary"], size < 2100
    ('gzip', 'Accept-Encoding', True)
    """
    handler = functools.partial(CompressingHandler, directory=str(folder))
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def main(argv: list[str] | None = None) -> int:
    """Serve a built site until Ctrl+C (``make serve``); returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m customer_focus.publish.serve",
        description="Serve the built site, compressed.",
    )
    parser.add_argument(
        "site", nargs="?", default="_build/html", help="the built site (default: _build/html)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="address (default: 127.0.0.1)")
    arguments = parser.parse_args(argv)
    site = Path(arguments.site)
    if not (site / "index.html").is_file():
        print(f"error: no built site at {site}: run `make book` first.")
        return 1
    handler = functools.partial(CompressingHandler, directory=str(site))
    with ThreadingHTTPServer((arguments.bind, arguments.port), handler) as server:
        url = f"http://{arguments.bind}:{arguments.port}/"
        print(f"Serving {site} compressed on {url} (Ctrl+C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
