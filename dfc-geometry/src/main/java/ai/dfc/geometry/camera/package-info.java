/**
 * Cameras as the reference builds them (SPEC §2.3): Blender-style look-at cameras converted to the api's
 * world → OpenCV-camera {@link ai.dfc.api.geometry.Camera}, the fixed 19-view rig, the seeded 30-view evaluation
 * rig, the random object pose with the glTF → Blender axis change, and pixel back-projection.
 *
 * <p>All classes are stateless utilities or immutable; every method is thread-safe. Matrices are row-major
 * {@code double[]}; lengths are in scene units (the normalized asset spans at most {@code [−0.5, 0.5]³}), angles in
 * degrees where a name says so.
 */
package ai.dfc.geometry.camera;
