/**
 * Metrics (label transfer, correspondence discovery), baselines and reports. Never depends on dfc-train.
 */
package ai.dfc.eval;
