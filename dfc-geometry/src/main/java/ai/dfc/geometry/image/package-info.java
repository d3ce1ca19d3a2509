/**
 * 8-bit image operations that reproduce the reference's PIL / OpenCV steps exactly: {@link
 * ai.dfc.geometry.image.GrayImage} (single-channel {@code uint8}), {@link ai.dfc.geometry.image.Resize} (PIL
 * LANCZOS, BICUBIC, NEAREST), {@link ai.dfc.geometry.image.GaussianBlur}, {@link
 * ai.dfc.geometry.image.OtsuThreshold} and {@link ai.dfc.geometry.image.Morphology} (OpenCV on {@code uint8}), and
 * the 224 crop of a view, {@link ai.dfc.geometry.image.SquareCrop} (SPEC §3.9–3.10).
 *
 * <p>Pixel {@code (row, col)} is {@code (y, x)}; boxes are {@code [x0, y0, x1, y1]}. Parity with the libraries is
 * tested against fixtures from {@code tools/image_ops_reference.py}. All types are immutable or stateless.
 */
package ai.dfc.geometry.image;
