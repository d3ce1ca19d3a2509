/**
 * DFC's public API: the SPI interfaces a plugin implements and the immutable value types the pipeline
 * passes between stages. A third-party plugin compiles against this module alone.
 *
 * <p>Conventions used by every type here (see the README):
 * <ul>
 *   <li>2-D points on disk and in value types are {@code (row, col)}; query coordinates handed to models
 *       are {@code (x = col, y = row)}. Pixel centres lie on integer coordinates.</li>
 *   <li>Boxes are {@code [x0, y0, x1, y1]} in pixels of the image they refer to, inclusive.</li>
 *   <li>Camera extrinsics map world points to OpenCV camera coordinates (x right, y down, z forward);
 *       {@code u = fx·X/Z + cx}, {@code v = fy·Y/Z + cy}.</li>
 *   <li>Tensors are ND4J {@code INDArray}s of dtype FLOAT (float32) unless a method says otherwise.</li>
 * </ul>
 */
package ai.dfc.api;
