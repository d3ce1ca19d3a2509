/**
 * Loss plugins, samplers, augmentation and the training loop. Never depends on dfc-eval.
 */
package ai.dfc.train;
