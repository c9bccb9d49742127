"""The torch side of the learning benchmarks (benchmarks/learning.py), in its own process so that
any Python with torch and numpy can run it (bench.py --torch-python).

Usage: PYTHON benchmarks/torch_learning_peer.py --threads N --repeat R WORKLOAD DIR
WORKLOAD is "conv-backward" (the gradient of sum(conv2d(x, w, padding=1) * r) with respect to x
and w, from DIR/x.npy, w.npy, r.npy) or "cnn-epoch" (one epoch of SGD on the small CNN from the
weights and data in DIR, batch 32, no shuffling). Saves the result to DIR/torch-result.npy and
prints the median seconds of R timed runs after one warm-up run; with --memory-only it runs the
workload once and prints nothing (the caller measures the process's peak memory)."""
import argparse
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def conv_backward(directory):
    x = torch.from_numpy(np.load(f"{directory}/x.npy")).requires_grad_()
    w = torch.from_numpy(np.load(f"{directory}/w.npy")).requires_grad_()
    r = torch.from_numpy(np.load(f"{directory}/r.npy"))

    def run():
        x.grad, w.grad = None, None
        (F.conv2d(x, w, padding=1) * r).sum().backward()
        return np.concatenate([x.grad.numpy().ravel(), w.grad.numpy().ravel()])
    return run


def cnn_epoch(directory):
    start = [torch.from_numpy(np.load(f"{directory}/{name}.npy"))
             for name in ("w1", "b1", "w2", "b2", "w3", "b3")]
    images = torch.from_numpy(np.load(f"{directory}/images.npy"))
    labels = torch.from_numpy(np.load(f"{directory}/labels.npy")).long()

    def run():
        parameters = [p.clone().requires_grad_() for p in start]
        optimizer = torch.optim.SGD(parameters, lr=0.01)
        for first in range(0, images.shape[0], 32):
            x, y = images[first:first + 32], labels[first:first + 32]
            optimizer.zero_grad()
            h = F.max_pool2d(F.relu(F.conv2d(x, parameters[0], parameters[1])), 2)
            h = F.max_pool2d(F.relu(F.conv2d(h, parameters[2], parameters[3])), 2)
            loss = F.cross_entropy(F.linear(h.flatten(1), parameters[4], parameters[5]), y)
            loss.backward()
            optimizer.step()
        return parameters[4].detach().numpy().copy()
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--memory-only", action="store_true")
    parser.add_argument("workload", choices=["conv-backward", "cnn-epoch"])
    parser.add_argument("directory")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    run = (conv_backward if args.workload == "conv-backward" else cnn_epoch)(args.directory)
    result = run()  # warm-up, and the result to compare
    if args.memory_only:
        return 0
    samples = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    np.save(f"{args.directory}/torch-result.npy", result)
    print(statistics.median(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
