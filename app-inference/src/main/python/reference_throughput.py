#!/usr/bin/python3
"""Reference PyTorch implementation of SpurLab's CNN and ResNet, for the throughput benchmark.

Trains the same architecture as SmallCnn / SmallResNet (app-inference, DJL) with Adam, batch size
and epochs given, on the raw bytes that ThroughputBenchmark wrote (N x S x S x 3 uint8, RGB
interleaved, then N uint8 labels), then predicts them in inference mode (a warm-up pass, then a timed
one), and prints one line:
`train_images_per_s=<x> inference_images_per_s=<y>`.

Same threads as SpurLab (--threads intra-op, one inter-op thread), the same [-1, 1] input scaling
done per batch inside the timed loop, the same inference batch. --memory-format picks the layout:
`nchw` is PyTorch as usually written; `channels-last` is what SpurLab feeds its engine.
`--info` prints the versions and build of this PyTorch instead.
"""
import argparse
import os
import re
import time

import numpy as np
import torch
from torch import nn


def small_cnn(classes, size):
    layers = []
    channels_in = 3
    for channels in (16, 32, 64):
        layers += [nn.Conv2d(channels_in, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(),
                   nn.MaxPool2d(2, 2)]
        channels_in = channels
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(64 * (size // 8) ** 2, 64), nn.ReLU(), nn.Linear(64, classes))


class Residual(nn.Module):
    def __init__(self, channels_in, channels, stride):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(channels_in, channels, 3, stride, 1, bias=False), nn.BatchNorm2d(channels),
                                  nn.ReLU(), nn.Conv2d(channels, channels, 3, 1, 1, bias=False), nn.BatchNorm2d(channels))
        self.shortcut = nn.Sequential(nn.Conv2d(channels_in, channels, 1, stride, bias=False), nn.BatchNorm2d(channels))

    def forward(self, x):
        return torch.relu(self.main(x) + self.shortcut(x))


def small_resnet(classes):
    blocks = [nn.Conv2d(3, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU()]
    channels_in = 16
    for stage, channels in enumerate((16, 32, 64, 128)):
        blocks.append(Residual(channels_in, channels, 1 if stage == 0 else 2))
        channels_in = channels
    return nn.Sequential(*blocks, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, classes))


def info():
    config = torch.__config__.show()
    blas = re.search(r"BLAS_INFO=([^,\s]+)", config)
    onednn = re.search(r"MKL-DNN v(\S+)", config)
    print(f"pytorch={torch.__version__} blas={blas.group(1) if blas else 'unknown'} "
          f"onednn={onednn.group(1) if onednn else 'none'} "
          f"parallel={torch.__config__.parallel_info().splitlines()[-1].split(':')[-1].strip()}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--info", action="store_true")
    parser.add_argument("--data")
    parser.add_argument("--count", type=int)
    parser.add_argument("--size", type=int)
    parser.add_argument("--classes", type=int)
    parser.add_argument("--model", choices=["CNN", "RESNET"])
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--infer-batch", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--memory-format", choices=["nchw", "channels-last"], default="nchw")
    args = parser.parse_args()
    if args.info:
        info()
        return
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    layout = torch.channels_last if args.memory_format == "channels-last" else torch.contiguous_format

    raw = np.fromfile(args.data, dtype=np.uint8)
    plane = 3 * args.size * args.size
    interleaved = torch.from_numpy(raw[:args.count * plane].reshape(args.count, args.size, args.size, 3).copy())
    # Laid out once, before timing: (N, 3, S, S) in the chosen memory format.
    pixels = interleaved.permute(0, 3, 1, 2).contiguous(memory_format=layout)
    labels = torch.from_numpy(raw[args.count * plane:args.count * plane + args.count].astype(np.int64))

    model = small_cnn(args.classes, args.size) if args.model == "CNN" else small_resnet(args.classes)
    model = model.to(memory_format=layout)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(1)

    model.train()
    seen = 0
    seconds = 0.0
    for _ in range(args.epochs):
        order = torch.randperm(args.count, generator=generator)
        for start in range(0, args.count, args.batch):
            index = order[start:start + args.batch]
            began = time.perf_counter()
            x = (pixels[index].float() / 127.5 - 1).contiguous(memory_format=layout)
            loss = loss_fn(model(x), labels[index])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            seconds += time.perf_counter() - began
            seen += len(index)
    train_rate = seen / seconds

    model.eval()
    with torch.no_grad():
        # The first pass warms up (kernels for inference mode); the second is timed. SpurLab does the same.
        for _ in range(2):
            began = time.perf_counter()
            for start in range(0, args.count, args.infer_batch):
                x = (pixels[start:start + args.infer_batch].float() / 127.5 - 1).contiguous(memory_format=layout)
                model(x).softmax(1).numpy()
            inference_rate = args.count / (time.perf_counter() - began)
    print(f"train_images_per_s={train_rate:.1f} inference_images_per_s={inference_rate:.1f}")


if __name__ == "__main__":
    main()
