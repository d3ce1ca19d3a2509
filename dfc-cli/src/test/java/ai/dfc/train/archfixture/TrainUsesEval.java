package ai.dfc.train.archfixture;

import ai.dfc.eval.archfixture.EvalThing;

/** Test-only: breaks the train ↛ eval rule on purpose. */
public final class TrainUsesEval {
    public static int value() {
        return EvalThing.value();
    }
}
