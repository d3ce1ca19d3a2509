#!/usr/bin/env python3
"""Writes the .npy/.npz fixtures of dfc-geometry's NumPy reader tests with real NumPy, and checks files DFC wrote.

    python3 tools/numpy_fixtures.py                 # (re)generate the fixtures
    python3 tools/numpy_fixtures.py --check F.npz   # load a DFC-written archive with allow_pickle and print it
"""
import os
import pickle
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "dfc-geometry", "src", "test", "resources", "ai", "dfc",
                   "geometry", "numpy")


def generate():
    os.makedirs(OUT, exist_ok=True)
    p = lambda name: os.path.join(OUT, name)
    np.save(p("f32_2x3.npy"), np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
    np.save(p("i64_fortran.npy"), np.asfortranarray(np.arange(12, dtype=np.int64).reshape(2, 3, 2) - 5))
    np.save(p("f8_big_endian.npy"), np.array([1.5, -2.25, 1e300], dtype=">f8"))
    np.save(p("u8.npy"), np.array([0, 7, 255], dtype=np.uint8))
    np.save(p("bool.npy"), np.array([True, False, True]))
    np.save(p("i32_empty.npy"), np.zeros((0, 2), dtype=np.int32))
    # float16 rounding: inputs and NumPy's half-precision results (as raw bits)
    rng = np.random.default_rng(7)
    special = np.array([0.0, -0.0, 1.0, 65504.0, 65520.0, 65519.99, 1e-8, 6e-8, 5.96e-8, 2.98e-8, 2.9802322e-8,
                        6.1035156e-5, 6.1e-5, np.inf, -np.inf, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 2049.0, 2051.0],
                       dtype=np.float32)
    inputs = np.concatenate([special, rng.normal(0, 100, 2000).astype(np.float32),
                             (rng.normal(0, 1e-5, 500)).astype(np.float32)])
    np.save(p("half_inputs.npy"), inputs)
    with np.errstate(over="ignore"):
        np.save(p("half_bits.npy"), inputs.astype(np.float16).view(np.uint16))
    # the reference's visibility layout: keys "0", "1", each a pickled dict of two int64 arrays
    vis = {str(v): {"vis_pt_idx": np.array([5, 3, 9][: 3 - v], dtype=np.int64),
                    "proj_2D_loc": np.array([[1, 2], [3, 4], [5, 6]][: 3 - v], dtype=np.int64)} for v in range(2)}
    np.savez(p("visible_pt_dict.npz"), **vis)
    # the same dict pickled with protocol 2 (bytes via _codecs.encode), as older tools write
    arr = np.empty((), dtype=object)
    arr[()] = vis["0"]
    with open(p("dict_protocol2.npy"), "wb") as f:
        np.lib.format.write_array_header_1_0(f, {"descr": "|O", "fortran_order": False, "shape": ()})
        pickle.dump(arr, f, protocol=2)


def check(path):
    data = np.load(path, allow_pickle=True)
    for k in data.files:
        v = data[k]
        if v.dtype == object:
            v = v.flatten()[0]
            print(k, {kk: (vv.dtype.str, vv.shape, vv.tolist()) for kk, vv in v.items()})
        else:
            print(k, v.dtype.str, v.shape, v.tolist())


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        check(sys.argv[2])
    else:
        generate()
