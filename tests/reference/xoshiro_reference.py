#!/usr/bin/env python3
"""Independent reference for Research.Randomness.SeededRandom (xoshiro256** seeded by SplitMix64).

Prints the first outputs for a few seeds; tests/Research.Tests/Randomness/SeededRandomTests.cs holds them.
Run: /usr/bin/python3 tests/reference/xoshiro_reference.py   (plain Python 3, no packages)
Algorithms: https://prng.di.unimi.it/xoshiro256starstar.c and splitmix64.c (Vigna, public domain).
"""
M = (1 << 64) - 1

def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

def xoshiro(seed):
    s, st = [], seed
    for _ in range(4):
        st, v = splitmix64(st)
        s.append(v)
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result

for seed in (0, 42, 2**64 - 1):
    g = xoshiro(seed)
    print(seed, [hex(next(g)) for _ in range(3)])
