"""Reading one cell of an enterprise return: numbers, counts, 是/否, years, names, credit codes, titles.

Cells come from python-calamine (whole numbers as floats, empty cells as '', dates as datetime), from
openpyxl, or from text an enterprise typed. Every reader takes the raw cell value and returns the
normalised value (None for a blank cell where blank is allowed) or raises `CellError`, whose str() is a
Chinese message for the user. The readers never raise anything else, whatever they are given.
"""

from __future__ import annotations

import math
import re
import unicodedata
from operator import mul
from typing import Any, Iterable, Mapping

from ..store.period import Period
from ..store.return_form import (AMOUNT_MAX, COUNT_MAX, INDUSTRY_ALIASES, LISTED_YEAR_MIN, PREFIX_MIN, TEXT_MAX,
                          YEAR_MAX, YEAR_MIN, ZONE_ALIASES, ZONE_PREFIXES)


class CellError(ValueError):
    """A cell that cannot be read as its column asks. `str(error)` is a Chinese message (no location:
    the caller adds file, sheet, row and column)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# GB 32100-2015: the code alphabet (no I, O, S, V, Z) and the weights 3^i mod 31 of positions 1..17.
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUES = {ch: i for i, ch in enumerate(CREDIT_ALPHABET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]*)?", re.ASCII)
_SPACES_RE = re.compile(r"\s+")
_TITLE_DROP_RE = re.compile(r"[\s()\[\]{}【】〔〕<>《》:*＊·•]+")
_TRUE = frozenset({"是", "Y", "YES", "1", "TRUE", "T", "√", "✓"})
_FALSE = frozenset({"否", "N", "NO", "0", "FALSE", "F", "×", "X", "-", "—", "无"})
_BOOL_FAST = {"是": 1, "否": 0, "": 0, "Y": 1, "N": 0, "1": 1, "0": 0, "y": 1, "n": 0}
_ZONE_PREFIXES = ZONE_PREFIXES  # the one list, shared with the form's help (models.store.return_form)

# Text that makes a row rejected: C0 and C1 control characters (tab and line breaks included), DEL, the
# bidirectional embeddings/overrides/isolates, non-characters U+FFFE/U+FFFF and lone surrogates.
FORBIDDEN_TEXT_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")
# Invisible characters removed from text with a note: zero-width space/non-joiner/joiner, LRM/RLM/ALM,
# word joiner and the invisible operators, soft hyphen, Mongolian vowel separator, BOM.
INVISIBLE_TEXT_RE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u061c\u180e]")
_ODD_TEXT_RE = re.compile(FORBIDDEN_TEXT_RE.pattern[:-1] + INVISIBLE_TEXT_RE.pattern[1:])
_NOT_VISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me", "Cs"})
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_CHAR_NAMES = {"\t": "制表符", "\n": "换行符", "\r": "回车符", "\x7f": "删除符DEL"}


def _show(value: Any) -> str:
    """A cell value as the user typed it, shortened for a message (control characters shown as ⟨U+XXXX⟩)."""
    try:
        if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            text = str(int(value))
        else:
            text = str(value)
    except Exception:  # an object whose str() fails is still a bad cell, not a crash
        text = "?"
    if _ODD_TEXT_RE.search(text):
        text = _ODD_TEXT_RE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)
    text = text.strip()
    return text if len(text) <= 30 else text[:29] + "…"


def char_name(ch: str) -> str:
    """A character named for a message: 换行符（U+000A）."""
    code = f"U+{ord(ch):04X}"
    if ch in _CHAR_NAMES:
        return f"{_CHAR_NAMES[ch]}（{code}）"
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return f"文字方向控制符（{code}）"
    if ch in "\ufffe\uffff" or "\ud800" <= ch <= "\udfff":
        return f"非法字符（{code}）"
    return f"控制字符（{code}）"


def invisible_count(value: Any) -> int:
    """How many invisible characters (zero-width, BOM …) `parse_text` removes from the cell `value`."""
    return len(INVISIBLE_TEXT_RE.findall(value)) if type(value) is str else 0


def is_visible(ch: str) -> bool:
    """True for a character that shows ink: not a space, control, format, combining mark or a blank-looking
    filler (U+3164 …)."""
    return ch not in _BLANK_LOOKING and unicodedata.category(ch) not in _NOT_VISIBLE_CATEGORIES


def is_blank(value: Any) -> bool:
    """True for an empty cell: None, '' or text of spaces only."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def normalise_text(value: Any) -> str:
    """NFKC (full-width letters, digits and punctuation to half-width) and collapsed, stripped spaces."""
    try:
        text = value if isinstance(value, str) else str(value)
        return _SPACES_RE.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    except Exception as exc:
        raise CellError(f"无法读取单元格内容“{_show(value)}”") from exc


