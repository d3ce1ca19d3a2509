#!/usr/bin/python3
"""Regenerates the DINOv2 weight-parity fixtures in dfc-model/src/test/resources/parity/ (see README.md).

    /usr/bin/python3 tools/parity/make_fixtures.py

Deterministic (fixed seeds, fixed zip timestamps): two runs on one machine give byte-identical files. The
expectations are computed in float64 from the float32 weights and stored as float32, so they are the exact
answer rounded once; the script also checks (asserts) its own writer, naming conversions and interpolation.
"""
import copy
import json
import math
import os
import struct
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dinov2_reference as ref  # noqa: E402

OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "dfc-model", "src",
                                    "test", "resources", "parity"))

TINY = {"hidden_size": 48, "num_hidden_layers": 4, "num_attention_heads": 3, "mlp_ratio": 4, "patch_size": 14,
        "image_size": 84, "layer_norm_eps": 1e-6, "use_swiglu_ffn": False, "num_register_tokens": 0}
REG_SWIGLU = {"hidden_size": 48, "num_hidden_layers": 3, "num_attention_heads": 4, "mlp_ratio": 4,
              "patch_size": 14, "image_size": 70, "layer_norm_eps": 1e-6, "use_swiglu_ffn": True,
              "num_register_tokens": 4}

# float32 PyTorch vs the float64 expectations: the largest difference seen, for the report / tolerances
FLOAT32_DEVIATION = {}


# ------------------------------------------------------------------------------------------------ pixels

def uniform_pixels(rng, b, h, w):
    return rng.random((b, 3, h, w), dtype=np.float32)


def image_like_pixels(rng, b, h, w):
    """Smooth gradients, a stripe pattern and a soft disc per channel, light noise, quantized to k/255 like a
    decoded 8-bit image."""
    y = np.linspace(0.0, 1.0, h)[:, None]
    x = np.linspace(0.0, 1.0, w)[None, :]
    out = np.empty((b, 3, h, w))
    for i in range(b):
        cy, cx, r = rng.uniform(0.25, 0.75), rng.uniform(0.25, 0.75), rng.uniform(0.1, 0.3)
        disc = 1.0 / (1.0 + np.exp((np.hypot(y - cy, x - cx) - r) / 0.03))
        for c in range(3):
            gy, gx = rng.uniform(-0.5, 0.5, 2)
            fy, fx = rng.uniform(0.5, 3.0, 2)
            v = 0.5 + gx * (x - 0.5) + gy * (y - 0.5)
            v = v + 0.15 * np.sin(2 * np.pi * (fx * x + fy * y) + rng.uniform(0, 2 * np.pi))
            v = v + rng.uniform(-0.4, 0.4) * disc + rng.normal(0.0, 0.02, (h, w))
            out[i, c] = v
    return (np.round(np.clip(out, 0.0, 1.0) * 255.0) / 255.0).astype(np.float32)


# ----------------------------------------------------------------------------------------- expectations

def expectations(model, pixels, n, label):
    """tokens [B, n, h0*w0, C], pos [h0*w0, C], normed [B, h0*w0, C], all float32, computed in float64."""
    h, w = pixels.shape[-2:]
    exact = copy.deepcopy(model).double()
    with torch.inference_mode():
        tokens, normed = exact.run(torch.from_numpy(pixels).double(), n)
        pos = exact.patch_pos_embed(h, w).detach()
        tokens32, normed32 = model.run(torch.from_numpy(pixels), n)
    interpolated = exact.last_interpolated
    c = model.config["hidden_size"]
    h0, w0 = h // model.patch_size, w // model.patch_size
    assert tokens.shape == (pixels.shape[0], n, h0 * w0, c) and pos.shape == (h0 * w0, c)
    assert normed.shape == (pixels.shape[0], h0 * w0, c)
    # the interpolation is what the NumPy statement of PyTorch's bicubic says it is
    table = exact.pos_embed[0, 1:].detach().numpy()
    if interpolated:
        assert np.abs(ref.interpolate_pos_numpy(table, exact.grid, h0, w0) - pos.numpy()).max() < 1e-12
    else:
        assert np.array_equal(pos.numpy(), table)
    deviation = max((tokens32.double() - tokens).abs().max().item(), (normed32.double() - normed).abs().max().item())
    assert deviation < 1e-3, f"{label}: float32 forward is {deviation} from float64"
    FLOAT32_DEVIATION[label] = deviation
    return tokens.float().numpy(), pos.float().numpy(), normed.float().numpy(), interpolated


