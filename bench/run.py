"""`make bench`: runs every benchmark, each in its own process, then writes BENCHMARKS.md."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

# In the order BENCHMARKS.md shows them.
BENCHMARKS: list[str] = [
    "read_path",
    "growth",
    "write_path",
    "scale_out",
    "survey_results",
    "exports",
]

HEADER = """# Benchmarks

Written by `make bench` from `bench/results/*.json`; do not edit by hand. Every figure is a
ratio against a reference measured in the same run on the same machine, because the machines
here are shared and absolute times are noise.
"""


def write_report() -> Path:
    sections = [HEADER]
    for name in BENCHMARKS:
        path = RESULTS / f"{name}.json"
        if not path.exists():
            sections.append(f"## {name}\n\nNot run yet (`python -m bench.{name}`).\n")
            continue
        result = json.loads(path.read_text())
        sections.append(f"## {result['title']}\n\n{result['markdown'].strip()}\n")
    report = ROOT / "BENCHMARKS.md"
    report.write_text("\n".join(sections))
    return report


def main(names: list[str]) -> int:
    failed = []
    for name in names or BENCHMARKS:
        print(f"=== bench.{name} ===", flush=True)
        if subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=ROOT).returncode:
            failed.append(name)
    print(f"Report: {write_report()}")
    if failed:
        print(f"Failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
