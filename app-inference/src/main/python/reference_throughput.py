#!/usr/bin/python3
"""Reference PyTorch implementation of SpurLab's CNN and ResNet, for the throughput benchmark.

Trains the same architecture as SmallCnn / SmallResNet (app-inference, DJL) with Adam, batch size
and epochs given, on the raw bytes that ThroughputBenchmark wrote (N x 3 x S x S uint8, then N
uint8 labels), and prints one line: `train_images_per_s=<x> inference_images_per_s=<y>`.
Uses as many intra-op threads as DJL (all cores) and the same [-1, 1] input scaling.
"""
import argparse
import os
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--classes", type=int, required=True)
    parser.add_argument("--model", choices=["CNN", "RESNET"], required=True)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    torch.set_num_threads(os.cpu_count())
    torch.manual_seed(1)

    raw = np.fromfile(args.data, dtype=np.uint8)
    plane = 3 * args.size * args.size
    pixels = torch.from_numpy(raw[:args.count * plane].reshape(args.count, 3, args.size, args.size).copy())
    labels = torch.from_numpy(raw[args.count * plane:args.count * plane + args.count].astype(np.int64))

    model = small_cnn(args.classes, args.size) if args.model == "CNN" else small_resnet(args.classes)
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
            x = pixels[index].float() / 127.5 - 1
            loss = loss_fn(model(x), labels[index])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            seconds += time.perf_counter() - began
            seen += len(index)
    train_rate = seen / seconds

    model.eval()
    began = time.perf_counter()
    with torch.no_grad():
        for start in range(0, args.count, 256):
            model(pixels[start:start + 256].float() / 127.5 - 1).argmax(1)
    inference_rate = args.count / (time.perf_counter() - began)
    print(f"train_images_per_s={train_rate:.1f} inference_images_per_s={inference_rate:.1f}")


if __name__ == "__main__":
    main()