def outputs32(model, pixels, n):
    with torch.inference_mode():
        tokens, normed = model.run(torch.from_numpy(pixels), n)
    return tokens, normed


def case_arrays(model, name, pixels, n, expect_interpolated, prefix=""):
    tokens, pos, normed, interpolated = expectations(model, pixels, n, prefix + name)
    assert interpolated == expect_interpolated, f"{name}: interpolated={interpolated}"
    return {f"pixels_{name}": pixels, f"tokens_{name}": tokens, f"pos_{name}": pos, f"normed_{name}": normed}


def numpy_forward(hf, cfg, pixels, n):
    """A second, NumPy-only forward straight from the HF-named weights (separate q/k/v, explicit patch
    reshaping), so the fixtures do not rest on the torch module alone. Returns tokens as in Dinov2.run."""
    erf = np.frompyfunc(math.erf, 1, 1)
    c, heads, p = cfg["hidden_size"], cfg["num_attention_heads"], cfg["patch_size"]
    regs, eps, m = cfg["num_register_tokens"], cfg["layer_norm_eps"], cfg["image_size"] // cfg["patch_size"]
    w = {k: v.astype(np.float64) for k, v in hf.items()}

    def linear(x, name):
        return x @ w[name + ".weight"].T + w[name + ".bias"]

    def layer_norm(x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + eps) * w[name + ".weight"] + w[name + ".bias"]

    b, _, height, width = pixels.shape
    h0, w0 = height // p, width // p
    mean, std = (np.array(v).reshape(3, 1, 1) for v in (ref.IMAGENET_MEAN, ref.IMAGENET_STD))
    x = (pixels.astype(np.float64) - mean) / std
    # [B, 3, h0, 14, w0, 14] -> [B, h0*w0 (row-major), 3*14*14 in the conv weight's (ch, ky, kx) order]
    patches = x[:, :, :h0 * p, :w0 * p].reshape(b, 3, h0, p, w0, p).transpose(0, 2, 4, 1, 3, 5)
    patches = patches.reshape(b, h0 * w0, -1)
    x = patches @ w["embeddings.patch_embeddings.projection.weight"].reshape(c, -1).T
    x = x + w["embeddings.patch_embeddings.projection.bias"]
    table = w["embeddings.position_embeddings"][0]
    pos = table[1:] if (h0 * w0 == m * m and height == width) else ref.interpolate_pos_numpy(table[1:], m, h0, w0)
    cls = np.broadcast_to(w["embeddings.cls_token"][0] + table[:1], (b, 1, c))
    parts = [cls] + ([np.broadcast_to(w["embeddings.register_tokens"], (b, regs, c))] if regs else []) + [x + pos]
    x = np.concatenate(parts, axis=1)
    d = c // heads
    taken = []
    for i in range(cfg["num_hidden_layers"]):
        pre = f"encoder.layer.{i}."
        y = layer_norm(x, pre + "norm1")
        q, k, v = (linear(y, pre + "attention.attention." + t).reshape(b, -1, heads, d).transpose(0, 2, 1, 3)
                   for t in ("query", "key", "value"))
        logits = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d)
        att = np.exp(logits - logits.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        y = (att @ v).transpose(0, 2, 1, 3).reshape(b, -1, c)
        x = x + w[pre + "layer_scale1.lambda1"] * linear(y, pre + "attention.output.dense")
        y = layer_norm(x, pre + "norm2")
        if cfg["use_swiglu_ffn"]:
            x1, x2 = np.split(linear(y, pre + "mlp.weights_in"), 2, axis=-1)
            y = linear(x1 / (1 + np.exp(-x1)) * x2, pre + "mlp.weights_out")
        else:
            y = linear(y, pre + "mlp.fc1")
            y = linear(0.5 * y * (1 + erf(y / math.sqrt(2)).astype(np.float64)), pre + "mlp.fc2")
        x = x + w[pre + "layer_scale2.lambda1"] * y
        if i >= cfg["num_hidden_layers"] - n:
            taken.append(x[:, 1 + regs:])
    return np.stack(taken, axis=1)


def check_against_numpy(hf_path, cfg, io, n):
    hf, _ = read_safetensors(hf_path)
    for key in io:
        if key.startswith("pixels_"):
            want = io["tokens_" + key[len("pixels_"):]]
            got = numpy_forward(hf, ref.full_config(cfg), io[key], n)
            assert np.abs(got - want).max() < 1e-5, f"{key}: NumPy forward differs by {np.abs(got - want).max()}"


# ---------------------------------------------------------------------------------- safetensors, read back

_SIZES = {"F32": 4, "F16": 2, "BF16": 2}


def read_safetensors(path):
    """Strict reader: (tensors as float32 NumPy by name in file order, __metadata__ or None). ValueError on a
    short file, a bad header, offsets that are not contiguous from 0 or do not match the shape, trailing bytes."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError("shorter than the header length")
    n = struct.unpack("<Q", data[:8])[0]
    if 8 + n > len(data):
        raise ValueError("header runs past the end of the file")
    header = json.loads(data[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", None)
    body = data[8 + n:]
    expected_begin, tensors = 0, {}
    for name, spec in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, end = spec["data_offsets"]
        size = int(np.prod(spec["shape"], dtype=np.int64)) * _SIZES[spec["dtype"]]
        if begin != expected_begin or end - begin != size or end > len(body):
            raise ValueError(f"{name}: data_offsets {begin}..{end} (expected {expected_begin}.."
                             f"{expected_begin + size} within {len(body)} bytes)")
        raw = body[begin:end]
        if spec["dtype"] == "F32":
            a = np.frombuffer(raw, "<f4")
        elif spec["dtype"] == "F16":
            a = np.frombuffer(raw, "<f2").astype(np.float32)
        else:
            a = ref.bf16_bits_to_float32(np.frombuffer(raw, "<u2"))
        tensors[name] = a.reshape(spec["shape"]).astype(np.float32)
        expected_begin = end
    if expected_begin != len(body):
        raise ValueError(f"{len(body) - expected_begin} bytes after the last tensor")
    order = sorted(tensors, key=lambda k: header[k]["data_offsets"][0])
    return {k: tensors[k] for k in order}, meta


def save_checked(path, state, dtype):
    """Writes a checkpoint and asserts it reads back to the (rounded) values in the same order."""
    items = list(state.items())
    ref.save_safetensors(path, items, dtype)
    back, meta = read_safetensors(path)
    assert meta == {"format": "pt"} and list(back) == [k for k, _ in items]
    rounded = {k: rounded_to(v, dtype) for k, v in items}
    for k, v in rounded.items():
        assert np.array_equal(back[k], v.numpy()) and back[k].shape == tuple(v.shape), k
    return {k: torch.from_numpy(v) for k, v in back.items()}


def rounded_to(tensor, dtype):
    """The float32 values a checkpoint of this dtype holds (PyTorch's own rounding, to check ours)."""
    if dtype == "F32":
        return tensor.float()
    if dtype == "F16":
        return tensor.half().float()
    mine = torch.from_numpy(ref.bf16_bits_to_float32(ref.float32_to_bf16_bits(tensor.numpy())).copy())
    assert torch.equal(mine, tensor.bfloat16().float()), "BF16 rounding differs from PyTorch's"
    return mine


# ------------------------------------------------------------------------------------------- the fixtures

def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def make_tiny():
    """dinov2-hf/ and dinov2-hub/: one tiny GELU model in both namings, plus F16 / BF16 copies."""
    model = ref.init_realistic(ref.Dinov2(TINY), seed=20250101).eval()
    rng = np.random.default_rng(7)
    px84 = np.concatenate([uniform_pixels(rng, 1, 84, 84), image_like_pixels(rng, 1, 84, 84)])
    cases = [("84x84", px84, False),  # the pretraining grid: no interpolation
             ("112x112", image_like_pixels(rng, 2, 112, 112), True),  # square, upsampled 6 -> 8
             ("56x98", image_like_pixels(rng, 2, 56, 98), True),  # non-square: 4 x 7
             ("60x75", uniform_pixels(rng, 1, 60, 75), True),  # cropped to 56 x 70: 4 x 5
             ("84x90", image_like_pixels(rng, 1, 84, 90), True)]  # 6 x 6 grid but H != W: upstream interpolates

    hf_dir, hub_dir = os.path.join(OUT, "dinov2-hf"), os.path.join(OUT, "dinov2-hub")
    os.makedirs(hf_dir, exist_ok=True)
    os.makedirs(hub_dir, exist_ok=True)

    hf_state = save_checked(os.path.join(hf_dir, "model.safetensors"), ref.to_hf_state_dict(model), "F32")
    write_json(os.path.join(hf_dir, "config.json"), ref.hf_config(model))
    hub_state = save_checked(os.path.join(hub_dir, "model.safetensors"), ref.to_hub_state_dict(model), "F32")

    # both files, loaded into fresh models, compute exactly what the original does
    from_hf = ref.load_hf_state_dict(ref.Dinov2(TINY).eval(), hf_state)
    from_hub = ref.load_hub_state_dict(ref.Dinov2(TINY).eval(), hub_state)
    for name, pixels, _ in cases:
        want = outputs32(model, pixels, 3)
        for other in (from_hf, from_hub):
            got = outputs32(other, pixels, 3)
            assert all(torch.equal(a, b) for a, b in zip(want, got)), f"{name}: reloaded model differs"

    io_hf = {}
    for name, pixels, interp in cases:
        io_hf.update(case_arrays(model, name, pixels, 3, interp))
    # the pretraining grid is used as is; the 84x90 grid has the same size yet is resampled
    table = model.pos_embed[0, 1:].detach().numpy()
    assert np.array_equal(io_hf["pos_84x84"], table)
    assert not np.allclose(io_hf["pos_84x90"], table, atol=1e-3)
    check_against_numpy(os.path.join(hf_dir, "model.safetensors"), TINY, io_hf, 3)
    ref.save_npz(os.path.join(hf_dir, "io.npz"), io_hf)

    io_hub = {k: io_hf[k] for k in ("pixels_56x98", "tokens_56x98", "pos_56x98", "normed_56x98")}
    for dtype, suffix in (("F16", "f16"), ("BF16", "bf16")):
        state = save_checked(os.path.join(hub_dir, f"model-{suffix}.safetensors"), ref.to_hub_state_dict(model),
                             dtype)
        rounded = ref.load_hub_state_dict(ref.Dinov2(TINY).eval(), state)
        tokens, _, _, _ = expectations(rounded, io_hf["pixels_56x98"], 3, f"hub-{suffix}-56x98")
        # the rounding must matter, or the test would not see a loader that skips the conversion
        assert np.abs(tokens - io_hf["tokens_56x98"]).max() > 1e-4
        io_hub[f"tokens_{suffix}_56x98"] = tokens
    ref.save_npz(os.path.join(hub_dir, "io.npz"), io_hub)


def make_reg_swiglu():
    """dinov2-reg-swiglu/: 4 register tokens, SwiGLU FFN, head dim 12, HF naming."""
    model = ref.init_realistic(ref.Dinov2(REG_SWIGLU), seed=20250202).eval()
    rng = np.random.default_rng(8)
    out_dir = os.path.join(OUT, "dinov2-reg-swiglu")
    os.makedirs(out_dir, exist_ok=True)
    state = save_checked(os.path.join(out_dir, "model.safetensors"), ref.to_hf_state_dict(model), "F32")
    write_json(os.path.join(out_dir, "config.json"), ref.hf_config(model))
    reloaded = ref.load_hf_state_dict(ref.Dinov2(REG_SWIGLU).eval(), state)
    assert ref.swiglu_hidden(48, 4) == 128 and state["encoder.layer.0.mlp.weights_in.weight"].shape == (256, 48)

    io = {}
    for name, pixels, interp in (("70x70", image_like_pixels(rng, 2, 70, 70), False),
                                 ("56x84", image_like_pixels(rng, 2, 56, 84), True)):  # 5x5 grid -> 4 x 6
        want, got = outputs32(model, pixels, 2), outputs32(reloaded, pixels, 2)
        assert all(torch.equal(a, b) for a, b in zip(want, got))
        with torch.inference_mode():  # CLS, then the 4 registers, then the patches
            tokens = model.prepare_tokens(torch.from_numpy(pixels))
        assert tokens.shape[1] == 1 + 4 + (pixels.shape[2] // 14) * (pixels.shape[3] // 14)
        assert torch.equal(tokens[0, 1:5], model.register_tokens[0].detach())  # no positional embedding
        io.update(case_arrays(model, name, pixels, 2, interp, prefix="reg-"))
    check_against_numpy(os.path.join(out_dir, "model.safetensors"), REG_SWIGLU, io, 2)
    ref.save_npz(os.path.join(out_dir, "io.npz"), io)


def make_safetensors_cases():
    """safetensors/: every dtype once, a 0-d tensor, metadata last; and broken files for the error paths."""
    out_dir = os.path.join(OUT, "safetensors")
    os.makedirs(out_dir, exist_ok=True)
    base = np.array([[0.5, -2.0, 3.25], [1024.0, -0.0078125, 0.0]], dtype=np.float32)  # exact in F16 and BF16
    # a different arrangement per tensor, so a reader that mixes up offsets cannot pass
    values = {"f32": base, "f16": base[::-1, ::-1].copy(), "bf16": -base, "scalar": np.array(7.5, np.float32)}
    dtypes = {"f32": "F32", "f16": "F16", "bf16": "BF16", "scalar": "F32"}
    meta = {"format": "pt", "source": "dfc tools/parity/make_fixtures.py"}
    path = os.path.join(out_dir, "dtypes.safetensors")
    data = ref.save_safetensors(path, list(values.items()), dtypes, meta, metadata_first=False)
    back, back_meta = read_safetensors(path)
    assert back_meta == meta and list(back) == list(values)
    for k, v in values.items():
        assert np.array_equal(back[k], v) and back[k].shape == v.shape, k
    ref.save_npz(os.path.join(out_dir, "expected.npz"), values)

    with open(os.path.join(out_dir, "truncated.safetensors"), "wb") as f:
        f.write(data[:-10])

    def raw_file(name, entries, body_len):
        header = {k: {"dtype": "F32", "shape": [(e - b) // 4], "data_offsets": [b, e]} for k, b, e in entries}
        text = json.dumps(header, separators=(",", ":")).encode()
        text += b" " * (-len(text) % 8)
        body = np.arange(body_len // 4, dtype="<f4").tobytes()
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(struct.pack("<Q", len(text)) + text + body)

    # a: 0..24, b: 16..64 over a 40-byte body -> b both overlaps a and runs past the end
    raw_file("bad-offsets.safetensors", [("a", 0, 24), ("b", 16, 64)], 40)
    raw_file("bad-offsets-overlap.safetensors", [("a", 0, 24), ("b", 16, 40)], 40)  # inside the file
    raw_file("bad-offsets-beyond.safetensors", [("a", 0, 24), ("b", 24, 64)], 40)  # contiguous, too long
    for name in ("truncated", "bad-offsets", "bad-offsets-overlap", "bad-offsets-beyond"):
        try:
            read_safetensors(os.path.join(out_dir, name + ".safetensors"))
        except ValueError:
            continue
        raise AssertionError(name + ".safetensors was accepted")


def check_vitb_interpolation():
    """The real models' case (M = 37, 224 input -> 16 x 16): the NumPy formula still matches PyTorch."""
    rng = np.random.default_rng(3)
    table = torch.from_numpy(rng.normal(0, 0.5, (37 * 37, 8)))
    grid = table.reshape(1, 37, 37, 8).permute(0, 3, 1, 2)
    out = torch.nn.functional.interpolate(grid, scale_factor=(16.1 / 37, 16.1 / 37), mode="bicubic",
                                          align_corners=False)
    assert out.shape[-2:] == (16, 16)
    got = out[0].permute(1, 2, 0).reshape(256, 8).numpy()
    assert np.abs(ref.interpolate_pos_numpy(table.numpy(), 37, 16, 16) - got).max() < 1e-12


def main():
    torch.set_num_threads(2)
    torch.manual_seed(0)  # nothing here draws from torch's generator, but keep it fixed anyway
    check_vitb_interpolation()
    make_tiny()
    make_reg_swiglu()
    make_safetensors_cases()
    total = 0
    for root, _, files in sorted(os.walk(OUT)):
        for f in sorted(files):
            size = os.path.getsize(os.path.join(root, f))
            total += size
            print(f"{os.path.relpath(os.path.join(root, f), OUT):45s} {size:9d}")
    print(f"{'total':45s} {total:9d}")
    print("float32 PyTorch vs float64 expectations, max |diff|:",
          ", ".join(f"{k} {v:.1e}" for k, v in FLOAT32_DEVIATION.items()))


if __name__ == "__main__":
    main()
