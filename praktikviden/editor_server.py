"""The browser editor's local server: decap-server (npm) on 127.0.0.1, saving into this checkout.

With it, /admin/ of the preview (``praktikviden serve``) edits the files in content/ and data/ on
this machine, without GitHub: Decap CMS's ``local_backend``. It listens on 127.0.0.1 only, so no
other machine can write to the checkout.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


class EditorServerMissing(Exception):
    """Node.js or decap-server is not installed."""


@contextlib.contextmanager
def editor_server(repository: Path, port: int = 8081, wait: float = 20.0) -> Iterator[str]:
    """Run decap-server for ``repository`` on 127.0.0.1:``port`` while the block runs; yield its API address.

    Raises:
        EditorServerMissing: Node.js or the npm package is missing (./run installs both).
        TimeoutError: the server did not answer within ``wait`` seconds.

    """
    node = shutil.which("node")
    if node is None or not SERVER.is_file():
        raise EditorServerMissing("decap-server er ikke installeret; kør './run serve', som installerer den.")
    environment = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        # Files are written straight into the checkout; the editor commits them (or CI does, on GitHub).
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(repository),
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen([node, str(SERVER)], env=environment, cwd=repository, stdin=subprocess.DEVNULL)
    address = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_for(address, process, wait)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_for(address: str, process: subprocess.Popen, wait: float) -> None:
    request = urllib.request.Request(
        address, data=json.dumps({"action": "info"}).encode(), headers={"Content-Type": "application/json"}
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise TimeoutError(f"decap-server stoppede (kode {process.returncode}).")
        with contextlib.suppress(OSError), urllib.request.urlopen(request, timeout=1) as response:
            if response.status == 200:
                return
        time.sleep(0.1)
    raise TimeoutError(f"decap-server svarede ikke på {address}.")
