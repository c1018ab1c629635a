"""The indicator rules compiled to C with mypyc: the same source, run about 1.4 times as fast.

``python -m pipelines.native`` (``make native``, which ``make run`` and ``make test`` call) compiles the modules of
``pipelines.domain.indicators`` into ``build/native``, beside a digest of the sources it compiled. The package puts
that folder first on its ``__path__`` only while the digest matches its sources as they are now: an edited rule is
never shadowed by an older build, it runs as Python until the next build. ``GANPO_PURE=1`` runs the Python source
whatever is built (the tests compare the two).

The package's ``__init__`` stays Python: it is what decides which of the two to load.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from pipelines.paths import PROJECT_ROOT

PACKAGE = "pipelines.domain.indicators"
SOURCE_DIR = PROJECT_ROOT / "pipelines" / "domain" / "indicators"
BUILD_DIR = PROJECT_ROOT / "build" / "native"
BUILD_LOG = PROJECT_ROOT / "build" / "native-build.log"
# the environment variable that keeps the Python source in use
PURE_ENV = "GANPO_PURE"


def compiled_sources(source_dir: Path = SOURCE_DIR) -> list[Path]:
    """The modules compiled: every one but the package's ``__init__``."""
    return sorted(p for p in source_dir.glob("*.py") if p.name != "__init__.py")


def source_digest(source_dir: Path = SOURCE_DIR) -> str:
    """A digest of the compiled modules' sources and of the interpreter's ABI (a build serves one of each)."""
    h = hashlib.sha256(str(sysconfig.get_config_var("EXT_SUFFIX")).encode())
    for path in compiled_sources(source_dir):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def module_dir(build_dir: Path = BUILD_DIR) -> Path:
    """Where a build puts the package's compiled modules."""
    return build_dir.joinpath(*PACKAGE.split("."))


def current_build(source_dir: Path = SOURCE_DIR, build_dir: Path = BUILD_DIR) -> Path | None:
    """The folder of compiled modules built from the sources as they are now, or None (none built, built from
    other sources, or ``GANPO_PURE`` set)."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        return None
    digest_file = build_dir / "sources.sha256"
    try:
        built_from = digest_file.read_text(encoding="ascii").strip()
    except OSError:
        return None
    return module_dir(build_dir) if built_from == source_digest(source_dir) else None


def superseded(built_from: str, source_dir: Path = SOURCE_DIR, build_dir: Path = BUILD_DIR) -> bool:
    """Whether a build of the sources as they were (``built_from``, their digest) would replace a build of the
    sources as they are now: the sources changed while it compiled, and a later build of them is in place."""
    return built_from != source_digest(source_dir) and current_build(source_dir, build_dir) is not None


def build(build_dir: Path = BUILD_DIR) -> Path:
    """Compile the package into ``build_dir``; returns the folder of its modules. Raises on any failure (a type
    error mypy finds, no C compiler), leaving any earlier build as it was.

    The new build is made in a folder of its own and then put in the place of the old one: a process that loaded
    the old modules (a Dagster daemon, say) keeps files that are never rewritten under it."""
    # mypyc and setuptools are build tools, imported only here
    from mypyc.build import mypycify
    from setuptools import Distribution

    digest = source_digest()
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    cwd = Path.cwd()
    os.chdir(PROJECT_ROOT)  # mypyc names the modules after their paths relative to the working directory
    try:
        sources = [str(p.relative_to(PROJECT_ROOT)) for p in compiled_sources()]
        with tempfile.TemporaryDirectory(prefix="ganpo-native-", dir=build_dir.parent) as tmp:
            new_build = Path(tmp) / "native"
            extensions = mypycify(
                sources,
                opt_level="3",
                # one shared library inside the package (not at the top of sys.path, mypyc's default)
                group_name=f"{PACKAGE}._native",
                target_dir=str(Path(tmp) / "c"),
            )
            dist = Distribution({"name": "ganpo-native", "ext_modules": extensions})
            cmd = dist.get_command_obj("build_ext")
            cmd.build_lib = str(new_build)  # type: ignore[attr-defined]
            cmd.build_temp = str(Path(tmp) / "obj")  # type: ignore[attr-defined]
            dist.run_command("build_ext")
            (new_build / "sources.sha256").write_text(digest + "\n", encoding="ascii")
            if superseded(digest, build_dir=build_dir):
                return module_dir(build_dir)  # (two builds at once: the older one finished last, and is dropped)
            if build_dir.exists():
                build_dir.rename(Path(tmp) / "old")  # (removed with the folder: unlinked, not rewritten)
            new_build.rename(build_dir)
    finally:
        os.chdir(cwd)
    return module_dir(build_dir)


@contextlib.contextmanager
def _output_to(log: Path) -> Iterator[None]:
    """Everything written to stdout and stderr, by this process and the compiler it starts, into ``log``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with log.open("w", encoding="utf-8") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            for fd, copy in zip((1, 2), saved, strict=True):
                os.dup2(copy, fd)
                os.close(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.native",
        description="Compile the indicator rules (pipelines/domain/indicators) with mypyc into build/native. "
        "The package loads the build only while it matches the sources; without one it runs as Python.",
    )
    parser.add_argument("--check", action="store_true", help="only say whether the build matches the sources")
    parser.add_argument(
        "--optional", action="store_true",
        help="a failed build is a warning, not an error (the Python source is used, about 1.4x slower)",
    )
    args = parser.parse_args(argv)
    built = current_build() is not None  # (a digest of every source: read once)
    if args.check or built:
        print(f"native build in {BUILD_DIR}: {'current' if built else 'missing or out of date'}")
        return 0 if built else 1
    print(f"compiling {len(compiled_sources())} modules of {PACKAGE} with mypyc into {BUILD_DIR} (about a minute)…",
          flush=True)
    started = time.monotonic()
    try:
        with _output_to(BUILD_LOG):  # (mypy's notes and the compiler's lines: hundreds, read only on failure)
            build()
    except (Exception, SystemExit) as exc:  # (setuptools reports a compiler failure as SystemExit)
        errors = [line for line in BUILD_LOG.read_text(encoding="utf-8").splitlines() if "error" in line]
        level = "warning" if args.optional else "error"
        print("\n".join(errors[-10:]), file=sys.stderr)
        print(f"{level}: native build failed ({exc}; all output in {BUILD_LOG}); the indicator rules run as Python",
              file=sys.stderr)
        return 0 if args.optional else 1
    # (current unless the sources changed while it compiled: another build of them, or none yet)
    state = "" if current_build() is not None else "; the sources changed while it ran, build again to use them"
    print(f"native build done in {time.monotonic() - started:.0f} s (output in {BUILD_LOG}){state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
