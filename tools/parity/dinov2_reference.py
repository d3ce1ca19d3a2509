#!/usr/bin/python3
"""An independent PyTorch reference of the DINOv2 ViT, written from the published architecture, for the
weight-parity tests of DFC's Java (SameDiff) port. See tools/parity/README.md for the conventions.

The modules use the torch-hub (facebookresearch/dinov2) parameter names, so the hub state dict is the module's
own; the Hugging Face `Dinov2Model` naming is a pure renaming (plus the q/k/v split) in to_hf_state_dict /
from_hf_state_dict. Also here: a safetensors writer (F32, F16, BF16), a deterministic .npz writer, and a NumPy
statement of PyTorch's bicubic resize (the formula the Java port has to reproduce).

Run with the Debian interpreter (/usr/bin/python3); it needs torch and numpy only.
"""
import io
import json
import math
import struct
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)

DEFAULTS = {"mlp_ratio": 4, "patch_size": 14, "layer_norm_eps": 1e-6, "use_swiglu_ffn": False,
            "num_register_tokens": 0}


def full_config(config):
    """The config with defaults filled in, checked for the shapes this reference supports."""
    cfg = dict(DEFAULTS)
    cfg.update(config)
    assert cfg["hidden_size"] % cfg["num_attention_heads"] == 0, "hidden_size must split into heads"
    assert cfg["image_size"] % cfg["patch_size"] == 0, "the positional grid must be whole"
    return cfg


def swiglu_hidden(hidden_size, mlp_ratio):
    """SwiGLU width: 2/3 of the GELU MLP's width (same parameter count), rounded up to a multiple of 8."""
    hidden = int(hidden_size * mlp_ratio)
    return (int(hidden * 2 / 3) + 7) // 8 * 8


# --------------------------------------------------------------------------------------------------- model

class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)  # output rows: all of q, then k, then v (heads contiguous within each)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        d = c // self.heads
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, d).permute(2, 0, 3, 1, 4)  # [3, B, heads, N, d]
        q, k, v = qkv[0], qkv[1], qkv[2]
        weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d), dim=-1)
        return self.proj((weights @ v).transpose(1, 2).reshape(b, n, c))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))  # exact (erf) GELU, not the tanh approximation


