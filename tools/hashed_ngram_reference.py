#!/usr/bin/env python3
"""Independent reference for the hashed-ngram text encoder (dfc-model): prints the non-zero entries of an
embedding, the golden values HashedNgramTextEncoderTest compares against. Usage: hashed_ngram_reference.py "cut with"
"""
import math
import sys

M = (1 << 64) - 1


def fnv_splitmix(s, seed=0):
    x = (0xcbf29ce484222325 ^ seed) & M
    for b in s.encode("utf-8"):
        x ^= b
        x = (x * 0x100000001b3) & M
    x = ((x ^ (x >> 30)) * 0xbf58476d1ce4e5b9) & M
    x = ((x ^ (x >> 27)) * 0x94d049bb133111eb) & M
    return x ^ (x >> 31)


def embed(phrase, dim=512, min_n=3, max_n=5, seed=0):
    padded = "<" + " ".join(phrase.strip().lower().split()) + ">"
    v = [0.0] * dim
    for n in range(min_n, max_n + 1):
        for i in range(len(padded) - n + 1):
            h = fnv_splitmix(padded[i:i + n], seed)
            v[h % dim] += 1 if ((h >> 32) & 1) == 0 else -1
    norm = math.sqrt(sum(a * a for a in v))
    return [a / norm for a in v]


if __name__ == "__main__":
    vec = embed(sys.argv[1] if len(sys.argv) > 1 else "cut with")
    print([(i, a) for i, a in enumerate(vec) if a != 0])
