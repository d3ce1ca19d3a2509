/**
 * Surface point clouds and their visibility in rendered views: area-weighted mesh sampling (SPEC §2.2), a 3-D
 * k-d tree, and the greedy pixel ↔ point assignment of SPEC §2.5 that later stages (SPEC §3.8, §4.3) read
 * as {@code vis_pt_idx} / {@code proj_2D_loc}.
 *
 * <p>Conventions (SPEC §0): 2-D locations are reported as {@code (row, col)} = {@code (y, x)}; camera
 * coordinates are OpenCV (x right, y down, z forward); pixel centres lie on integer coordinates.
 */
package ai.dfc.geometry.points;
