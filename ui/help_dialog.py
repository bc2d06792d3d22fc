"""Help ▸ User guide: the Chinese guide `docs/user-guide.md`, shipped with the app, in a window of its own.

The guide is Markdown read from `docs/` beside `resources/` (the repository, or the frozen bundle: the
PyInstaller spec copies docs/user-guide.md and the screenshots there). Its images are relative names
resolved in that folder and scaled down to the window's width.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.base import paths

GUIDE_NAME = "user-guide.md"
MAX_IMAGE_WIDTH = 820


def guide_path() -> Path:
    """Where the user guide is, from source and frozen alike."""
    return paths.app_root() / "docs" / GUIDE_NAME


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that finds the guide's images in its folder and scales them to fit."""

    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        self.setSearchPaths([str(folder)])
        self.setOpenLinks(False)
        self.anchorClicked.connect(self.on_link)

    def loadResource(self, kind: int, url: QUrl):
        if kind in (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.ImageResource.value):
            name = url.toLocalFile() or url.path() or url.toString()
            path = Path(name) if Path(name).is_absolute() else self.folder / name
            image = QImage(str(path))
            if not image.isNull():
                if image.width() > MAX_IMAGE_WIDTH:
                    image = image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
                return image
        return super().loadResource(kind, url)

    def on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.scrollToAnchor(url.fragment())


class HelpDialog(QDialog):
    """The user guide in a non-modal window.

    Attributes:
        browser: the GuideBrowser showing the guide (or a sentence saying it is missing).
    """

    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setModal(False)
        path = path or guide_path()
        self.browser = GuideBrowser(path.parent, self)
        try:
            text = path.read_text("utf-8")
        except OSError:
            text = self.tr("The user guide “%1” was not found.").replace("%1", str(path))
            self.browser.setPlainText(text)
        else:
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
            self.browser.setMarkdown(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:
        return QSize(880, 620)  # fits a 1366×768 screen

    def first_heading(self) -> str:
        """The text of the guide's first heading (what the window opens on)."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                return block.text()
            block = block.next()
        return ""
