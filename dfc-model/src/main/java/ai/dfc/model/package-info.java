/**
 * Encoder and TextEncoder plugins, weight loading (safetensors, npy), the frozen-feature cache and the trainable head.
 */
package ai.dfc.model;