class SwiGLU(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.w12 = nn.Linear(dim, 2 * hidden)  # first half of the outputs gates (silu), second half is the value
        self.w3 = nn.Linear(hidden, dim)

    def forward(self, x):
        x1, x2 = self.w12(x).chunk(2, dim=-1)
        return self.w3(F.silu(x1) * x2)


class LayerScale(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.gamma = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * self.gamma


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c, eps = cfg["hidden_size"], cfg["layer_norm_eps"]
        self.norm1 = nn.LayerNorm(c, eps=eps)
        self.attn = Attention(c, cfg["num_attention_heads"])
        self.ls1 = LayerScale(c)
        self.norm2 = nn.LayerNorm(c, eps=eps)
        if cfg["use_swiglu_ffn"]:
            self.mlp = SwiGLU(c, swiglu_hidden(c, cfg["mlp_ratio"]))
        else:
            self.mlp = Mlp(c, int(c * cfg["mlp_ratio"]))
        self.ls2 = LayerScale(c)

    def forward(self, x):
        x = x + self.ls1(self.attn(self.norm1(x)))
        return x + self.ls2(self.mlp(self.norm2(x)))


class PatchEmbed(nn.Module):
    def __init__(self, dim, patch):
        super().__init__()
        # a strided conv drops the bottom rows / right columns that do not fill a whole patch
        self.proj = nn.Conv2d(3, dim, kernel_size=patch, stride=patch)

    def forward(self, x):
        x = self.proj(x)  # [B, C, h0, w0]
        return x.flatten(2).transpose(1, 2)  # [B, h0*w0, C], patches row-major


class Dinov2(nn.Module):
    """DINOv2 ViT taking pixels in [0, 1], shape [B, 3, H, W] (ImageNet normalization is done here)."""

    def __init__(self, config):
        super().__init__()
        cfg = full_config(config)
        self.config = cfg
        c = cfg["hidden_size"]
        self.patch_size = cfg["patch_size"]
        self.grid = cfg["image_size"] // cfg["patch_size"]  # M: the pretraining positional grid is M x M
        self.num_register_tokens = cfg["num_register_tokens"]
        self.cls_token = nn.Parameter(torch.zeros(1, 1, c))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + self.grid * self.grid, c))
        if self.num_register_tokens:
            self.register_tokens = nn.Parameter(torch.zeros(1, self.num_register_tokens, c))
        self.mask_token = nn.Parameter(torch.zeros(1, c))  # masked-image training only; unused at inference
        self.patch_embed = PatchEmbed(c, self.patch_size)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg["num_hidden_layers"]))
        self.norm = nn.LayerNorm(c, eps=cfg["layer_norm_eps"])
        # not persistent: they are constants of the model, not weights in either checkpoint naming
        self.register_buffer("mean", torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1), persistent=False)
        self.register_buffer("std", torch.tensor(IMAGENET_STD).view(1, 3, 1, 1), persistent=False)
        self.last_interpolated = None  # set by interpolate_pos_encoding, so tests can see which path ran

    def patch_pos_embed(self, height, width):
        """The patch part of the positional embedding for an H x W input: [h0*w0, C], row-major."""
        p = self.patch_size
        h0, w0 = height // p, width // p
        m = self.grid
        table = self.pos_embed[0, 1:]
        # Upstream (hub and HF) compare the PIXEL sizes: an 84x90 input has a 6x6 = M x M grid but still
        # interpolates (with scale 6.1/6, which is not the identity).
        if h0 * w0 == m * m and height == width:
            self.last_interpolated = False
            return table
        self.last_interpolated = True
        grid = table.reshape(1, m, m, -1).permute(0, 3, 1, 2)  # [1, C, M, M]
        # The +0.1 makes floor(M * scale) land on h0 despite rounding; PyTorch then maps output to input
        # coordinates with 1/scale_factor = M / (h0 + 0.1), not with M / h0.
        out = F.interpolate(grid, scale_factor=((h0 + 0.1) / m, (w0 + 0.1) / m), mode="bicubic",
                            align_corners=False)
        assert out.shape[-2:] == (h0, w0), f"interpolated grid {tuple(out.shape[-2:])} != {(h0, w0)}"
        return out[0].permute(1, 2, 0).reshape(h0 * w0, -1)

    def prepare_tokens(self, pixels):
        """[B, 1 + R + h0*w0, C]: CLS, the R register tokens, then the patches row-major."""
        b, _, height, width = pixels.shape
        x = self.patch_embed((pixels - self.mean) / self.std)
        x = torch.cat([self.cls_token.expand(b, -1, -1), x], dim=1)
        pos = torch.cat([self.pos_embed[0, :1], self.patch_pos_embed(height, width)], dim=0)
        x = x + pos.unsqueeze(0)
        if self.num_register_tokens:
            # registers go in after the positional embedding, so they carry none
            x = torch.cat([x[:, :1], self.register_tokens.expand(b, -1, -1), x[:, 1:]], dim=1)
        return x

    def run(self, pixels, n):
        """(last n block outputs as [B, n, h0*w0, C] without the final norm, final-normed last block patches)."""
        x = self.prepare_tokens(pixels)
        skip = 1 + self.num_register_tokens
        taken = []
        for i, block in enumerate(self.blocks):
            x = block(x)
            if i >= len(self.blocks) - n:
                taken.append(x[:, skip:])
        return torch.stack(taken, dim=1), self.norm(x)[:, skip:]

    def get_intermediate_layers(self, pixels, n):
        return self.run(pixels, n)[0]


