"""Every interface string has its Simplified Chinese translation, and the .qm is built from the .ts."""

from __future__ import annotations

import shutil

from scripts import translations


def test_no_unfinished_chinese_translation(tmp_path):
    ts = tmp_path / "zh.ts"
    shutil.copyfile(translations.TS, ts)
    translations.lupdate(ts)  # picks up any tr() string added since the .ts was last updated
    assert translations.unfinished(ts) == []


def test_compiled_qm_matches_ts(tmp_path):
    qm = tmp_path / "zh.qm"
    translations.lrelease(translations.TS, qm)
    assert qm.read_bytes() == translations.QM.read_bytes()
