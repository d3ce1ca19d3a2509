#!/usr/bin/python3
"""Parity fixtures for the clip-text TextEncoder (dfc-model, ai.dfc.model.clip).

An independent PyTorch implementation of the OpenAI CLIP text tower (token + position embedding, pre-LN
transformer blocks with causal self-attention and quick_gelu, final LayerNorm, pooling at the end-of-text
token, projection, L2 normalization) and of CLIP's byte-level BPE tokenizer (OpenAI simple_tokenizer.py
without ftfy), run on a tiny random checkpoint with a tiny BPE vocabulary learned here. It writes, into
dfc-model/src/test/resources/parity/clip-text/ (or --out):

  model.safetensors  Hugging Face CLIPModel naming (text_model.*, text_projection.weight) plus a few dummy
                     vision_model.* / visual_projection.weight / logit_scale tensors and the int64
                     text_model.embeddings.position_ids buffer, which a loader must ignore
  config.json        CLIPTextConfig-like keys
  vocab.json         token -> id (256 byte symbols, the same with </w>, the merges, then the two specials)
  merges.txt         '#version: 0.2' then one merge 'a b' per line, by rank
  phrases.json       the N phrases
  io.npz             input_ids int64 [N, 77], text_embeds float32 [N, P] (before normalization),
                     embeds float32 [N, P] (L2-normalized), embeds_gelu float32 [N, P] (the same weights with
                     hidden_act gelu, exact); all computed in float64 from the float32 weights

and the HTML5 entity table of html.unescape into dfc-model/src/main/resources/ai/dfc/model/clip/html5-entities.txt
(or --entities), which the Java tokenizer's cleaning uses.

Deterministic: fixed seeds, a hand-written safetensors and npz writer with fixed zip timestamps, so rerunning
reproduces the files byte for byte. Run with the Debian interpreter, where PyTorch is installed:

    /usr/bin/python3 tools/parity/clip_text_reference.py

Needs torch, numpy and regex (for \\p{L}); no transformers, safetensors or ftfy. ftfy.fix_text, which OpenAI's
tokenizer applies first, is left out here exactly as in the Java port (see ClipTokenizer's documentation).
"""
import argparse
import collections
import html
import io
import json
import os
import re
import struct
import zipfile

import numpy as np
import regex
import torch
from torch import nn

torch.set_num_threads(2)

CONTEXT = 77
WIDTH = 32
LAYERS = 2
HEADS = 4
PROJECTION = 24
MERGES = 240  # at most: training stops earlier when the corpus is exhausted (218 here)
SOT = "<|startoftext|>"
EOT = "<|endoftext|>"

# function phrases (action names with '-'/'_' -> space, as FunctionName.phrase) and a few sentences: the BPE corpus
CORPUS_PHRASES = [
    "brush with", "cut with", "dig with", "pour with", "scoop with", "stir with", "mix with", "pound with",
    "scrape with", "lift with", "open with", "pry with", "poke with", "spread with", "grind with", "hit with",
    "pick up with", "apply torque with", "roll onto", "hang onto", "sweep with", "wipe with", "hold with",
    "peel with",
]
CORPUS_SENTENCES = [
    "a photo of a knife used to cut bread on the table",
    "the spoon is used to scoop and stir the soup",
    "hold the hammer by its handle and pound the nail into the wood",
    "pour the water from the kettle into the cup",
    "use the wrench to apply torque to the bolt",
    "spread butter with a knife, then wipe the plate",
    "a brush with soft bristles to sweep the floor",
    "open the can and pry the lid with a screwdriver",
    "it's the grip they'll use: we're sure you've seen 2 or 3 of them",
    "über café crème, crème brûlée with a spoon",
    "dig the garden with a shovel, then rake the leaves and peel the apples",
    "hit the ball with the bat; lift the box with both hands",
]
# FunctionName.REFERENCE phrases (dfc-api) that the corpus above does not contain
EXTRA_FUNCTIONS = ["press with", "pierce with", "write with", "pull with", "wedge with", "sift with"]
TRICKY = [
    "Cut With",
    "POUR  WITH the Kettle",
    "it's a knife, isn't it? they'll say we'd've",
    "I'll pour 2 cups & 10 spoons, 3.5 litres",
    "scoop!!! with... (spoon) -- ok?!",
    "salt &amp; pepper &amp;lt;b&amp;gt; &#39;quoted&#39; &copy 2024 &notit; &#x263A;",
    "   pour    with \t\n  care   ",
    "über grip, café crème — naïve",
    "hold\u00a0with\u2003care\x1cnow",
    "İstanbul ΟΔΟΣ ᾳͅ it'ſ <|ſtartoftext|>",
    "日本の包丁 🔪 knife",
    "½ cup of ⅷ",
    "<|startoftext|>cut<|endoftext|> with",
    "x",
    " ".join(["apply torque with the long wrench to loosen the rusty bolt"] * 8),
]