# ---------------------------------------------------------------------------------------- initialization

def init_realistic(model, seed):
    """Random weights that keep activations O(1) with no single term dominating (see README)."""
    rng = np.random.default_rng(seed)

    def normal(shape, std, mean=0.0):
        return torch.from_numpy(rng.normal(mean, std, size=shape).astype(np.float32))

    def uniform(shape, lo, hi):
        return torch.from_numpy(rng.uniform(lo, hi, size=shape).astype(np.float32))

    with torch.no_grad():
        for name, param in model.named_parameters():
            shape = tuple(param.shape)
            leaf = name.rsplit(".", 1)[-1]
            if name in ("cls_token", "pos_embed", "register_tokens", "mask_token"):
                value = normal(shape, 0.5)
            elif leaf == "gamma":
                value = uniform(shape, 0.1, 1.0)  # not 1.0, so a port that drops LayerScale fails
            elif "norm" in name and leaf == "weight":
                value = uniform(shape, 0.8, 1.2)
            elif "norm" in name and leaf == "bias":
                value = uniform(shape, -0.1, 0.1)
            elif leaf == "bias":
                value = normal(shape, 0.1)
            else:
                # weights: std ~ 1/sqrt(fan_in) keeps every layer's output near unit scale; q/k/v a bit
                # larger so that attention is clearly non-uniform (a wrong scale or head split shows)
                fan_in = int(np.prod(shape[1:]))
                gain = 1.4 if "attn.qkv" in name else 1.0
                value = normal(shape, gain / math.sqrt(fan_in))
            param.copy_(value)
    return model


# ------------------------------------------------------------------------------------- state-dict naming

def to_hub_state_dict(model):
    """torch-hub (facebookresearch/dinov2) naming: the module's own parameter names."""
    return {k: v.detach().clone() for k, v in model.named_parameters()}


_HF_BLOCK = {  # hub suffix within blocks.{i} -> HF suffix within encoder.layer.{i} (qkv is handled apart)
    "norm1.weight": "norm1.weight", "norm1.bias": "norm1.bias",
    "attn.proj.weight": "attention.output.dense.weight", "attn.proj.bias": "attention.output.dense.bias",
    "ls1.gamma": "layer_scale1.lambda1",
    "norm2.weight": "norm2.weight", "norm2.bias": "norm2.bias",
    "mlp.fc1.weight": "mlp.fc1.weight", "mlp.fc1.bias": "mlp.fc1.bias",
    "mlp.fc2.weight": "mlp.fc2.weight", "mlp.fc2.bias": "mlp.fc2.bias",
    "mlp.w12.weight": "mlp.weights_in.weight", "mlp.w12.bias": "mlp.weights_in.bias",
    "mlp.w3.weight": "mlp.weights_out.weight", "mlp.w3.bias": "mlp.weights_out.bias",
    "ls2.gamma": "layer_scale2.lambda1",
}
_HF_TOP = {
    "cls_token": "embeddings.cls_token", "mask_token": "embeddings.mask_token",
    "pos_embed": "embeddings.position_embeddings", "register_tokens": "embeddings.register_tokens",
    "patch_embed.proj.weight": "embeddings.patch_embeddings.projection.weight",
    "patch_embed.proj.bias": "embeddings.patch_embeddings.projection.bias",
    "norm.weight": "layernorm.weight", "norm.bias": "layernorm.bias",
}


def hub_to_hf(hub):
    """Renames a hub state dict to HF Dinov2Model names, splitting the fused qkv into query/key/value."""
    hf = {}
    for name, value in hub.items():
        if name in _HF_TOP:
            hf[_HF_TOP[name]] = value
            continue
        _, i, suffix = name.split(".", 2)
        prefix = f"encoder.layer.{i}."
        if suffix.startswith("attn.qkv."):
            kind = suffix.rsplit(".", 1)[1]
            q, k, v = value.chunk(3, dim=0)
            for part, tensor in (("query", q), ("key", k), ("value", v)):
                hf[f"{prefix}attention.attention.{part}.{kind}"] = tensor.clone()
        else:
            hf[prefix + _HF_BLOCK[suffix]] = value
    return hf


