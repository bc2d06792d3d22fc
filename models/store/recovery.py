"""Recovering from a park file that cannot be opened: find the newest good backup copy beside it (the daily
copies of models.store.backup and the copies made before migrations by models.store.db) and put it in the file's place,
keeping the damaged file under another name so that nothing is lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import db
from .backup import daily_backups
from .db import ParkFileError


def backup_copies(path: Path) -> list[Path]:
    """Every backup copy of `path` beside it (daily and pre-migration), newest first (by modification time)."""
    path = Path(path)
    if not path.parent.is_dir():
        return []
    found = set(daily_backups(path))
    found.update(p for p in path.parent.glob(f"{path.stem}.v*-backup-*{path.suffix}") if p.is_file())
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def is_good_copy(path: Path) -> bool:
    """True if `path` is a park file that `db.open_park` would open: SQLite, passes quick_check, says it
    is ours, and its schema and values are exactly what this program writes (a copy lying beside the file
    is no more trusted than the file)."""
    path = Path(path)
    try:
        db.check_park_file(path)
        snap = db._Snapshot(path)
    except (ParkFileError, sqlite3.Error, OSError):
        return False
    try:
        db._inspect(path, snap)
        return True
    except (ParkFileError, sqlite3.Error):
        return False
    finally:
        snap.close()


INTEGRITY_BUDGET_S = 120.0


def fails_integrity_check(path: Path) -> bool:
    """True only when `path`, opened alone (read-only, its journal rolled back on a temporary copy), is
    not a SQLite database or fails `PRAGMA integrity_check`. A file SQLite cannot read for any other
    reason (locked by a colleague, a share gone, no permission, a check that takes too long) is not
    called damaged: False."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            if fh.read(len(db.SQLITE_HEADER)) != db.SQLITE_HEADER:
                return True
    except OSError:
        return False
    snap = None
    try:
        snap = db._Snapshot(path)
        snap.budget.arm(INTEGRITY_BUDGET_S)
        rows = snap.conn.execute("PRAGMA integrity_check").fetchall()
        return rows != [("ok",)]
    except sqlite3.Error as exc:
        return db.error_code(exc) in (db.SQLITE_CORRUPT, db.SQLITE_NOTADB)
    except (ParkFileError, OSError):
        return False
    finally:
        if snap is not None:
            snap.close()


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup copy of `path` that is itself a good park file, or None."""
    return next((copy for copy in backup_copies(path) if is_good_copy(copy)), None)


def damaged_name(path: Path, now: datetime | None = None) -> Path:
    """Where a damaged file is kept when a backup is restored in its place."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")


def restore_backup(path: Path, backup: Path, now: datetime | None = None) -> Path:
    """Put a copy of `backup` at `path`; the damaged file moves to `damaged_name(path)`, which is returned.

    The backup itself is left as it is. Raises ParkFileError (Chinese message) if a step fails; the files
    are then as they were.
    """
    path, backup = Path(path), Path(backup)
    if path.exists() and not fails_integrity_check(path):
        # Locked is not damaged: a file that passes integrity_check (or cannot be read for another
        # reason, e.g. a colleague's write) is never replaced.
        raise ParkFileError(f"“{path.name}”未损坏（完整性检查通过）或正被其他程序使用，未用备份覆盖。")
    kept = damaged_name(path, now)
    partial = path.with_name(path.name + ".restoring")
    try:
        shutil.copyfile(backup, partial)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ParkFileError(f"无法从备份“{backup.name}”恢复：{exc.strerror or exc}。文件未被修改。") from exc
    try:
        if path.exists():
            path.replace(kept)
        journal = path.with_name(path.name + "-journal")
        if journal.exists():  # belongs to the damaged file; it must not be applied to the restored copy
            journal.replace(kept.with_name(kept.name + "-journal"))
        partial.replace(path)
    except OSError as exc:
        if kept.exists() and not path.exists():
            kept.replace(path)
        partial.unlink(missing_ok=True)
        raise ParkFileError(f"无法从备份“{backup.name}”恢复：{exc.strerror or exc}。文件未被修改。") from exc
    return kept


@dataclass
class CleanCopy:
    """What `export_clean_copy` wrote.

    Attributes:
        path: the new file.
        copied: table -> rows copied.
        skipped: table -> rows left out (a required value wrong or missing, or a constraint broken).
        cleared: table -> values of the wrong type or out of range, left empty in the copy.
        left_out: objects of the source that were not copied (views, triggers, unknown tables).
    """

    path: Path
    copied: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    cleared: dict[str, int] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """What was copied and left out, in Chinese, for the user."""
        lines = [f"已写入干净副本“{self.path.name}”：共复制{sum(self.copied.values())}行数据。"]
        if self.left_out:
            shown = "、".join(self.left_out[:8]) + ("等" if len(self.left_out) > 8 else "")
            lines.append(f"未复制本软件不会创建的对象{len(self.left_out)}个：{shown}。")
        for table, n in self.cleared.items():
            lines.append(f"表“{table}”中{n}个类型或范围不对的数值已留空。")
        for table, n in self.skipped.items():
            if n:
                lines.append(f"表“{table}”中{n}行因缺少必填数值或违反约束未复制。")
        lines.append("原文件未被修改。")
        return "\n".join(lines)


