"""Times a torch operation in float64 on inputs saved as .npy, in its own process, so the
benchmark can use any Python that has torch (see bench.py --torch-python) without torch in .venv.

Usage: PYTHON benchmarks/torch_peer.py --threads N --repeat R --op conv2d --padding P X.npy W.npy OUT.npy
       PYTHON benchmarks/torch_peer.py --threads N --repeat R --op softmax X.npy OUT.npy
conv2d: torch.nn.functional.conv2d; X is an image (H×W) or a batch (N×C×H×W), W a kernel (kH×kW)
or weights (O×C×kH×kW); a 2-D pair is run as one image with one channel. softmax:
torch.softmax(X, dim=-1). Saves the result to OUT.npy and prints the median seconds of R timed
calls after one warm-up call. With --version it prints torch's version and exits."""
import argparse
import statistics
import sys
import time

import numpy as np
import torch


def conv(x, w, padding):
    # from_numpy shares memory, as the in-process peers' arrays do, so only the operation and
    # the view back to numpy are timed.
    xt, wt = torch.from_numpy(x), torch.from_numpy(w)
    if xt.dim() == 2:
        return torch.nn.functional.conv2d(xt[None, None], wt[None, None], padding=padding)[0, 0].numpy()
    return torch.nn.functional.conv2d(xt, wt, padding=padding).numpy()


def softmax(x):
    return torch.softmax(torch.from_numpy(x), dim=-1).numpy()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="store_true")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--op", choices=("conv2d", "softmax"), default="conv2d")
    parser.add_argument("--padding", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.version:
        print(torch.__version__)
        return 0
    torch.set_num_threads(args.threads)
    if args.op == "conv2d":
        x_path, w_path, out_path = args.paths
        x = np.load(x_path).astype(np.float64)
        w = np.load(w_path).astype(np.float64)
        run = lambda: conv(x, w, args.padding)  # noqa: E731
    else:
        x_path, out_path = args.paths
        x = np.load(x_path).astype(np.float64)
        run = lambda: softmax(x)  # noqa: E731
    with torch.inference_mode():
        result = run()  # warm-up
        samples = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = run()
            samples.append(time.perf_counter() - started)
    np.save(out_path, result)
    print(statistics.median(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
