"""Measures the notebooks (a benchmark, not a test): prints a Markdown table for README.md.

Usage (after `research notebooks setup`), from the repository root:
    /usr/bin/python3 tests/Research.Notebooks.Tests/Jupyter/measure_notebooks.py [REPEATS]

1. Cold start: a fresh .net-csharp kernel started by nbclient until the end of notebook 01's set-up cells (check +
   #r + Kernel.Setup()), median of REPEATS (default 3) runs.
2. Each notebook in quick mode through Jupyter (nbclient, kernel start included) and through the runner
   (`research notebooks run NOTEBOOK --quick`, one process per notebook, process start included).
"""
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import execute_notebooks  # noqa: E402

RESEARCH = ['dotnet', 'src/Research.Cli/bin/Release/net10.0/research.dll']


def cold_start():
    path = 'notebooks/01-datasets-and-datasheets.ipynb'
    nb = nbformat.read(path, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == 'code']
    nb.cells = nb.cells[:code[1] + 1]
    client = NotebookClient(nb, kernel_name='.net-csharp', timeout=600,
                            resources={'metadata': {'path': os.path.abspath('notebooks')}})
    started = time.monotonic()
    client.execute()
    return time.monotonic() - started


def runner(path, out):
    started = time.monotonic()
    result = subprocess.run(RESEARCH + ['notebooks', 'run', path, '--quick', '--out', out, '--quiet'],
                            capture_output=True, text=True)
    return time.monotonic() - started, result.returncode


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    colds = [cold_start() for _ in range(repeats)]
    print(f'Cold start to the end of 01\'s set-up cells: median {statistics.median(colds):.1f} s '
          f'({", ".join(f"{c:.1f}" for c in colds)})\n')
    print('| notebook | Jupyter (nbclient), s | runner, s |\n|---|---:|---:|')
    notebooks = sorted(glob.glob('notebooks/*.ipynb')) + sorted(glob.glob('notebooks/workshop/*.ipynb'))
    totals = [0.0, 0.0]
    with tempfile.TemporaryDirectory() as out:
        os.environ['RESEARCH_NOTEBOOK_WORK'] = os.path.join(out, 'work')
        for path in notebooks:
            jupyter = execute_notebooks.run(path, out)
            seconds, code = runner(path, out)
            ok = jupyter['failed'] is None and not jupyter['errors'] and code == 0
            totals[0] += jupyter['seconds']
            totals[1] += seconds
            print(f"| {jupyter['name']} | {jupyter['seconds']:.1f} | {seconds:.1f}{'' if ok else ' (FAILED)'} |", flush=True)
    print(f'| all | {totals[0]:.1f} | {totals[1]:.1f} |')


if __name__ == '__main__':
    main()
