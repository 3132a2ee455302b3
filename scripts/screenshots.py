"""Screenshots of `twinning serve` for the README: the agreements page, an agreement, the map.

    pip install '.[test]' && python scripts/screenshots.py     # needs Chromium (apt-get install chromium)

Serves the seed on a free port, opens it in headless Chromium (Playwright) and writes
docs/serve-agreements.png, docs/serve-agreement.png and docs/serve-map.png. The map's
background tiles come from the internet; offline, the markers are drawn on a blank map.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    env = {**os.environ, "TWINNING_DB": str(folder / "registre.db")}
    subprocess.run([sys.executable, "-m", "twinning_cli", "init"], env=env, check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "twinning_cli", "serve", "--port", str(port)], env=env,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr.readline().startswith("Serving ")
        threading.Thread(target=server.stderr.read, daemon=True).start()
        base = f"http://127.0.0.1:{port}/registre"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 860})
            page.goto(f"{base}/agreement_list?_search=quebec")
            page.screenshot(path=str(DOCS / "serve-agreements.png"))
            page.goto(f"{base}/agreements/rennes-quebec")
            page.screenshot(path=str(DOCS / "serve-agreement.png"))
            page.goto(f"{base}/territory_map")
            page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
            page.screenshot(path=str(DOCS / "serve-map.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print(f"wrote {DOCS}/serve-*.png")


if __name__ == "__main__":
    main()
