"""Executes a notebook through an installed Jupyter kernel with nbclient and prints each code
cell and its text outputs in the terminal. Usage: run_notebook.py NOTEBOOK [--save]"""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def output_text(output):
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind in ("execute_result", "display_data"):
        return output["data"].get("text/plain", "") + "\n"
    if kind == "error":
        return "\n".join(output["traceback"]) + "\n"
    return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--save", action="store_true", help="write the outputs back into the file")
    args = parser.parse_args()
    notebook = nbformat.read(args.notebook, as_version=4)
    # The kernel starts in the notebook's folder, as in JupyterLab, so relative paths such as
    # data/figure96.pgm resolve wherever the script is run from.
    client = NotebookClient(notebook, timeout=600, allow_errors=True, record_timing=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.notebook))}})
    try:
        client.execute()
    except CellExecutionError as error:
        print(error, file=sys.stderr)
        return 1
    failed = False
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        print(f"\033[1mIn [{cell.execution_count}]:\033[0m " + cell.source.replace("\n", "\n         "))
        expected_error = "raises-exception" in cell.metadata.get("tags", [])
        for output in cell.outputs:
            failed |= output["output_type"] == "error" and not expected_error
            sys.stdout.write(output_text(output))
        print()
    if args.save:
        nbformat.write(notebook, args.notebook)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
