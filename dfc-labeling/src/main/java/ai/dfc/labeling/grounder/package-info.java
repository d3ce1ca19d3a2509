/**
 * Grounder plugins: {@code cogvlm} (the reference's CogVLM grounding server protocol) and {@code openai-vlm}
 * (any VLM behind an OpenAI-compatible endpoint answering JSON boxes), with their prompt building, image
 * preparation ({@link ai.dfc.labeling.grounder.SentImage}) and answer parsers. Every box leaves this package in
 * pixels of the query image.
 */
package ai.dfc.labeling.grounder;
