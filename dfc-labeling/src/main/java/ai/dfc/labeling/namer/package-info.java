/**
 * Part-namer plugins: {@code openai-chat} (the reference's few-shot part-listing request to an LLM) and the parsing
 * of its {@code "- Part - description"} lines.
 */
package ai.dfc.labeling.namer;