def hf_to_hub(hf):
    """The inverse of hub_to_hf (query/key/value concatenated back into qkv, rows q then k then v)."""
    top = {v: k for k, v in _HF_TOP.items()}
    block = {v: k for k, v in _HF_BLOCK.items()}
    hub = {}
    for name, value in hf.items():
        if name in top:
            hub[top[name]] = value
            continue
        assert name.startswith("encoder.layer."), name
        i, suffix = name[len("encoder.layer."):].split(".", 1)
        if suffix.startswith("attention.attention."):
            part, kind = suffix[len("attention.attention."):].split(".")
            if part != "query":
                continue  # handled with its query
            hub[f"blocks.{i}.attn.qkv.{kind}"] = torch.cat(
                [hf[f"encoder.layer.{i}.attention.attention.{p}.{kind}"] for p in ("query", "key", "value")])
        else:
            hub[f"blocks.{i}.{block[suffix]}"] = value
    return hub


def to_hf_state_dict(model):
    """HF `Dinov2Model` naming, in checkpoint order (embeddings, layers, final norm)."""
    return hub_to_hf(to_hub_state_dict(model))


def load_hub_state_dict(model, state):
    model.load_state_dict(state, strict=False)
    expected = set(dict(model.named_parameters()))
    assert set(state) == expected, f"key mismatch: {sorted(set(state) ^ expected)}"
    return model


def load_hf_state_dict(model, state):
    return load_hub_state_dict(model, hf_to_hub(state))


def hf_config(model):
    """The HF-style config.json of the model (values as the real facebook/dinov2-* configs spell them)."""
    cfg = model.config
    registers = cfg["num_register_tokens"]
    out = {
        "architectures": ["Dinov2WithRegistersModel" if registers else "Dinov2Model"],
        # HF files the register models under their own model_type
        "model_type": "dinov2_with_registers" if registers else "dinov2",
        "hidden_size": cfg["hidden_size"],
        "num_hidden_layers": cfg["num_hidden_layers"],
        "num_attention_heads": cfg["num_attention_heads"],
        "mlp_ratio": cfg["mlp_ratio"],
        "patch_size": cfg["patch_size"],
        "image_size": cfg["image_size"],
        "layer_norm_eps": cfg["layer_norm_eps"],
        "layerscale_value": 1.0,  # the init value only; the trained gammas are in the weights
        "use_swiglu_ffn": cfg["use_swiglu_ffn"],
        "num_channels": 3,
        "hidden_act": "gelu",
        "qkv_bias": True,
        "torch_dtype": "float32",
    }
    if registers:
        out["num_register_tokens"] = registers
    return out


# ----------------------------------------------------------------------------------------------- writers

_DTYPES = {"F32": 4, "F16": 2, "BF16": 2}


def float32_to_bf16_bits(a):
    """bfloat16 bits (uint16) of float32 values, round to nearest, ties to even (finite inputs)."""
    bits = np.ascontiguousarray(a, dtype="<f4").view("<u4").astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    return rounded.astype("<u2")


def bf16_bits_to_float32(bits):
    return (np.asarray(bits, dtype=np.uint32) << 16).astype("<u4").view("<f4")


def encode_tensor(array, dtype):
    """Little-endian bytes of a float array stored as dtype (F32, F16 round-to-nearest-even, BF16)."""
    a = np.ascontiguousarray(np.asarray(array, dtype=np.float32))
    if dtype == "F32":
        return a.astype("<f4").tobytes()
    if dtype == "F16":
        with np.errstate(over="raise"):
            return a.astype("<f2").tobytes()
    if dtype == "BF16":
        return float32_to_bf16_bits(a).tobytes()
    raise ValueError(dtype)


