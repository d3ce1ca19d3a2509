package ai.dfc.labeling.http;

/**
 * Implemented by the remote plugins ({@code cogvlm}, {@code openai-vlm}, {@code openai-chat}) so that a labeling
 * run can print progress ({@code requests/s}, cache hits, failures) without knowing which plugin it drives:
 * {@code if (grounder instanceof CountsRequests c) log(c.requestCounts())}.
 */
public interface CountsRequests {

    /** The counts since the instance was created; safe to call from any thread at any time. */
    RequestCounts requestCounts();
}