def normalise_title(value: Any) -> str:
    """A header title reduced for matching: NFKC, no spaces, brackets, colons or '*', no leading 其中.

    "其中：留学归国人员（人）", "其中:留学归国人员(人)" and "留学归国人员 （人）" all give "留学归国人员人".
    Never raises: a cell that is not text gives its text form.
    """
    try:
        if value is None:
            return ""
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        text = unicodedata.normalize("NFKC", str(value))
        text = _TITLE_DROP_RE.sub("", text)
        if text.startswith("其中"):
            text = text[2:]
        return text.upper()
    except Exception:
        return ""


def parse_number(value: Any) -> float | None:
    """A number given as a number or as text ('1,234.5', ' １２３ ', '1 234'); None for a blank cell."""
    kind = type(value)
    if kind is float:
        if math.isfinite(value):
            return value
        raise CellError(f"“{_show(value)}”不是有效数字")
    if value is None:
        return None
    if kind is bool or isinstance(value, bool):
        raise CellError(f"“{_show(value)}”是逻辑值，应填写数字")
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except Exception as exc:  # ints beyond float range
            raise CellError(f"“{_show(value)}”不是有效数字") from exc
        if math.isfinite(number):
            return number
        raise CellError(f"“{_show(value)}”不是有效数字")
    if not isinstance(value, str):
        raise CellError(f"“{_show(value)}”不是数字")
    text = value.strip()
    if not text:
        return None
    if not text.isascii():
        text = normalise_text(text).replace("，", ",")
    if " " in text or "\u00a0" in text:  # spaces are accepted as thousands separators only
        text = ",".join(text.replace("\u00a0", " ").split())
    if not text or _NUMBER_RE.fullmatch(text) is None or not any(ch.isdigit() for ch in text):
        raise CellError(f"“{_show(value)}”不是数字")
    number = float(text.replace(",", ""))  # the pattern admits only what float() reads
    if not math.isfinite(number):
        raise CellError(f"“{_show(value)}”过大，不是有效数字")
    return number


def parse_amount(value: Any) -> float | None:
    """An amount (万元, 吨标准煤): a number ≥ 0; None for a blank cell."""
    if type(value) is float and 0 <= value <= AMOUNT_MAX:
        return value
    number = parse_number(value)
    if number is not None:
        if number < 0:
            raise CellError(f"“{_show(value)}”为负数，金额和数量不得为负")
        if number > AMOUNT_MAX:
            raise CellError(f"“{_show(value)}”超出范围，金额和数量不得超过10¹²（一万亿）")
    return number


def parse_count(value: Any) -> int | None:
    """A count (人, 件): a whole number ≥ 0; None for a blank cell."""
    if type(value) is float and 0 <= value <= COUNT_MAX and value.is_integer():
        return int(value)
    number = parse_number(value)
    if number is None:
        return None
    if number < 0:
        raise CellError(f"“{_show(value)}”为负数，人数和件数不得为负")
    if not number.is_integer():
        raise CellError(f"“{_show(value)}”不是整数，人数和件数须为整数")
    if number > COUNT_MAX:
        raise CellError(f"“{_show(value)}”超出范围，人数和件数须在0至{COUNT_MAX:,}之间")
    return int(number)


def parse_year(value: Any, low: int = YEAR_MIN, high: int = YEAR_MAX) -> int | None:
    """A year between `low` and `high`; None for a blank cell. (A return's 报告年度 is read by
    `report_year_parser(period)`, which also checks the file's period.)"""
    if type(value) is float and value.is_integer() and low <= value <= high:
        return int(value)
    try:
        number = parse_number(value)
    except CellError:
        raise CellError(f"“{_show(value)}”不是年份") from None
    if number is None:
        return None
    if not number.is_integer():
        raise CellError(f"“{_show(value)}”不是年份（须为整数）")
    if not low <= number <= high:
        raise CellError(f"年份“{_show(value)}”超出范围（{low}—{high}）")
    return int(number)


def outside_period(year: int, period: Period, what: str = "报告年度", with_base: bool = True) -> str:
    """The Chinese message for a year outside the file's period, naming the period: “报告年度2031不在本规划期
    （2026—2030年，含基期2025年）内”. `with_base=False` for what has no base-year figure (tasks)."""
    base = f"，含基期{period.base}年" if with_base else ""
    return f"{what}{year}不在本规划期（{period.first}—{period.target}年{base}）内"


def report_year_parser(period: Period):
    """The 报告年度 reader for a park file: a whole year within the period (base year … target year)."""

    def parse(value: Any) -> int | None:
        year = parse_year(value, YEAR_MIN, YEAR_MAX)
        if year is not None and year not in period:
            raise CellError(outside_period(year, period))
        return year

    return parse


