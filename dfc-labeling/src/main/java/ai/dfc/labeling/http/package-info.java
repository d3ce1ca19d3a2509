/**
 * The HTTP client layer shared by the remote labeling plugins ({@code cogvlm}, {@code openai-vlm},
 * {@code openai-chat}): an OpenAI-compatible chat-completions transport with bounded concurrency, retries with
 * exponential backoff and jitter ({@link ai.dfc.labeling.http.ChatEndpoint}), a content-keyed disk cache of every
 * answer written atomically ({@link ai.dfc.labeling.http.AnswerCache}), the two combined
 * ({@link ai.dfc.labeling.http.CachedChat}) and request counters for progress lines
 * ({@link ai.dfc.labeling.http.CountsRequests}). Built on {@code java.net.http} and Jackson only.
 */
package ai.dfc.labeling.http;
