/**
 * Geometry for building evaluation ground truth from a functional alignment (SPEC §4.2–4.3): least-squares rigid
 * and similarity alignment of corresponding 3-D point sets ({@link ai.dfc.geometry.align.PointSetAligner}),
 * farthest-point sampling ({@link ai.dfc.geometry.align.FarthestPointSampling}, step 6) and optimal one-to-one
 * assignment on 3-D distances ({@link ai.dfc.geometry.align.LinearAssignmentSolver} with
 * {@link ai.dfc.geometry.align.EuclideanAssignmentCosts}, step 7), sized for the reference's 10,000 × 10,000
 * problems without storing a cost matrix.
 */
package ai.dfc.geometry.align;
