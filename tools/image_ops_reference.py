#!/usr/bin/python3
"""Reference fixtures for dfc-geometry's ai.dfc.geometry.image package, produced with the libraries the
reference pipeline uses: Pillow (resize LANCZOS / BICUBIC / NEAREST, crop, ImageOps.expand) and OpenCV
(GaussianBlur, threshold OTSU, dilate / erode / morphologyEx CLOSE), plus NumPy for the SPEC §3.10 point
mapping (np.round, half to even).

Run with the Debian interpreter so the Debian packages are used:
    apt-get install -y python3-pil python3-opencv python3-numpy
    /usr/bin/python3 tools/image_ops_reference.py

Writes small uint8 / int32 .npy files and manifest.txt to
dfc-geometry/src/test/resources/ai/dfc/geometry/image/ (deterministic: fixed seed). ImageOpsParityTest reads
the manifest; each line is one case:
    resize  <input> <filter> <width> <height> <expected>
    blur    <input> <kernel> <sigma> <expected>
    otsu    <input> <threshold> <expected>
    dilate|erode|close <input> <kernel> <iterations> <expected>
    crop    <rgb> <mask> <label> <points> <pad> <output_side> <x0> <y0> <x1> <y1> <rgb_out> <mask_out> <label_out> <points_out>
Images are (rows, cols) uint8 or (rows, cols, 3) uint8 for RGB; points are (M, 2) int32 (row, col).
"""
import os
import sys

import cv2
import numpy as np
import PIL
from PIL import Image, ImageOps

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dfc-geometry", "src", "test", "resources",
                   "ai", "dfc", "geometry", "image")
RNG = np.random.RandomState(20250903)
LINES = []


def save(name, array):
    np.save(os.path.join(OUT, name), np.ascontiguousarray(array), allow_pickle=False)
    return name


def pil(array):
    return Image.fromarray(array, "RGB" if array.ndim == 3 else "L")


def inputs():
    gray_noise = RNG.randint(0, 256, size=(29, 37)).astype(np.uint8)
    # hard edges: Lanczos / bicubic overshoot and clip here
    gray_edges = np.zeros((29, 37), np.uint8)
    gray_edges[3:20, 5:14] = 255
    gray_edges[10:27, 20:33] = 200
    gray_edges[::4, 30:] = 64
    rgb_noise = RNG.randint(0, 256, size=(29, 37, 3)).astype(np.uint8)
    shapes = np.zeros((24, 31), np.uint8)
    shapes[0:5, 0:4] = 255  # touches the top-left corner
    shapes[10:12, 12:20] = 255
    shapes[15, 5] = 255  # isolated pixel
    shapes[20:24, 27:31] = 255  # touches the bottom-right corner
    shapes[5:9, 22:26] = 255
    shapes[6:8, 23:25] = 0  # a hole that closing fills
    # a pseudo-label-like heat map (SPEC §3.9): sparse projected values, floor 64
    heat = np.zeros((40, 44), np.float64)
    rr, cc = RNG.randint(8, 30, size=300), RNG.randint(10, 36, size=300)
    heat[rr, cc] = RNG.uniform(0.2, 1.0, size=300)
    heat = (heat * 255).astype(np.uint8)
    heat[heat < 64] = 64
    tiny = RNG.randint(0, 256, size=(3, 4)).astype(np.uint8)
    gray_small = RNG.randint(0, 256, size=(12, 15)).astype(np.uint8)
    bimodal = np.where(RNG.uniform(size=(30, 30)) < 0.3, RNG.randint(20, 60, size=(30, 30)),
                       RNG.randint(150, 230, size=(30, 30))).astype(np.uint8)
    two_level = np.full((10, 12), 40, np.uint8)
    two_level[:, 7:] = 200
    constant = np.full((6, 7), 99, np.uint8)
    return dict(gray_noise=gray_noise, gray_edges=gray_edges, rgb_noise=rgb_noise, shapes=shapes, heat=heat,
                tiny=tiny, gray_small=gray_small, bimodal=bimodal, two_level=two_level, constant=constant)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".npy") or f == "manifest.txt":
            os.remove(os.path.join(OUT, f))
    images = inputs()
    for name, array in images.items():
        save(name + ".npy", array)

    filters = {"lanczos": Image.LANCZOS, "bicubic": Image.BICUBIC, "nearest": Image.NEAREST}
    sizes = [(16, 11), (45, 35), (37, 13), (80, 20), (7, 5), (23, 17)]
    for fname, f in filters.items():
        for src in ("gray_noise", "gray_edges", "rgb_noise"):
            for w, h in sizes:
                if src != "gray_noise" and (w, h) in ((80, 20), (23, 17)):
                    continue
                out = np.asarray(pil(images[src]).resize((w, h), f))
                name = save(f"resize_{src}_{fname}_{w}x{h}.npy", out)
                LINES.append(f"resize {src}.npy {fname} {w} {h} {name}")

    blurs = [("gray_noise", 3, 0), ("gray_noise", 11, 0), ("gray_noise", 5, 1.3), ("gray_noise", 7, 0),
             ("gray_noise", 9, 0), ("heat", 11, 0), ("heat", 3, 0), ("tiny", 11, 0), ("tiny", 3, 0)]
    for src, k, sigma in blurs:
        out = cv2.GaussianBlur(images[src], (k, k), sigma)
        name = save(f"blur_{src}_k{k}_s{sigma}.npy", out)
        LINES.append(f"blur {src}.npy {k} {sigma} {name}")

    blurred_heat = cv2.GaussianBlur(images["heat"], (11, 11), 0)
    save("heat_blurred.npy", blurred_heat)
    for src, array in [("gray_noise", images["gray_noise"]), ("heat", images["heat"]),
                       ("heat_blurred", blurred_heat), ("bimodal", images["bimodal"]),
                       ("two_level", images["two_level"]), ("constant", images["constant"]),
                       ("gray_edges", images["gray_edges"])]:
        t, out = cv2.threshold(array, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        name = save(f"otsu_{src}.npy", out)
        LINES.append(f"otsu {src}.npy {int(t)} {name}")

    for src in ("shapes", "gray_small"):
        for k in (2, 3, 5):
            kernel = np.ones((k, k), np.uint8)
            for n in (1, 2, 3):
                for op in ("dilate", "erode"):
                    fn = cv2.dilate if op == "dilate" else cv2.erode
                    name = save(f"{op}_{src}_k{k}_n{n}.npy", fn(images[src], kernel, iterations=n))
                    LINES.append(f"{op} {src}.npy {k} {n} {name}")
        for k, n in ((2, 2), (3, 3), (5, 5), (5, 1)):
            out = cv2.morphologyEx(images[src], cv2.MORPH_CLOSE, np.ones((k, k), np.uint8), iterations=n)
            name = save(f"close_{src}_k{k}_n{n}.npy", out)
            LINES.append(f"close {src}.npy {k} {n} {name}")

    crop_case()

    with open(os.path.join(OUT, "manifest.txt"), "w") as fh:
        fh.write(f"# generated by tools/image_ops_reference.py with Pillow {PIL.__version__}, "
                 f"OpenCV {cv2.__version__}, NumPy {np.__version__}\n")
        fh.write("\n".join(LINES) + "\n")
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"{len(LINES)} cases, {total} bytes in {os.path.normpath(OUT)}", file=sys.stderr)