# ---------------------------------------------------------------- tokenizer (OpenAI simple_tokenizer, no ftfy)

def bytes_to_unicode():
    """GPT-2's reversible byte -> printable unicode character map."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


BYTE_ENCODER = bytes_to_unicode()
PATTERN = regex.compile(r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+""",
                        regex.IGNORECASE)


def clean(text):
    """basic_clean without ftfy (html.unescape twice, strip), whitespace_clean, lower()."""
    text = html.unescape(html.unescape(text)).strip()
    text = re.sub(r"\s+", " ", text).strip()  # stdlib re, as whitespace_clean
    return text.lower()


def pieces(text):
    """Cleaned text -> pre-tokenized words, each as its byte-unicode string."""
    return ["".join(BYTE_ENCODER[b] for b in p.encode("utf-8")) for p in PATTERN.findall(clean(text))]


class Tokenizer:
    def __init__(self, vocab, merges):
        self.encoder = vocab
        self.ranks = {m: i for i, m in enumerate(merges)}
        self.cache = {SOT: [SOT], EOT: [EOT]}

    def bpe(self, token):
        if token in self.cache:
            return self.cache[token]
        word = list(token[:-1]) + [token[-1] + "</w>"]
        while len(word) > 1:
            pairs = {(word[i], word[i + 1]) for i in range(len(word) - 1)}
            best = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if best not in self.ranks:
                break
            merged = []
            i = 0
            while i < len(word):
                if i < len(word) - 1 and (word[i], word[i + 1]) == best:
                    merged.append(word[i] + word[i + 1])
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        self.cache[token] = word
        return word

    def encode(self, text):
        return [self.encoder[t] for p in pieces(text) for t in self.bpe(p)]

    def tokenize(self, text):
        """clip.tokenize(text, truncate=True): SOT + ids + EOT, cut to 77 with EOT last, padded with 0."""
        ids = [self.encoder[SOT]] + self.encode(text) + [self.encoder[EOT]]
        if len(ids) > CONTEXT:
            ids = ids[:CONTEXT]
            ids[-1] = self.encoder[EOT]
        return ids + [0] * (CONTEXT - len(ids))


def train_bpe(texts, num_merges):
    """Plain BPE: repeatedly merge the most frequent adjacent pair (ties: smallest pair), skipping pairs whose
    concatenation is already a token so every vocabulary entry is unique."""
    words = collections.Counter()
    for t in texts:
        for p in pieces(t):
            words[tuple(p[:-1]) + (p[-1] + "</w>",)] += 1
    tokens = set(BYTE_ENCODER.values()) | {c + "</w>" for c in BYTE_ENCODER.values()}
    merges = []
    while len(merges) < num_merges:
        pairs = collections.Counter()
        for w, c in words.items():
            for a, b in zip(w, w[1:]):
                pairs[(a, b)] += c
        candidates = [(-c, p) for p, c in pairs.items() if p[0] + p[1] not in tokens]
        if not candidates:
            break
        best = min(candidates)[1]
        merges.append(best)
        tokens.add(best[0] + best[1])
        new_words = collections.Counter()
        for w, c in words.items():
            out, i = [], 0
            while i < len(w):
                if i < len(w) - 1 and (w[i], w[i + 1]) == best:
                    out.append(w[i] + w[i + 1])
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            new_words[tuple(out)] += c
        words = new_words
    return merges


# ---------------------------------------------------------------- model

def quick_gelu(x):
    return x * torch.sigmoid(1.702 * x)


ACTIVATION = {"quick_gelu": quick_gelu, "gelu": lambda x: 0.5 * x * (1 + torch.erf(x / 2 ** 0.5))}


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q_proj = nn.Linear(WIDTH, WIDTH)
        self.k_proj = nn.Linear(WIDTH, WIDTH)
        self.v_proj = nn.Linear(WIDTH, WIDTH)
        self.out_proj = nn.Linear(WIDTH, WIDTH)

    def forward(self, x):
        b, n, w = x.shape
        dh = w // HEADS
        q = self.q_proj(x).view(b, n, HEADS, dh).transpose(1, 2)
        k = self.k_proj(x).view(b, n, HEADS, dh).transpose(1, 2)
        v = self.v_proj(x).view(b, n, HEADS, dh).transpose(1, 2)
        scores = q @ k.transpose(-1, -2) / dh ** 0.5
        causal = torch.ones(n, n, dtype=torch.bool).triu(1)  # j > i is hidden from i
        scores = scores.masked_fill(causal, float("-inf"))
        out = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, n, w)
        return self.out_proj(out)


