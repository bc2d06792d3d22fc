"""The application log: batch commands leave a line per run in a rotating file in the user's logs folder."""

from __future__ import annotations

import logging

from models.base import applog
from tests.conftest import run_main


def test_setup_writes_the_areas_lines_to_the_file_once(tmp_path):
    path = applog.setup(tmp_path / "logs")
    again = applog.setup(tmp_path / "logs")
    try:
        applog.get("import").info("batch %s: %s rows", 3, 208)
        for handler in logging.getLogger(applog.LOGGER).handlers:
            handler.flush()
        lines = path.read_text(encoding="utf-8").splitlines()
        assert again == path and len(lines) == 1            # one handler, however often set up
        assert lines[0].endswith("INFO changning.import [%d] batch 3: 208 rows" % __import__("os").getpid())
    finally:
        root = logging.getLogger(applog.LOGGER)
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()


def test_a_command_logs_its_start_and_exit_code(tmp_path, park_path):
    state = tmp_path / "state"
    result = run_main("summary", str(park_path), "--json", env={"CHANGNING_STATE_DIR": str(state)})
    assert result.returncode == 0, result.stderr
    missing = run_main("summary", str(tmp_path / "nowhere.sqlite"), env={"CHANGNING_STATE_DIR": str(state)})
    assert missing.returncode == 2
    text = (state / "logs" / applog.FILE_NAME).read_text(encoding="utf-8")
    assert f"start: summary {park_path} --json" in text
    assert "exit 0: summary" in text and "exit 2: summary" in text
