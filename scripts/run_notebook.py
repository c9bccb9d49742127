"""Executes a notebook through an installed Jupyter kernel with nbclient and prints each code
cell and its text outputs in the terminal. Usage: run_notebook.py NOTEBOOK [--save]

A cell may fail only if it is marked to, the way nbval reads markers (the tag
`raises-exception` or `nbval-raises-exception`, or a `# NBVAL_RAISES_EXCEPTION` comment line);
any other error makes the exit status 1. `receptive run NOTEBOOK` does the same in-process."""
import argparse
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbval.plugin import find_comment_markers, find_metadata_tags


def output_text(output):
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind in ("execute_result", "display_data"):
        return output["data"].get("text/plain", "") + "\n"
    if kind == "error":
        return "\n".join(output["traceback"]) + "\n"
    return ""


def may_fail(cell):
    """Whether nbval's markers allow the cell to end in an error (comments override tags)."""
    options = dict(find_metadata_tags(cell.metadata))
    options.update(dict(find_comment_markers(cell.source)))
    return options.get("check_exception", False)


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
        expected_error = may_fail(cell)
        for output in cell.outputs:
            failed |= output["output_type"] == "error" and not expected_error
            sys.stdout.write(output_text(output))
        print()
    if args.save:
        nbformat.write(notebook, args.notebook)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
