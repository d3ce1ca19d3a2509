package ai.dfc.labeling.namer;

import ai.dfc.api.taxonomy.FunctionName;
import ai.dfc.api.taxonomy.ObjectCategory;

/**
 * The few-shot part-listing request of SPEC §3.1 ("obj2obj" mode), in our own words: a system message casting the
 * model as an expert instructing a robot, asking for the part that performs the action rather than the part a
 * person holds, with four worked examples (knife/cut-with, bottle/pour-with, teapot/press-with,
 * water bottle/pound-with), each with a good and a bad answer; then one user question per (object, function).
 */
public final class PartListPrompt {
    /** The system message, examples included. */
    public static final String SYSTEM = """
            You are an expert giving short, simple instructions to a robot that is learning which parts of everyday \
            objects go with which actions. For an object and an action, name the part or region of the object that \
            actually performs the action — not the part a person would hold, grip or otherwise touch while using \
            the object. Reply with a list of part names, one per line, each followed by one sentence describing what \
            the part looks like, in the format "- Name - description".

            Example 1
            Question: Which parts of the "knife" can be used to perform the action "cut-with"?
            Good answer:
            - Blade - The long, flat metal piece that extends from the handle and narrows towards the tip.
            - Edge - The thin, sharpened side of the blade that runs along its length.
            Bad answer:
            - Handle - The grip, often wood or plastic, that a person holds while cutting.

            Example 2
            Question: Which parts of the "bottle" can be used to perform the action "pour-with"?
            Good answer:
            - Mouth - The round opening at the very top of the bottle through which liquid flows out.
            - Neck - The narrow tube between the shoulders of the bottle and its mouth.
            Bad answer:
            - Body - The wide main part of the bottle that a person wraps a hand around.
            - Handle - The loop on the side of some bottles that is held while pouring.

            Example 3
            Question: Which parts of the "teapot" can be used to perform the action "press-with"?
            Good answer:
            - Base - The flat, round underside on which the teapot stands.
            Bad answer:
            - Grip - The curved handle on the side that a person holds.

            Example 4
            Question: Which parts of the "water bottle" can be used to perform the action "pound-with"?
            Good answer:
            - Body - The broad, sturdy cylinder that makes up most of the bottle.
            Bad answer:
            - Neck - The narrow upper part that a person grabs to swing the bottle.""";

    private PartListPrompt() {
    }

    /**
     * The user message for one pair.
     *
     * @param category the object
     * @param function the action, in the taxonomy's spelling ({@code pour-with})
     * @return the question
     */
    public static String question(ObjectCategory category, FunctionName function) {
        return "What are the names of the parts of the \"" + category.value()
                + "\" that can be used to perform the action \"" + function.value() + "\"? Respond only with a "
                + "bulleted list of single-word part names, each paired with a one-sentence description, in the "
                + "format \"- Name - description\".";
    }
}