def parse_listed_year(value: Any, report_year: int | None, latest: int = YEAR_MAX) -> int | None:
    """上市年份: blank, or a year from LISTED_YEAR_MIN to the report year (to `latest`, the period's target
    year, if the report year is unknown)."""
    high = report_year if isinstance(report_year, int) and report_year >= LISTED_YEAR_MIN else latest
    try:
        return parse_year(value, LISTED_YEAR_MIN, high)
    except CellError as exc:
        if "超出范围" in exc.message:
            raise CellError(f"上市年份“{_show(value)}”须在{LISTED_YEAR_MIN}年至报告年度{high}年之间") from None
        raise


def parse_bool(value: Any) -> int:
    """是/否 as 1/0: 是/否, Y/N (also Yes/No, True/False), 1/0; a blank cell is 否."""
    if type(value) is str:
        fast = _BOOL_FAST.get(value)
        if fast is not None:
            return fast
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        try:
            if value == 1:
                return 1
            if value == 0:
                return 0
        except Exception:
            pass
        raise CellError(f"“{_show(value)}”应填“是”或“否”")
    if not isinstance(value, str):
        raise CellError(f"“{_show(value)}”应填“是”或“否”")
    text = normalise_text(value).upper()
    if not text:
        return 0
    if text in _TRUE:
        return 1
    if text in _FALSE:
        return 0
    if text in ("1.0",):
        return 1
    if text in ("0.0",):
        return 0
    raise CellError(f"“{_show(value)}”应填“是”或“否”（也可填Y/N、1/0）")


