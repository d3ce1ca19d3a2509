/**
 * Reading the weight files users bring: Hugging Face {@code safetensors} ({@link ai.dfc.model.weights.SafetensorsFile},
 * memory-mapped, F32/F16/BF16) and NumPy {@code .npz} archives ({@link ai.dfc.model.weights.NpzTensors}), both
 * behind {@link ai.dfc.model.weights.NamedTensors}, and {@link ai.dfc.model.weights.CheckpointKeys} for loaders
 * that must say exactly which tensor is missing or has the wrong shape.
 */
package ai.dfc.model.weights;