class Mlp(nn.Module):
    act = "quick_gelu"  # CLIP's; "gelu" (exact, erf) for the second set of expected outputs

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(WIDTH, 4 * WIDTH)
        self.fc2 = nn.Linear(4 * WIDTH, WIDTH)

    def forward(self, x):
        return self.fc2(ACTIVATION[Mlp.act](self.fc1(x)))


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer_norm1 = nn.LayerNorm(WIDTH, eps=1e-5)
        self.self_attn = Attention()
        self.layer_norm2 = nn.LayerNorm(WIDTH, eps=1e-5)
        self.mlp = Mlp()

    def forward(self, x):
        x = x + self.self_attn(self.layer_norm1(x))
        return x + self.mlp(self.layer_norm2(x))


class TextTower(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, WIDTH)
        self.position_embedding = nn.Embedding(CONTEXT, WIDTH)
        self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])
        self.final_layer_norm = nn.LayerNorm(WIDTH, eps=1e-5)
        self.text_projection = nn.Linear(WIDTH, PROJECTION, bias=False)

    def forward(self, ids, eot_id):
        x = self.token_embedding(ids) + self.position_embedding(torch.arange(ids.shape[1]))
        for layer in self.layers:
            x = layer(x)
        x = self.final_layer_norm(x)
        first_eot = (ids == eot_id).int().argmax(dim=-1)
        pooled = x[torch.arange(ids.shape[0]), first_eot]
        return self.text_projection(pooled)

    def state(self):
        """HF CLIPModel names of the text tower's tensors."""
        out = {
            "text_model.embeddings.token_embedding.weight": self.token_embedding.weight,
            "text_model.embeddings.position_embedding.weight": self.position_embedding.weight,
            "text_model.final_layer_norm.weight": self.final_layer_norm.weight,
            "text_model.final_layer_norm.bias": self.final_layer_norm.bias,
            "text_projection.weight": self.text_projection.weight,
        }
        for i, layer in enumerate(self.layers):
            for name, p in layer.named_parameters():
                out[f"text_model.encoder.layers.{i}.{name}"] = p
        return out


def randomize(model, gen):
    """Weights of clearly non-trivial size so that dropping any term (bias, LN affine, mask, position) changes the
    embeddings by far more than the 1e-4 tolerance (checked by ablation: >= 6e-3 each, 0.7 without the mask), except
    the k_proj bias, which softmax cancels exactly in every attention model."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "layer_norm" in name and name.endswith("weight"):
                p.copy_(1 + 0.4 * (torch.rand(p.shape, generator=gen) - 0.5))
            elif name.endswith("bias"):
                p.copy_(0.2 * (torch.rand(p.shape, generator=gen) - 0.5))
            elif "token_embedding" in name:
                p.copy_(0.3 * torch.randn(p.shape, generator=gen))
            elif "position_embedding" in name:
                p.copy_(0.2 * torch.randn(p.shape, generator=gen))
            elif "fc2" in name:
                p.copy_(0.08 * torch.randn(p.shape, generator=gen))
            else:
                p.copy_(0.2 * torch.randn(p.shape, generator=gen))


def self_check(model):
    """The explicit attention against torch's own nn.MultiheadAttention (same weights, causal mask), so the
    reference does not rest on one hand-written implementation alone."""
    attn = model.layers[0].self_attn
    mha = nn.MultiheadAttention(WIDTH, HEADS, batch_first=True).double()
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([attn.q_proj.weight, attn.k_proj.weight, attn.v_proj.weight]))
        mha.in_proj_bias.copy_(torch.cat([attn.q_proj.bias, attn.k_proj.bias, attn.v_proj.bias]))
        mha.out_proj.weight.copy_(attn.out_proj.weight)
        mha.out_proj.bias.copy_(attn.out_proj.bias)
        x = torch.randn(3, 11, WIDTH, dtype=torch.float64, generator=torch.Generator().manual_seed(3))
        causal = torch.ones(11, 11, dtype=torch.bool).triu(1)
        expected = mha(x, x, x, attn_mask=causal, need_weights=False)[0]
        assert torch.allclose(attn(x), expected, atol=1e-12), "explicit attention disagrees with nn.MultiheadAttention"


# ---------------------------------------------------------------- writers

def write_safetensors(path, tensors):
    """safetensors: u64 LE header length, JSON header (space-padded to a multiple of 8), contiguous data."""
    header = {"__metadata__": {"format": "pt"}}
    blobs, offset = [], 0
    for name in sorted(tensors):
        a = np.asarray(tensors[name], order="C")  # keeps 0-d arrays 0-d (logit_scale is a scalar)
        dtype = {np.dtype("<f4"): "F32", np.dtype("<i8"): "I64"}[a.dtype.newbyteorder("<")]
        raw = a.astype(a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode("utf-8")
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def write_npz(path, arrays):
    """np.savez equivalent with fixed timestamps (stored entries), so the bytes are reproducible."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        for name, a in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(a), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            z.writestr(info, buf.getvalue())


