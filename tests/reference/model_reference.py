#!/usr/bin/env python3
"""Independent PyTorch definitions of the three models in src/Research.Torch/Models, written from the same
descriptions, to check parameter counts and output shapes (tests/Research.Torch.Tests/Models/ModelTests.cs).

Run: /usr/bin/python3 tests/reference/model_reference.py   (Debian 12 python3-torch 1.13)
Prints one line per model configuration: name, parameter count, output shape for a 1x{C}x64x64 input.
"""
import torch
import torch.nn as nn


def conv_bn_relu(cin, cout, repeats, dropout=0.0, after=()):
    layers = []
    for i in range(1, repeats + 1):
        layers += [nn.Conv2d(cin if i == 1 else cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
        if dropout > 0 and i in after:
            layers.append(nn.Dropout2d(dropout))
    return nn.Sequential(*layers)


class UNet(nn.Module):
    def __init__(self, cin=1, cout=1, base=32, depth=4, block=lambda a, b: conv_bn_relu(a, b, 2)):
        super().__init__()
        self.enc, self.ups, self.dec = nn.ModuleList(), nn.ModuleList(), nn.ModuleList()
        ch = cin
        for level in range(depth):
            f = base << level
            self.enc.append(block(ch, f)); ch = f
        self.bottleneck = block(ch, ch * 2); ch *= 2
        for level in reversed(range(depth)):
            f = base << level
            self.ups.append(nn.ConvTranspose2d(ch, f, 2, stride=2)); self.dec.append(block(2 * f, f)); ch = f
        self.head = nn.Conv2d(ch, cout, 1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        skips = []
        for e in self.enc:
            x = e(x); skips.append(x); x = self.pool(x)
        x = self.bottleneck(x)
        for up, d, s in zip(self.ups, self.dec, reversed(skips)):
            x = d(torch.cat([up(x), s], 1))
        return self.head(x)


def bh2019(cin=1, base=16, dropout=0.1):
    return UNet(cin, 1, base, 3, block=lambda a, b: conv_bn_relu(a, b, 4, dropout, (1, 3)))


def bn_elu_conv(cin, cout, k):
    return nn.Sequential(nn.BatchNorm2d(cin), nn.ELU(), nn.Conv2d(cin, cout, k, padding=k // 2))


class Residual(nn.Module):
    def __init__(self, cin, cout, k):
        super().__init__()
        self.short = nn.Identity() if cin == cout else nn.Conv2d(cin, cout, 1)
        self.body = nn.Sequential(bn_elu_conv(cin, cout, k), bn_elu_conv(cout, cout, k))

    def forward(self, x):
        return self.short(x) + self.body(x)


class CResUnet(nn.Module):
    def __init__(self, cin=3, cout=1):
        super().__init__()
        self.colour = nn.Sequential(nn.Conv2d(cin, 1, 1), nn.BatchNorm2d(1), nn.ELU())
        self.block1 = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ELU(), nn.Conv2d(16, 16, 3, padding=1))
        self.enc = nn.ModuleList([Residual(16, 32, 3), Residual(32, 64, 3)])
        self.bridge = nn.Sequential(Residual(64, 128, 5), Residual(128, 128, 5))
        self.ups = nn.ModuleList([nn.ConvTranspose2d(2 * f, f, 2, stride=2) for f in (64, 32, 16)])
        self.dec = nn.ModuleList([nn.Sequential(bn_elu_conv(2 * f, f, 3), bn_elu_conv(f, f, 3)) for f in (64, 32, 16)])
        self.head = nn.Conv2d(16, cout, 1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        x = self.block1(self.colour(x)); skips = [x]; x = self.pool(x)
        for e in self.enc:
            x = e(x); skips.append(x); x = self.pool(x)
        x = self.bridge(x)
        for up, d, s in zip(self.ups, self.dec, reversed(skips)):
            u = up(x); x = d(torch.cat([u, s], 1)) + u
        return self.head(x)


def count(m):
    return sum(p.numel() for p in m.parameters() if p.requires_grad)


configs = [
    ("unet base32 in1 out1", UNet(1, 1, 32), 1),
    ("unet base16 in1 out3", UNet(1, 3, 16), 1),
    ("bh2019-unet base16 in1", bh2019(1, 16), 1),
    ("bh2019-unet base128 in1", bh2019(1, 128), 1),
    ("c-resunet in3 out1", CResUnet(3, 1), 3),
]
print("torch", torch.__version__)
for name, model, cin in configs:
    model.eval()
    with torch.no_grad():
        shape = tuple(model(torch.zeros(1, cin, 64, 64)).shape)
    print(f"{name}: {count(model)} {shape}")
