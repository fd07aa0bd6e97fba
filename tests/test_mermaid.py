"""Every Mermaid flowchart of the Markdown samples parses with Mermaid's own parser, run in a
headless Chromium as a note app runs it (``tests/mermaid``: ``npm ci``).  Without Chromium or the
package the test is skipped, except in CI (``CI`` set), where it fails: ``.ci/run`` installs
them."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from external import require

HERE = Path(__file__).resolve().parent / "mermaid"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BLOCK = re.compile(r"```mermaid\n(.*?)\n```", re.S)
BROKEN = 'flowchart LR\n  n0["x = "0.5"]\n  n0 -->| n1'

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="{script}"></script></head><body><pre id="out">pending</pre>
<script>
const diagrams = {diagrams};
(async () => {{
  mermaid.initialize({{startOnLoad: false}});
  const out = [];
  for (const d of diagrams) {{
    try {{ await mermaid.parse(d); out.push("ok"); }}
    catch (e) {{ out.push("error: " + String(e.message || e).split("\\n").slice(0, 3).join(" ")); }}
  }}
  document.getElementById("out").textContent = JSON.stringify(out);
}})();
</script></body></html>
"""


def _browser() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    missing = "chromium" if browser is None else None
    if missing is None and not (HERE / "node_modules" / "mermaid" / "dist").is_dir():
        missing = "the Mermaid package (run: cd tests/mermaid && npm ci)"
    require(missing)
    return browser


def parse_all(diagrams: list[str], folder: Path) -> list[str]:
    """Mermaid's verdict on each diagram: ``ok`` or ``error: …``."""
    browser = _browser()
    script = (HERE / "node_modules" / "mermaid" / "dist" / "mermaid.min.js").as_uri()
    page = folder / "mermaid.html"
    page.write_text(PAGE.format(script=script,
                                diagrams=json.dumps(diagrams).replace("</", "<\\/")),
                    encoding="utf-8")
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--allow-file-access-from-files", "--virtual-time-budget=20000",
                           "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120, check=True)
    found = re.search(r'<pre id="out">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[-500:]
    return json.loads(html.unescape(found.group(1)))


def test_every_mermaid_flowchart_parses(tmp_path):
    """Each sample's flowchart parses; a broken one (the control) does not."""
    blocks = [(path, block) for path in sorted(SAMPLES.glob("*/*.md"))
              for block in BLOCK.findall(path.read_text(encoding="utf-8"))]
    assert len(blocks) >= 8, "the backpropagation samples draw their graphs in Mermaid"
    verdicts = parse_all([block for _, block in blocks] + [BROKEN], tmp_path)
    assert verdicts[-1].startswith("error"), "the control diagram should not parse"
    failed = [(str(path.relative_to(SAMPLES)), verdict)
              for (path, _), verdict in zip(blocks, verdicts) if verdict != "ok"]
    assert not failed, failed
