"""The index folder: generations, the CURRENT pointer (atomic switch) and the reindex lock.

    index_dir/CURRENT            name of the generation being served
    index_dir/reindex.lock       held (flock) while a reindex runs
    index_dir/gens/<name>/       chunks.sqlite, chroma/, bm25/
    index_dir/ocr-cache/         OCR text of scanned files, by file hash (kept across generations)
    index_dir/embed-cache.sqlite every vector computed, by model and text hash (kept across generations)
    gens/<name>/vectors-progress.json  while a generation's passages still wait for vectors: how many have one

A reindex writes a new generation and switches CURRENT only when it is complete, so a failed or
killed reindex leaves the served generation untouched.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from core.errors import IndexIncompatibleError, IndexLockedError, IndexNotFoundError

KEEP_GENERATIONS = 2  # the served one and the one before it (a reader may still hold it open)
# A generation replaced less than this long ago is kept as well: a reindex switches twice (the lexical
# generation, then the complete one), and a question that started on the generation before both may still
# be reading it (the service keeps a replaced generation open for 60 s plus the LLM timeout).
IN_FLIGHT_GRACE_S = 300.0
RETIRED_MARK = "RETIRED"  # file in a generation's folder: when it stopped being served (its mtime)


class IndexLayout:
    """Paths and pointer operations of one index folder."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.gens = self.root / "gens"
        self.current_file = self.root / "CURRENT"
        self.lock_file = self.root / "reindex.lock"
        self.ocr_cache = self.root / "ocr-cache"
        self.embed_cache = self.root / "embed-cache.sqlite"

    def current_name(self) -> str | None:
        try:
            name = self.current_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if name and (self.gens / name).is_dir() else None

    def current_path(self) -> Path:
        """Folder of the served generation; IndexNotFoundError when none was built,
        IndexIncompatibleError when the folder holds something else (an older hoidap's index)."""
        name = self.current_name()
        if name is None:
            foreign = self.foreign_entries()
            if foreign:
                raise IndexIncompatibleError(
                    self.root, f"it holds {', '.join(foreign[:3])} but no generation of this hoidap version"
                )
            raise IndexNotFoundError(self.root)
        return self.gens / name

    def foreign_entries(self) -> list[str]:
        """Names in the index folder that this layout does not write (left by an older version)."""
        if not self.root.is_dir():
            return []
        ours = {self.gens.name, self.current_file.name, self.lock_file.name, self.ocr_cache.name, self.embed_cache.name}
        return sorted(p.name for p in self.root.iterdir() if p.name not in ours and not p.name.startswith(("CURRENT.", self.embed_cache.name)))

    def new_generation(self) -> Path:
        self.gens.mkdir(parents=True, exist_ok=True)
        name = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
        path = self.gens / name
        path.mkdir()
        return path

    def switch_to(self, gen: Path) -> None:
        """Atomically make ``gen`` the served generation."""
        previous = self.current_name()
        if previous and previous != gen.name:
            (self.gens / previous / RETIRED_MARK).touch()
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(gen.name)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.current_file)
        dir_fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def prune(self, drop=None) -> None:
        """Remove unfinished and old generations, keeping the served one, its predecessor and any replaced
        less than IN_FLIGHT_GRACE_S ago.

        ``drop(gen_path)`` removes what a generation keeps outside its folder (a server collection).
        """
        if not self.gens.is_dir():
            return
        current = self.current_name()
        gens = sorted(p for p in self.gens.iterdir() if p.is_dir())
        keep = set()
        if current:
            keep.add(current)
            older = [p.name for p in gens if p.name < current and (p / RETIRED_MARK).exists()]  # once served
            keep.update(older[-(KEEP_GENERATIONS - 1) :] if KEEP_GENERATIONS > 1 else [])
        for path in gens:
            if path.name not in keep and not self._recently_retired(path):
                if drop is not None:
                    drop(path)
                shutil.rmtree(path, ignore_errors=True)

    @staticmethod
    def _recently_retired(gen: Path) -> bool:
        try:
            return time.time() - (gen / RETIRED_MARK).stat().st_mtime < IN_FLIGHT_GRACE_S
        except FileNotFoundError:  # never served (unfinished), or retired before this mark existed
            return False

    @contextmanager
    def lock(self, wait: bool = False):
        """Exclusive reindex lock; IndexLockedError when another reindex holds it and wait is False."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.lock_file, "a+", encoding="utf-8")
        try:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip()
                raise IndexLockedError(self.root, f"(pid {holder})" if holder else "") from None
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()
