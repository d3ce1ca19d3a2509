/**
 * OpenAI CLIP's text side: the byte-level BPE tokenizer ({@link ai.dfc.model.clip.ClipTokenizer}), the text
 * transformer as a SameDiff graph loaded from Hugging Face safetensors ({@link ai.dfc.model.clip.ClipTextModel}),
 * and the {@code clip-text} TextEncoder plugin ({@link ai.dfc.model.clip.ClipTextEncoder}). Parity with PyTorch
 * is tested on a tiny random checkpoint made by {@code tools/parity/clip_text_reference.py}.
 */
package ai.dfc.model.clip;