def crop_case():
    """SPEC §3.10 on a small view whose crop box leaves the padded image (and is not square: the centre is
    at .5 and the left edge is negative, so int() truncates the two sides in opposite directions)."""
    pad, side = 60, 48
    rows, cols = 112, 40
    yy, xx = np.mgrid[0:rows, 0:cols]
    rgb = np.stack([(xx * 2) % 256, (yy * 2) % 256, (xx + yy) % 256], axis=-1).astype(np.uint8)
    rgb = np.clip(rgb.astype(np.int32) + RNG.randint(-20, 21, size=rgb.shape), 0, 255).astype(np.uint8)
    mask = np.zeros((rows, cols), np.uint8)
    mask[2:110, 0:6] = 255  # tall thin object on the left border
    mask[60:70, 2:4] = 0  # a notch
    label = np.zeros((rows, cols), np.uint8)
    label[40:90, 0:20] = 255  # partly outside the object: the object mask cuts it
    m = (mask // 255)[..., None]
    composited = (rgb * m + 255 * (1 - m)).astype(np.uint8)
    padded_rgb = ImageOps.expand(Image.fromarray(composited), border=(pad, pad), fill=(255, 255, 255))
    padded_mask = ImageOps.expand(Image.fromarray(mask), border=(pad, pad), fill=0)
    padded_label = ImageOps.expand(Image.fromarray(label), border=(pad, pad), fill=0)
    ys, xs = np.where(np.asarray(padded_mask) == 255)
    x0, x1, y0, y1 = xs.min(), xs.max(), ys.min(), ys.max()
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    h = int(np.floor(1.2 * max(x1 - x0, y1 - y0) / 2))
    box = [int(cx - h), int(cy - h), int(cx + h), int(cy + h)]
    rgb_out = np.asarray(padded_rgb.crop(box).resize((side, side), Image.LANCZOS))
    mask_out = np.asarray(padded_mask.crop(box).resize((side, side), Image.NEAREST))
    label_out = np.asarray(padded_label.crop(box).resize((side, side), Image.NEAREST)) * (mask_out // 255)
    pts = np.stack(np.nonzero(mask), axis=1)
    pts = pts[RNG.choice(len(pts), 40, replace=False)]
    pts = np.concatenate([pts, [[0, 0], [111, 39], [2, 0], [109, 5]]]).astype(np.int32)
    r = side / (box[2] - box[0])
    rows = np.clip(np.round((pts[:, 0] + pad - box[1]) * r), 0, side - 1)
    cols = np.clip(np.round((pts[:, 1] + pad - box[0]) * r), 0, side - 1)
    pts_out = np.stack([rows, cols], axis=1).astype(np.int32)
    names = [save("crop_rgb.npy", rgb), save("crop_mask.npy", mask), save("crop_label.npy", label),
             save("crop_points.npy", pts)]
    outs = [save("crop_rgb_out.npy", rgb_out), save("crop_mask_out.npy", mask_out),
            save("crop_label_out.npy", label_out), save("crop_points_out.npy", pts_out)]
    LINES.append(" ".join(["crop"] + names[:4] + [str(pad), str(side)] + [str(v) for v in box] + outs))


if __name__ == "__main__":
    main()
