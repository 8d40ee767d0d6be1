"""Timing helpers shared by the reference benchmark scripts.

Measured exactly as the C# harness measures its own side (tests/Research.Benchmarks/Harness/Timing.cs):
`warmup` untimed calls, then `repeats` calls timed one by one with a monotonic clock; the median
(statistics.median: the mean of the middle two for an even count) and the minimum are reported in ms.

Every script prints one JSON object on stdout:
    {"timings":      {"<key>": {"median_ms": float, "min_ms": float, "runs": int}, ...},
     "fingerprints": {"<key>": "<summary of the output, compared with ours>", ...},
     "versions":     {"python": "...", "numpy": "...", ...},
     "peak_rss_mb":  float}
and nothing else on stdout; diagnostics go to stderr.
"""

import argparse
import json
import platform
import statistics
import sys
import time


def arguments(description, positional):
    """Parses --warmup, --repeats and the script's positional arguments (a list of (name, help))."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--warmup", type=int, default=3, help="untimed calls first (default 3)")
    parser.add_argument("--repeats", type=int, default=20, help="timed calls (default 20)")
    for name, help_text in positional:
        parser.add_argument(name, help=help_text)
    args = parser.parse_args()
    if args.repeats < 1 or args.warmup < 0:
        parser.error("--repeats must be at least 1 and --warmup at least 0")
    return args


def measure(fn, warmup, repeats):
    """Times fn(): warm-up calls, then individually timed calls; returns median and minimum in ms."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return {"median_ms": statistics.median(samples), "min_ms": min(samples), "runs": repeats}


def versions(**modules):
    """The Python version plus each given module's __version__ (name=module)."""
    found = {"python": platform.python_version()}
    for name, module in modules.items():
        found[name] = getattr(module, "__version__", "unknown")
    return found


def peak_rss_mb():
    """Peak resident memory of this process in MiB: VmHWM of /proc/self/status (KiB).

    Not getrusage's ru_maxrss: Linux carries it over fork and exec, so a script started by the
    benchmark harness would report the harness's own peak (1-2 GB with libtorch loaded) instead of its own.
    VmHWM belongs to the address space, which exec replaces.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return None


def emit(timings, fingerprints, found_versions):
    """Prints the result object the harness reads (with this process's peak resident memory, "peak_rss_mb")."""
    json.dump({"timings": timings, "fingerprints": fingerprints, "versions": found_versions, "peak_rss_mb": peak_rss_mb()}, sys.stdout)
    sys.stdout.write("\n")
