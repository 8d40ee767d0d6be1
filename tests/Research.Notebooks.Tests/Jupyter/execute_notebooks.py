"""Executes notebooks through the Jupyter protocol with the installed .net-csharp kernel (Debian's python3-nbclient).

Usage: /usr/bin/python3 execute_notebooks.py OUT_DIR NOTEBOOK...

Papermill's convention: a cell tagged injected-parameters holding `quick = true;` is inserted after the cell tagged
parameters. Each notebook runs in its own folder (as Jupyter starts kernels there) and is written, executed, to
OUT_DIR/NAME.ipynb even when a cell fails. One JSON line per notebook on stdout: name, seconds, errors (ename:
evalue of every error output), figures (outputs drawing a Plotly figure), images, and the first failing cell.
"""
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

FIGURE = 'class="research-plotly"'
IMAGE = '<img src="data:image/png;base64,'


def inject_quick(nb):
    for index, cell in enumerate(nb.cells):
        if 'parameters' in cell.get('metadata', {}).get('tags', []):
            injected = nbformat.v4.new_code_cell('// Parameters injected by the Jupyter notebook test\nquick = true;')
            injected.metadata['tags'] = ['injected-parameters']
            injected.metadata['polyglot_notebook'] = {'kernelName': 'csharp'}
            nb.cells.insert(index + 1, injected)
            return True
    return False


def html_of(output):
    data = output.get('data', {})
    html = data.get('text/html', '')
    return ''.join(html) if isinstance(html, list) else html


def run(path, out_dir):
    nb = nbformat.read(path, as_version=4)
    injected = inject_quick(nb)
    client = NotebookClient(nb, kernel_name='.net-csharp', timeout=600, startup_timeout=120,
                            resources={'metadata': {'path': os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    failed = None
    try:
        client.execute()
    except CellExecutionError as error:
        failed = str(error).strip().splitlines()[-1][:500]
    except Exception as error:  # a kernel that does not start, a timeout
        failed = f'{type(error).__name__}: {error}'[:500]
    seconds = time.monotonic() - started
    errors, figures, images = [], 0, 0
    for cell in nb.cells:
        for output in cell.get('outputs', []):
            if output.get('output_type') == 'error':
                errors.append(f"{output.get('ename')}: {output.get('evalue')}"[:500])
            html = html_of(output)
            figures += html.count(FIGURE)
            images += html.count(IMAGE)
    name = os.path.splitext(os.path.basename(path))[0]
    nbformat.write(nb, os.path.join(out_dir, name + '.ipynb'))
    return {'name': name, 'seconds': round(seconds, 1), 'injected': injected, 'failed': failed,
            'errors': errors, 'figures': figures, 'images': images}


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for path in sys.argv[2:]:
        print(json.dumps(run(path, out_dir)), flush=True)


if __name__ == '__main__':
    main()
