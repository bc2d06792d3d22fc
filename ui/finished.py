"""How a long task ends visibly: one helper for every export of the window.

`announce(window, title, path)` puts a line in the status bar ("已写入 …") and, when the window is
interactive, shows a message naming the file with the buttons 打开文件 / 打开所在文件夹 / 关闭. The message is
opened window-modal but not blocking (`QMessageBox.open`), kept on `window.finished_box` until closed.

The buttons open the file or its folder with the system's program (QDesktopServices.openUrl of a
QUrl.fromLocalFile); tests replace `ui.finished.open_url` to see what would be opened.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

STATUS_MS = 15_000


def open_url(url: QUrl) -> bool:
    """Open `url` with the system's program (replaced in tests)."""
    return QDesktopServices.openUrl(url)


def open_file(path: Path | str) -> bool:
    return open_url(QUrl.fromLocalFile(str(Path(path))))


def open_folder(path: Path | str) -> bool:
    return open_url(QUrl.fromLocalFile(str(Path(path).parent)))


def announce(window, title: str, path: Path | str, detail: str = "") -> QMessageBox | None:
    """Say that `path` has been written: status-bar line, then (interactive) a message with 打开文件 /
    打开所在文件夹. `detail` is a further line (rows written, pages …). Returns the message box shown."""
    path = Path(path)
    line = QCoreApplication.translate("Finished", "Written: %1").replace("%1", str(path))
    window.statusBar().showMessage(line + (f" · {detail}" if detail else ""), STATUS_MS)
    if not getattr(window, "interactive", True):
        print(f"{title}: {line}", file=sys.stderr)
        return None
    text = QCoreApplication.translate("Finished", "“%1” has been written.").replace("%1", path.name)
    if detail:
        text += "\n" + detail
    text += "\n\n" + QCoreApplication.translate("Finished", "Folder: %1").replace("%1", str(path.parent))
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, window)
    file_button = box.addButton(QCoreApplication.translate("Finished", "&Open file"), QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton(QCoreApplication.translate("Finished", "Open containing &folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(file_button)
    file_button.clicked.connect(lambda: open_file(path))
    folder_button.clicked.connect(lambda: open_folder(path))
    box.file_button, box.folder_button = file_button, folder_button

    def closed(_code: int) -> None:
        if getattr(window, "finished_box", None) is box:
            window.finished_box = None
        box.deleteLater()

    box.finished.connect(closed)
    window.finished_box = box
    box.open()
    return box


__all__ = ["STATUS_MS", "announce", "open_file", "open_folder", "open_url"]
