package ai.dfc.eval.archfixture;

/** Test-only: a class in dfc-eval's package for the architecture rules' negative checks. */
public final class EvalThing {
    public static int value() {
        return 1;
    }
}