def write_entities(path):
    """The HTML5 named character references of html.unescape (Python's html.entities.html5, the WHATWG list) as
    'name<TAB>code points in hex', the table ClipTokenizer's cleaning reads."""
    from html.entities import html5
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("# HTML5 named character references (name, then code points in hex), as Python's html.entities.html5;\n")
        f.write("# generated by tools/parity/clip_text_reference.py; names without ';' are the legacy ones HTML allows\n")
        for name in sorted(html5):
            f.write(name + "\t" + " ".join("%X" % ord(c) for c in html5[name]) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    module = os.path.join(here, "..", "..", "dfc-model", "src")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(module, "test", "resources", "parity", "clip-text"))
    ap.add_argument("--entities", default=os.path.join(module, "main", "resources", "ai", "dfc", "model", "clip",
                                                       "html5-entities.txt"))
    args = ap.parse_args()
    out = os.path.normpath(args.out)
    os.makedirs(out, exist_ok=True)
    os.makedirs(os.path.dirname(args.entities), exist_ok=True)
    write_entities(args.entities)

    merges = train_bpe(CORPUS_PHRASES + CORPUS_SENTENCES, MERGES)
    symbols = list(BYTE_ENCODER.values())
    tokens = symbols + [s + "</w>" for s in symbols] + [a + b for a, b in merges] + [SOT, EOT]
    assert len(set(tokens)) == len(tokens)
    vocab = {t: i for i, t in enumerate(tokens)}
    tok = Tokenizer(vocab, merges)

    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(20240611)
    model = TextTower(len(vocab))
    randomize(model, gen)

    phrases = CORPUS_PHRASES + EXTRA_FUNCTIONS + TRICKY
    ids = torch.tensor([tok.tokenize(p) for p in phrases], dtype=torch.int64)
    self_check(model.double())
    with torch.no_grad():
        text_embeds = model(ids, vocab[EOT])
        Mlp.act = "gelu"
        text_embeds_gelu = model(ids, vocab[EOT])
        Mlp.act = "quick_gelu"
    embeds = text_embeds / text_embeds.norm(dim=-1, keepdim=True)
    embeds_gelu = text_embeds_gelu / text_embeds_gelu.norm(dim=-1, keepdim=True)
    model.float()

    state = {k: v.detach().float().numpy() for k, v in model.state().items()}
    state["text_model.embeddings.position_ids"] = np.arange(CONTEXT, dtype=np.int64)[None, :]
    dummy = torch.Generator().manual_seed(7)
    state["vision_model.embeddings.class_embedding"] = torch.randn(48, generator=dummy).numpy()
    state["vision_model.embeddings.patch_embedding.weight"] = torch.randn(48, 3, 4, 4, generator=dummy).numpy()
    state["vision_model.post_layernorm.weight"] = torch.ones(48).numpy()
    state["visual_projection.weight"] = torch.randn(PROJECTION, 48, generator=dummy).numpy()
    state["logit_scale"] = np.array(np.log(1 / 0.07), dtype=np.float32)
    write_safetensors(os.path.join(out, "model.safetensors"), state)

    config = {
        "architectures": ["CLIPTextModelWithProjection"],
        "model_type": "clip_text_model",
        "vocab_size": len(vocab),
        "hidden_size": WIDTH,
        "intermediate_size": 4 * WIDTH,
        "num_hidden_layers": LAYERS,
        "num_attention_heads": HEADS,
        "max_position_embeddings": CONTEXT,
        "hidden_act": "quick_gelu",
        "layer_norm_eps": 1e-05,
        "projection_dim": PROJECTION,
        "bos_token_id": vocab[SOT],
        "eos_token_id": vocab[EOT],
        "pad_token_id": 0,
    }
    with open(os.path.join(out, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False)
    with open(os.path.join(out, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
        for a, b in merges:
            f.write(f"{a} {b}\n")
    with open(os.path.join(out, "phrases.json"), "w", encoding="utf-8") as f:
        json.dump(phrases, f, ensure_ascii=True, indent=1)  # escapes keep invisible characters visible
        f.write("\n")
    write_npz(os.path.join(out, "io.npz"), {
        "input_ids": ids.numpy().astype(np.int64),
        "text_embeds": text_embeds.numpy().astype(np.float32),
        "embeds": embeds.numpy().astype(np.float32),
        "embeds_gelu": embeds_gelu.numpy().astype(np.float32),
    })
    lengths = (ids == vocab[EOT]).int().argmax(1) + 1
    print(f"{len(phrases)} phrases, vocab {len(vocab)} ({len(merges)} merges), longest {int(lengths.max())} tokens;"
          f" wrote {out}")


if __name__ == "__main__":
    main()
