#!/usr/bin/python3
"""PyTorch CPU timing of the DINOv2 forward DFC's encoder computes (last 3 blocks, no final norm), for
comparison with the Java port. Random weights (same init as the fixtures); 224x224 input on a 518-pretrained
grid (M = 37), so the positional embedding is interpolated as with the real checkpoints.

    /usr/bin/python3 tools/parity/bench_torch.py [--models vits14,vitb14] [--batch 1 8] [--threads 2] [--seconds 10]

Prints one JSON object per line, e.g.
    {"engine": "pytorch", "model": "vitb14", "batch": 8, "images_per_second": 3.21, "threads": 2, "torch": "1.13.1"}
Exit code 3 with a one-line message on stderr when torch cannot be imported.
"""
import argparse
import json
import os
import sys
import time

MODELS = {
    "vits14": {"hidden_size": 384, "num_hidden_layers": 12, "num_attention_heads": 6},
    "vitb14": {"hidden_size": 768, "num_hidden_layers": 12, "num_attention_heads": 12},
}
COMMON = {"mlp_ratio": 4, "patch_size": 14, "image_size": 518, "layer_norm_eps": 1e-6}
LAYERS = 3  # what the encoder takes: the outputs of the last 3 blocks


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--models", default="vits14,vitb14", help="comma-separated: " + ",".join(MODELS))
    p.add_argument("--batch", type=int, nargs="+", default=[1, 8])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=10.0, help="minimum timed seconds per case")
    p.add_argument("--size", type=int, default=224, help="input height and width in pixels")
    args = p.parse_args(argv)
    args.models = [m for m in args.models.split(",") if m]
    unknown = [m for m in args.models if m not in MODELS]
    if unknown:
        p.error(f"unknown model(s) {unknown}; known: {sorted(MODELS)}")
    return args


def time_case(torch, model, batch, size, seconds):
    pixels = torch.rand(batch, 3, size, size, generator=torch.Generator().manual_seed(batch))
    with torch.inference_mode():
        model.get_intermediate_layers(pixels, LAYERS)  # warm-up: allocator, thread pool, caches
        runs, start = 0, time.perf_counter()
        while True:
            out = model.get_intermediate_layers(pixels, LAYERS)
            runs += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
    grid = size // 14
    assert tuple(out.shape) == (batch, LAYERS, grid * grid, model.config["hidden_size"])
    return batch * runs / elapsed


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        import torch
    except Exception as e:  # ImportError, or a broken install failing while loading its libraries
        print(f"PyTorch not available: {type(e).__name__}: {e}".replace("\n", " "), file=sys.stderr)
        return 3
    torch.set_num_threads(args.threads)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import dinov2_reference as ref

    for name in args.models:
        model = ref.init_realistic(ref.Dinov2({**COMMON, **MODELS[name]}), seed=1).eval()
        for batch in args.batch:
            ips = time_case(torch, model, batch, args.size, args.seconds)
            print(json.dumps({"engine": "pytorch", "model": name, "batch": batch,
                              "images_per_second": round(ips, 3), "threads": torch.get_num_threads(),
                              "torch": torch.__version__}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
