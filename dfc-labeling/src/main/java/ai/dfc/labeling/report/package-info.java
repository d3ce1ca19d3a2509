/**
 * Quality of pseudo labels on datasets with true parts (the procedural world): IoU of the 224 pseudo labels against
 * the true part masks, a JSON summary per category and part, and pictures of each step.
 */
package ai.dfc.labeling.report;
