"""Times torch.nn.functional.conv2d (float64) on inputs saved as .npy, in its own process, so the
benchmark can use any Python that has torch (see bench.py --torch-python) without torch in .venv.

Usage: PYTHON benchmarks/torch_peer.py --threads N --padding P --repeat R X.npy W.npy OUT.npy
X is an image (H×W) or a batch (N×C×H×W), W a kernel (kH×kW) or weights (O×C×kH×kW); a 2-D pair
is run as one image with one channel. Saves the result to OUT.npy and prints the median seconds
of R timed calls after one warm-up call. With --version it prints torch's version and exits."""
import argparse
import statistics
import sys
import time

import numpy as np
import torch


def conv(x, w, padding):
    # from_numpy shares memory, as the in-process peers' arrays do, so only the convolution and
    # the view back to numpy are timed.
    xt, wt = torch.from_numpy(x), torch.from_numpy(w)
    if xt.dim() == 2:
        return torch.nn.functional.conv2d(xt[None, None], wt[None, None], padding=padding)[0, 0].numpy()
    return torch.nn.functional.conv2d(xt, wt, padding=padding).numpy()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="store_true")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--padding", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.version:
        print(torch.__version__)
        return 0
    x_path, w_path, out_path = args.paths
    torch.set_num_threads(args.threads)
    x = np.load(x_path).astype(np.float64)
    w = np.load(w_path).astype(np.float64)
    with torch.inference_mode():
        result = conv(x, w, args.padding)  # warm-up
        samples = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            result = conv(x, w, args.padding)
            samples.append(time.perf_counter() - started)
    np.save(out_path, result)
    print(statistics.median(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
