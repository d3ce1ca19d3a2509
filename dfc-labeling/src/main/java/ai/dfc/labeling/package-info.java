/**
 * Pseudo-labeling: PartNamer, Grounder and EdgeEstimator plugins, HTTP clients, 3-D voting and 2-D functional-part masks.
 */
package ai.dfc.labeling;