def export_clean_copy(source: Path, target: Path) -> CleanCopy:
    """A new park file at `target`, from the template, holding only the rows of the known tables of the
    park file at `source` whose values are of the right types and ranges — for a file refused because it
    carries triggers, views or other objects this program does not make.

    Nothing from `source`'s schema runs: it is read with trusted_schema=OFF, its views are never read, its
    triggers never fire (only SELECTs run on it), and a time budget bounds the reading. The copy is one
    audited transaction; `source` is not changed. Raises ParkFileError (Chinese message).
    """
    from . import park_check
    from .return_form import COLUMNS

    source, target = Path(source), Path(target)
    db.check_park_file(source)
    db.create_park(target)
    result = CleanCopy(target)
    kinds = {c.key: c.kind for c in COLUMNS}
    required = {c.key for c in COLUMNS if c.required}
    try:
        snap = db._Snapshot(source)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise db.open_error(source, exc) from exc
    park = None
    try:
        snap.budget.arm(db.open_budget(source) * 3)
        snap.conn.text_factory = park_check.lenient_text  # bytes that are not UTF-8 become U+FFFD
        found = park_check.read_schema(snap.conn)
        wanted = park_check.expected_schema(db.SCHEMA_VERSION)
        result.left_out = [f"{kind} {name}" for kind, name in found.others] + \
            [f"table {name}" for name in found.tables if name not in wanted.tables]
        park = db.open_park(target)
        with park.transaction("clean_copy", "gui") as tx:
            conn = park.conn
            conn.execute("PRAGMA defer_foreign_keys = ON")
            for table, columns in wanted.tables.items():
                if table not in found.tables:
                    continue
                have = {c[0] for c in found.tables[table]}
                names = [c[0] for c in columns if c[0] in have and c[5] == 0]
                # A value of the wrong type or out of range is left empty; a row that then lacks a
                # required value (or breaks a constraint) is left out.
                picks, bad, needed = [], [], []
                for c in columns:
                    if c[0] not in names:
                        continue
                    rule = park_check.value_rule(table, c[0], c[1] or "", kinds)
                    quoted = '"' + c[0].replace('"', '""') + '"'
                    picks.append(f"CASE WHEN coalesce({rule[0]}, 1) THEN {quoted} END" if rule else quoted)
                    if rule:
                        bad.append(f"(NOT coalesce({rule[0]}, 1))")
                        if table == "returns" and c[0] in required:  # a return without it is not one
                            needed.append(f"coalesce({rule[0]}, 1)")
                cols = ", ".join(f'"{n}"' for n in names)
                total = snap.conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                rows = snap.conn.execute(f'SELECT {", ".join(picks)} FROM "{table}" WHERE '
                                         f'{" AND ".join(needed) or "1"}').fetchall()
                if bad:
                    cleared = snap.conn.execute(f'SELECT total({" + ".join(bad)}) FROM "{table}"').fetchone()[0]
                    if cleared:
                        result.cleared[table] = int(cleared)
                keep_meta = table == "meta"
                if keep_meta:  # the template's `app` row says what the file is; the rest is the office's
                    rows = [r for r in rows if r[names.index("key")] != "app"] if "key" in names else []
                    total -= 1
                else:
                    conn.execute(f'DELETE FROM "{table}"')
                marks = ", ".join("?" for _ in names)
                verb = "INSERT OR REPLACE" if keep_meta else "INSERT OR IGNORE"
                before = conn.total_changes
                conn.executemany(f'{verb} INTO "{table}" ({cols}) VALUES ({marks})', rows)
                result.copied[table] = conn.total_changes - before
                result.skipped[table] = max(total - result.copied[table], 0)
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            for table, rowid, _parent, _fk in broken:
                conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                if table in result.copied:  # a copied row whose parent was left out
                    result.copied[table] -= 1
                    result.skipped[table] = result.skipped.get(table, 0) + 1
                # else a template row (a table the older file does not have) whose parent the copy replaced
            tx.log("*", {"source": source.name}, None, None,
                   json.dumps({"copied": result.copied, "skipped": result.skipped, "cleared": result.cleared,
                               "left_out": result.left_out},
                              ensure_ascii=False))
    except sqlite3.Error as exc:
        _drop(park, target)
        raise db.open_error(source, exc, snap.budget.seconds) from exc
    except BaseException:
        _drop(park, target)
        raise
    finally:
        snap.close()
    park.close()
    return result


def _drop(park, target: Path) -> None:
    if park is not None:
        park.close()
    target.unlink(missing_ok=True)
