/**
 * The pseudo-labeling pipeline of SPEC §3.4–3.10: repeated grounder boxes per labeling view and part, their K-means
 * aggregation and zoom crops, votes on the point cloud, and binary part masks projected into the training views and
 * cropped to 224. Entry point: {@link ai.dfc.labeling.pipeline.LabelingRun}; file layout:
 * {@link ai.dfc.labeling.pipeline.LabelingLayout}.
 */
package ai.dfc.labeling.pipeline;
