/**
 * Cameras and rigid transforms, point clouds and k-d trees, the software rasterizer, image operations (resize, blur, Otsu, morphology, the 224 crop) and assignment solvers. Pure CPU Java; depends on dfc-api only.
 */
package ai.dfc.geometry;
