"""A one-line progress bar on stderr: files done, documents/s, characters/s, ETA.

Drawn only when stderr is a terminal or when asked (`kg build --progress`);
redrawn at most every `interval` seconds, so a million-page build spends
nothing on it. Rates count the documents actually extracted (cache hits are
shown but not counted in the rates).
"""

import sys
import time


def _fmt_rate(x: float) -> str:
    for unit, div in (("M", 1e6), ("k", 1e3)):
        if x >= div:
            return f"{x / div:.1f}{unit}"
    return f"{x:.1f}"


def _fmt_time(s: float) -> str:
    s = int(s)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class Progress:
    def __init__(self, total: int, enabled: bool | None = None, stream=None,
                 interval: float = 0.25, label: str = "kg build"):
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled = enabled
        self.total = total
        self.label = label
        self.interval = interval
        self.done = self.cached = self.failed = 0
        self.docs = self.chars = 0       # extracted (not cached) documents and their characters
        self.t0 = time.perf_counter()
        self._last = 0.0

    def restart_clock(self) -> None:
        """Rates from now on (after the workers have loaded their pipelines)."""
        self.t0 = time.perf_counter()

    def update(self, chars: int = 0, cached: bool = False, failed: bool = False) -> None:
        self.done += 1
        if cached:
            self.cached += 1
        else:
            self.docs += 1
            self.chars += chars
        if failed:
            self.failed += 1
        if self.enabled:
            now = time.perf_counter()
            if now - self._last >= self.interval or self.done == self.total:
                self._last = now
                self._draw(now)

    def message(self, text: str) -> None:
        if self.enabled:
            self.stream.write(f"\r\x1b[K{self.label}: {text}")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        dt = max(now - self.t0, 1e-9)
        pct = 100.0 * self.done / self.total if self.total else 100.0
        width = 24
        fill = int(width * self.done / self.total) if self.total else width
        bar = "#" * fill + "-" * (width - fill)
        dps, cps = self.docs / dt, self.chars / dt
        left = self.total - self.done
        eta = f" ETA {_fmt_time(left / dps)}" if dps > 0 and left else ""
        extra = f" {self.cached} cached" if self.cached else ""
        extra += f" {self.failed} failed" if self.failed else ""
        self.stream.write(f"\r\x1b[K{self.label} [{bar}] {self.done}/{self.total} {pct:3.0f}% "
                          f"{_fmt_rate(dps)} docs/s {_fmt_rate(cps)} chars/s{extra}{eta}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.perf_counter())
            self.stream.write("\n")
            self.stream.flush()

    def rates(self) -> tuple[float, float, float]:
        """(seconds, documents/s, characters/s) of the extracted documents so far."""
        dt = max(time.perf_counter() - self.t0, 1e-9)
        return dt, self.docs / dt, self.chars / dt