def parse_text(value: Any) -> str | None:
    """Free text (企业名称): spaces collapsed and stripped; None for a blank cell.

    Control characters (C0 — tab and line breaks too — C1, DEL), bidirectional overrides and isolates
    are an error; invisible characters (zero-width, BOM …, see `invisible_count`) are removed; text with
    nothing visible left, or longer than TEXT_MAX characters, is an error.
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if type(value) is str and _ODD_TEXT_RE.search(value):
        bad = FORBIDDEN_TEXT_RE.search(value)
        if bad is not None:
            raise CellError(f"“{_show(value)}”含有{char_name(bad.group())}，请删除后重新填报")
        stripped = INVISIBLE_TEXT_RE.sub("", value)
        if value.strip() and not stripped.strip():
            raise CellError(f"“{_show(value)}”没有可见的文字")
        value = stripped
    if type(value) is str and unicodedata.is_normalized("NFKC", value):
        text = " ".join(value.split())
    else:
        text = normalise_text(value)
        if FORBIDDEN_TEXT_RE.search(text):  # a value that was not text and whose str() holds control chars
            raise CellError(f"“{_show(text)}”含有{char_name(FORBIDDEN_TEXT_RE.search(text).group())}")
    if not text:
        return None
    if len(text) > TEXT_MAX:
        raise CellError(f"长度为{len(text)}个字，超过{TEXT_MAX}个字的上限")
    if not any(map(is_visible, text)):
        raise CellError(f"“{_show(value)}”没有可见的文字")
    return text


def credit_check_char(first17: str) -> str:
    """The GB 32100-2015 check character of the first 17 characters of a credit code."""
    if len(first17) != 17:
        raise CellError(f"“{_show(first17)}”应为17位")
    try:
        total = sum(map(mul, map(_CREDIT_VALUES.__getitem__, first17), _CREDIT_WEIGHTS))
    except KeyError as exc:
        raise CellError(f"统一社会信用代码含不允许的字符“{exc.args[0]}”") from None
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def parse_credit_code(value: Any) -> str | None:
    """A unified social credit code: 18 characters of the GB 32100-2015 alphabet with the right check
    character (letters upper-cased, spaces and full-width forms removed); None for a blank cell."""
    if type(value) is str and len(value) == 18 and value.isascii() and value.isalnum():
        code = value.upper()
    else:
        if is_blank(value):
            return None
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)  # a code typed as a number: read its digits
        code = normalise_text(value).replace(" ", "").replace("-", "").upper()
        if len(code) != 18:
            raise CellError(f"统一社会信用代码“{_show(value)}”应为18位（现为{len(code)}位）")
    try:
        total = sum(map(mul, map(_CREDIT_VALUES.__getitem__, code[:17]), _CREDIT_WEIGHTS))
        last = _CREDIT_VALUES[code[17]]
    except KeyError as exc:
        raise CellError(f"统一社会信用代码“{_show(value)}”含不允许的字符“{exc.args[0]}”"
                        "（不使用I、O、S、V、Z）") from None
    expected = (31 - total % 31) % 31
    if last != expected:
        raise CellError(f"统一社会信用代码“{_show(value)}”校验位错误"
                        f"（按GB 32100-2015应为“{CREDIT_ALPHABET[expected]}”）")
    return code


def make_credit_code(first17: str) -> str:
    """The full 18-character code for 17 characters (used to make valid codes in tests and benchmarks)."""
    return first17 + credit_check_char(first17)


class Choices:
    """The allowed names of a column (canonical industry or zone names) and the spellings accepted for
    them; `lookup(value)` gives the canonical name.

    Accepted, in this order: the name itself (spaces, full/half width and case aside) and `spellings`
    (documented equivalents, e.g. a zone without 东部); an alias of `aliases` (models.store.return_form's
    tables); a unique prefix of at least PREFIX_MIN characters of a name, spelling or alias. Each alias or
    prefix match is kept in `matched` (the cell text → (name, how)) for the importer to note; a prefix
    fitting several names is an error naming them. Nothing else is guessed.

    Attributes:
        names: the canonical names, in order.
        what: what the names are, for messages (e.g. "所属产业").
        matched: cell text → (canonical name, "别名" or "前缀") for every alias or prefix match so far.
    """

    def __init__(self, names: Iterable[str], what: str, spellings: Mapping[str, str] | None = None,
                 aliases: Mapping[str, str] | None = None):
        self.names = tuple(names)
        self.what = what
        self.matched: dict[str, tuple[str, str]] = {}
        self._map: dict[str, str] = {}
        for name in self.names:
            self._map[self._key(name)] = name
        for spelling, name in (spellings or {}).items():
            self._map.setdefault(self._key(spelling), name)
        self._aliases: dict[str, str] = {}
        for alias, name in (aliases or {}).items():
            key = self._key(alias)
            if name in self.names and key not in self._map:
                self._aliases[key] = name
        self._all = {**self._aliases, **self._map}

    @staticmethod
    def _key(text: str) -> str:
        text = INVISIBLE_TEXT_RE.sub("", text)
        return "".join(unicodedata.normalize("NFKC", text).split()).upper()

    def lookup(self, value: Any) -> str | None:
        """The canonical name for a cell; None for a blank cell; CellError for an unknown or ambiguous name."""
        name = self._map.get(value) if type(value) is str else None
        if name is not None:
            return name
        if is_blank(value):
            return None
        try:
            key = self._key(value if isinstance(value, str) else _show(value))
        except Exception:
            key = ""
        name = self._map.get(key)
        if name is not None:
            return name
        shown = _show(value)
        name = self._aliases.get(key)
        if name is not None:
            self.matched[value if isinstance(value, str) else shown] = (name, "别名")
            return name
        if len(key) >= PREFIX_MIN:
            found = sorted({n for k, n in self._all.items() if k.startswith(key)}, key=self.names.index)
            if len(found) == 1:
                self.matched[value if isinstance(value, str) else shown] = (found[0], "前缀")
                return found[0]
            if found:
                candidates = "”或“".join(found)
                raise CellError(f"{self.what}“{shown}”不能确定是哪一个（可能是“{candidates}”），请填写完整名称")
        listed = "、".join(self.names[:6]) + ("等" if len(self.names) > 6 else "")
        raise CellError(f"{self.what}“{shown}”不在可选范围内（{listed}）")


def industry_choices(names: Iterable[str]) -> Choices:
    """The canonical industries of a park file, for 所属产业 (with models.store.return_form.INDUSTRY_ALIASES)."""
    return Choices(names, "所属产业", aliases=INDUSTRY_ALIASES)


def zone_choices(names: Iterable[str]) -> Choices:
    """The canonical zones (e.g. 东部中山公园片区), also accepted without the 东部/中部/西部 prefix, and
    by models.store.return_form.ZONE_ALIASES."""
    names = tuple(names)
    spellings = {}
    for name in names:
        for prefix in _ZONE_PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix):
                spellings[name[len(prefix):]] = name
    return Choices(names, "所属片区", spellings, ZONE_ALIASES)


def fast_column(kind: str, values: list[Any], years: tuple[int, int] | None = None) -> list[Any] | None:
    """The parsed column when every cell is already a plain number of the right kind (the usual case
    for calamine), checked at C speed; None when any cell needs the per-cell readers above. A year
    column takes the fast path only with its bounds `years` (low, high) and every year within them."""
    if kind not in ("amount", "count", "year") or not values or (kind == "year" and years is None):
        return None
    try:
        if set(map(type, values)) != {float} or min(values) < 0 or not math.isfinite(sum(values)):
            return None
        if max(values) > (AMOUNT_MAX if kind == "amount" else COUNT_MAX):
            return None
        if kind == "amount":
            return list(values)
        if not all(map(float.is_integer, values)):
            return None
        if kind == "year" and not (years[0] <= min(values) and max(values) <= years[1]):
            return None
        return list(map(int, values))
    except Exception:
        return None
