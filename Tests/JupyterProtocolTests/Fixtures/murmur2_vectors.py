"""Writes murmur2-vectors.json: MurmurHash2 of cell-like strings computed by the hash function
inside the installed JupyterLab's own bundle (the one its debugger names cells with), run
under node. Each vector is also checked against ipykernel's murmur2_x86, the kernel side of
the same convention.

Run from the repository: .venv/bin/python Tests/JupyterProtocolTests/Fixtures/murmur2_vectors.py
"""
import glob
import json
import pathlib
import re
import subprocess
import sys

import jupyterlab
from ipykernel.compiler import murmur2_x86

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = [0, 1, 0x52454350, 0xC70F6907, 0xFFFFFFFF]
TEXTS = [
    "", "a", "ab", "abc", "abcd", "abcde", "1 + 1",
    "x = arange(6)\ny = x * 2\ny",
    "fn f(x) {\n    return x + 1\n}\nf(2)",
    "café × 2 — 🙂",
    "tensor 3×4\n[[ 0.  1.  0. -1.]]",
    "\n\n  leading blank lines\n",
    "\t",
    "é" * 7,
    "x" * 1000,
]


def jupyterlab_hash_source() -> tuple[str, str]:
    """The bundle's hash function with its two free variables bound, and the bundle's name."""
    static = pathlib.Path(sys.prefix) / "share" / "jupyter" / "lab" / "static"
    for bundle in sorted(glob.glob(str(static / "*.js"))):
        text = pathlib.Path(bundle).read_text(encoding="utf-8")
        found = re.search(r"let (\w+)=0x5bd1e995,(\w+)=new TextEncoder;function (\w+)\(", text)
        if not found:
            continue
        start = found.start(3) - len("function ")
        depth, index = 0, text.index("{", start)
        while True:
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            index += 1
            if depth == 0:
                break
        constant, encoder, name = found.groups()
        source = (f"const {constant}=0x5bd1e995,{encoder}=new TextEncoder;{text[start:index]}\n"
                  f"const hash={name};")
        return source, pathlib.Path(bundle).name
    raise SystemExit(f"no MurmurHash2 with TextEncoder in {static}: has JupyterLab changed its debugger?")


def main() -> None:
    source, bundle = jupyterlab_hash_source()
    cases = [{"text": text, "seed": seed} for text in TEXTS for seed in SEEDS]
    script = source + "\nconst cases=JSON.parse(require('fs').readFileSync(0,'utf8'));\n" \
        "process.stdout.write(JSON.stringify(cases.map(c=>hash(c.text,c.seed))));"
    node = subprocess.run(["node", "-e", script], input=json.dumps(cases), capture_output=True, text=True, check=True)
    hashes = json.loads(node.stdout)
    for case, value in zip(cases, hashes):
        assert value == murmur2_x86(case["text"], case["seed"]), (case, value)
        case["hash"] = value
    node_version = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    document = {
        "generator": "Tests/JupyterProtocolTests/Fixtures/murmur2_vectors.py",
        "tool": f"JupyterLab {jupyterlab.__version__} ({bundle}) under node {node_version}; "
                "every vector equals ipykernel's murmur2_x86",
        "vectors": cases,
    }
    # One vector per line, so a change of the hash shows as a readable diff.
    head = json.dumps({key: value for key, value in document.items() if key != "vectors"}, ensure_ascii=False)
    lines = ",\n".join("  " + json.dumps(case, ensure_ascii=False) for case in cases)
    (HERE / "murmur2-vectors.json").write_text(head[:-1] + ', "vectors": [\n' + lines + "\n]}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
