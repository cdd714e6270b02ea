"""What the ``kg`` commands share: the ``--store`` option, ``--workers``, the progress default, the exit
code texts, and the one place where a library error becomes a one-line message and an exit code."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

EXIT_CODES = """\b
Exit codes: 0 success; 1 runtime failure (nothing built, endpoint unreachable, SHACL violations);
2 bad usage (bad option, missing store, SPARQL syntax error, update without --update);
3 store locked by another process (a running `kg build`, or `kg serve` on the same folder)."""
BUILD_EXIT_CODES = """\b
Exit codes: 0 built (files that are empty, binary, too large, not Indonesian or broke the pipeline
are listed and skipped, the rest is built); 1 nothing could be built (or a runtime failure);
2 bad usage (bad option, missing path); 3 store locked by another process (another `kg build`, or
`kg serve` on the same folder); 4 with --strict: at least one file was skipped or failed."""

store_option = click.option(
    "--store", "store_location", default="build/store", show_default=True, metavar="DIR|URL",
    help="Store folder, or the http(s) URL of a SPARQL 1.1 endpoint (e.g. `kg serve`).")
progress_option = click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")


class DateBound(click.ParamType):
    """``--since``/``--until``: 2023-09-14, 2023-09, 2023 or 14 September 2023 (kg.dates.bound)."""

    name = "DATE"

    def __init__(self, end: bool) -> None:
        self.end = end

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 - click's signature
        from kg.dates import bound

        try:
            return bound(str(value), end=self.end)
        except ValueError as e:
            self.fail(str(e), param, ctx)


since_option = click.option("--since", type=DateBound(end=False), metavar="DATE",
                            help="Only articles published on or after DATE (2023-09-14, 2023-09, 2023); "
                                 "undated articles are left out.")
until_option = click.option("--until", type=DateBound(end=True), metavar="DATE",
                            help="Only articles published on or before DATE (a month or year: its end).")


def show_progress(progress: bool | None) -> bool:
    """``--progress/--no-progress`` as given, else whether stderr is a terminal."""
    return sys.stderr.isatty() if progress is None else progress


def fail(message: object, code: int = 1) -> NoReturn:
    """Print ``Error: message`` on stderr and exit with ``code``."""
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(code)


def exit_code(exc: BaseException) -> int | None:
    """The exit code a library error asks for: its ``exit_code`` (kg.store errors, kg.sparql.QueryError);
    1 for any other error raised by kg itself, an OS error included; None: not ours, let it through."""
    code = getattr(type(exc), "exit_code", None)
    if isinstance(code, int):
        return code
    if isinstance(exc, OSError) or (isinstance(exc, RuntimeError) and type(exc).__module__.startswith("kg.")):
        return 1
    return None


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors → ``Error: one line`` and the documented exit code, not a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            code = exit_code(exc)
            if code is None:
                raise
            if isinstance(exc, OSError) and not hasattr(type(exc), "exit_code"):
                from kg.store import os_error_line  # disk full, a read-only folder, a lock file we may not open

                fail(os_error_line(exc), code)
            fail(exc, code)

    return wrapper


class Workers(click.ParamType):
    """``--workers``: a positive number, or ``auto``."""

    name = "N|auto"

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 - click's signature
        if isinstance(value, int) or value == "auto":
            return value
        try:
            n = int(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of workers or 'auto'", param, ctx)
        if n < 1:
            self.fail(f"{n} workers: at least 1 (1 = extract in this process)", param, ctx)
        return n
