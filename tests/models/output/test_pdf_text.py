"""The report's PDF text, remembered per string (models.output.pdf_text), is what matplotlib itself writes."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest


def _page_with_repeated_text():
    from models.output.mpl import new_figure

    fig = new_figure(8.27, 11.69)
    ax = fig.add_subplot(2, 1, 1)
    ax.plot([2021, 2022, 2023, 2024, 2025], [74, 80, 86, 90, 95], label="规划路径")
    ax.plot([2021, 2022, 2023], [75, 79, 88], label="实际值")
    ax.set_xticks([2021, 2022, 2023, 2024, 2025], ["2021年", "2022年", "2023年", "2024年", "2025年"])
    ax.legend()
    ax.set_title("每万人发明专利拥有量（件）")
    for i in range(3):
        fig.text(0.1 + 0.2 * i, 0.3, "未填报", color="#aa0000")
    fig.text(0.1, 0.2, "未填报", fontsize=14)
    fig.text(0.9, 0.2, "未填报", rotation=90)
    fig.text(0.5, 0.1, "营业收入 1,234.5 亿元 (+12.3%)", ha="center")
    return fig


def _pdf(monkeypatch=None) -> tuple[bytes, dict]:
    from matplotlib.backends.backend_pdf import PdfPages

    fig = _page_with_repeated_text()
    out = io.BytesIO()
    with PdfPages(out, metadata={"CreationDate": None}) as pdf:
        pdf.savefig(fig)
        shown = dict(getattr(pdf._file, "_shown_strings", {}))
    return out.getvalue(), shown


def test_remembered_text_gives_the_same_pdf_bytes_as_matplotlib(monkeypatch):
    from matplotlib import _text_helpers
    from matplotlib.backends import backend_pdf

    from models.output import pdf_text
    from models.output.mpl import setup

    setup()
    pdf_text.install()
    renderer = backend_pdf.RendererPdf
    remembered, shown = _pdf()
    # "未填报" three times in one colour, once at 14 pt, once turned: two distinct (string, font size) keys
    sizes = sorted(key[1][5] for key in shown if key[0] == "未填报")
    assert sizes == [10.0, 14.0]

    with monkeypatch.context() as m:
        m.setattr(renderer, "draw_text", renderer.draw_text.original)
        m.setattr(renderer, "get_text_width_height_descent", renderer.get_text_width_height_descent.original)
        m.setattr(backend_pdf, "_text_helpers", _text_helpers)
        plain, none_shown = _pdf()
    assert none_shown == {}
    assert remembered == plain


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_each_remembered_string_is_shown_where_drawn(tmp_path):
    from models.output import pdf_text
    from models.output.mpl import setup

    setup()
    pdf_text.install()
    data, _ = _pdf()
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count("未填报") == 5
    assert "营业收入 1,234.5 亿元 (+12.3%)" in text
    assert text.count("2021年") == 1 and text.count("2025年") == 1