def safetensors_bytes(tensors, dtype="F32", metadata=None, metadata_first=True):
    """A safetensors file: u64 LE header length, JSON header padded with spaces to 8 bytes, then the data.

    tensors: list of (name, array) in file order (arrays may be torch tensors or NumPy); dtype: one for all,
    or a dict name -> dtype. The official writer puts __metadata__ first; metadata_first=False puts it last,
    so a reader is tested on both.
    """
    header, chunks, offset = {}, [], 0
    meta = {"format": "pt"} if metadata is None else metadata
    if metadata_first:
        header["__metadata__"] = meta
    for name, value in tensors:
        if isinstance(value, torch.Tensor):
            value = value.detach().cpu().numpy()
        kind = dtype[name] if isinstance(dtype, dict) else dtype
        data = encode_tensor(value, kind)
        assert len(data) == int(np.prod(value.shape, dtype=np.int64)) * _DTYPES[kind]
        header[name] = {"dtype": kind, "shape": list(value.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    if not metadata_first:
        header["__metadata__"] = meta
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def save_safetensors(path, tensors, dtype="F32", metadata=None, metadata_first=True):
    data = safetensors_bytes(tensors, dtype, metadata, metadata_first)
    with open(path, "wb") as f:
        f.write(data)
    return data


def save_npz(path, arrays):
    """Like np.savez_compressed, but byte-identical across runs (fixed entry timestamps and order)."""
    with zipfile.ZipFile(path, "w") as z:
        for key, value in arrays.items():
            buf = io.BytesIO()
            value = np.asarray(value)
            # np.ascontiguousarray would turn a 0-d array into shape (1,)
            value = value if value.flags.c_contiguous else value.copy(order="C")
            np.lib.format.write_array(buf, value, allow_pickle=False)
            info = zipfile.ZipInfo(key + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, buf.getvalue(), compresslevel=9)


# ------------------------------------------------------------------------------------- bicubic, spelled out

def cubic_weights(t, a=-0.75):
    """PyTorch's (Keys) cubic convolution weights, A = -0.75, for taps at offsets -1, 0, 1, 2 from floor."""
    def near(x):  # |x| <= 1
        return ((a + 2) * x - (a + 3)) * x * x + 1

    def far(x):  # 1 < |x| < 2
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a
    return np.stack([far(t + 1), near(t), near(1 - t), far(2 - t)], axis=-1)


def bicubic_axis_matrix(size_in, size_out, scale_factor):
    """[size_out, size_in] matrix of F.interpolate(bicubic, align_corners=False, scale_factor=s) on one axis:
    src = (dst + 0.5) / s - 0.5 (no clamping of src), taps floor(src) - 1 .. floor(src) + 2 clamped to the
    edge, weights cubic_weights(src - floor(src)). The 2-D resize is this applied to rows and to columns."""
    dst = np.arange(size_out, dtype=np.float64)
    src = (dst + 0.5) * (1.0 / scale_factor) - 0.5
    base = np.floor(src)
    weights = cubic_weights(src - base)
    m = np.zeros((size_out, size_in))
    for k in range(4):
        idx = np.clip(base.astype(np.int64) - 1 + k, 0, size_in - 1)
        np.add.at(m, (np.arange(size_out), idx), weights[:, k])
    return m


def interpolate_pos_numpy(table, grid, h0, w0):
    """NumPy statement of Dinov2.patch_pos_embed's interpolation: table [M*M, C] -> [h0*w0, C]."""
    t = np.asarray(table, dtype=np.float64).reshape(grid, grid, -1)
    rows = bicubic_axis_matrix(grid, h0, (h0 + 0.1) / grid)
    cols = bicubic_axis_matrix(grid, w0, (w0 + 0.1) / grid)
    return np.einsum("ai,bj,ijc->abc", rows, cols, t).reshape(h0 * w0, -1)
