"""Drawing HTML pages in headless Chromium (Debian's ``chromium``), for the tests.

:func:`widest` loads a copy of a page with a measuring script added (the pages themselves have
none) and returns what it found: the right edge of the widest element, the page's scroll width,
and the elements that stick out of a ``width``-pixel window.  :func:`screenshot` draws the top
of a page into a PNG; :func:`pixels` decodes such a PNG (8-bit RGB or RGBA, as Chromium writes
them) with the standard library.  Without ``chromium`` the calling test is skipped, except in CI
(``CI`` set), where it fails: ``.ci/run`` installs it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--hide-scrollbars",
         "--force-device-scale-factor=1"]

MEASURE = """<script>
const found = {widest: 0, bad: []};
for (const e of document.querySelectorAll("body *")) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  found.widest = Math.max(found.widest, r.right);
  if (r.right > innerWidth + 0.5 || r.left < -0.5)
    found.bad.push(e.tagName + " " + Math.round(r.right) + ": " + e.textContent.slice(0, 80));
}
found.scrollWidth = document.documentElement.scrollWidth;
found.maths = document.querySelectorAll("math").length;
document.title = JSON.stringify(found);
</script>"""


def chromium() -> str:
    program = shutil.which("chromium") or shutil.which("chromium-browser")
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, and CI is set: .ci/run installs it")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    return program


def _run(arguments: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *arguments],
                          capture_output=True, text=True, timeout=180, check=True)


def widest(page: str, tmp_path: Path, width: int = 800) -> dict:
    """What the measuring script finds in ``page`` drawn ``width`` pixels wide."""
    path = tmp_path / "measured.html"
    path.write_text(page.replace("</body>", MEASURE + "\n</body>"), encoding="utf-8")
    done = _run([f"--window-size={width},1000", "--virtual-time-budget=10000", "--dump-dom",
                 path.as_uri()], tmp_path)
    title = re.search(r"<title>(.*?)</title>", done.stdout, re.DOTALL)
    assert title, done.stdout[:500]
    return json.loads(html.unescape(title.group(1)))


def screenshot(page: str, tmp_path: Path, name: str, width: int = 800, height: int = 1000) -> Path:
    """A PNG of the top ``height`` pixels of ``page``."""
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    shot = tmp_path / f"{name}.png"
    _run([f"--window-size={width},{height}", "--virtual-time-budget=10000",
          f"--screenshot={shot}", path.as_uri()], tmp_path)
    return shot


def pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGB rows of an 8-bit, non-interlaced PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    k, data, width = 8, b"", 0
    while k < len(png):
        length, kind = struct.unpack(">I4s", png[k:k + 8])
        body = png[k + 8:k + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and not interlace
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += body
        k += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                nearest = min((abs(p - left), 0, left), (abs(p - up), 1, up),
                              (abs(p - corner), 2, corner))[2]
                line[x] = (line[x] + nearest) & 255
        previous = line
        rgb = bytes(line) if channels == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3)
        rows.append(rgb)
    return width, height, rows


def difference(first: bytes, second: bytes) -> float:
    """The share of pixels that differ noticeably between two PNGs of the same size."""
    w1, h1, a = pixels(first)
    w2, h2, b = pixels(second)
    if (w1, h1) != (w2, h2):
        return 1.0
    differing = 0
    for row_a, row_b in zip(a, b):
        for x in range(0, len(row_a), 3):
            if max(abs(row_a[x + c] - row_b[x + c]) for c in range(3)) > 48:
                differing += 1
    return differing / (w1 * h1)


def ink(png: bytes) -> float:
    """The share of pixels that are not the background (the top-left pixel's colour)."""
    width, height, rows = pixels(png)
    background = rows[0][:3]
    marked = sum(1 for row in rows for x in range(0, len(row), 3) if row[x:x + 3] != background)
    return marked / (width * height)
