/**
 * A deterministic pure-Java software rasterizer for triangle meshes: planar depth, object mask, part-id map,
 * triangle-index map, per-pixel normals and a flat-shaded RGB image per camera, many cameras in parallel.
 *
 * <p>Entry point: {@link ai.dfc.geometry.raster.Rasterizer}; configuration in
 * {@link ai.dfc.geometry.raster.RenderOptions}; results in {@link ai.dfc.geometry.raster.RenderedView}. Cameras are
 * the api's {@link ai.dfc.api.geometry.Camera} (world → OpenCV camera, pixel centres on integer coordinates, SPEC §0).
 */
package ai.dfc.geometry.raster;
