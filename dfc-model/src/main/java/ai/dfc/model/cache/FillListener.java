package ai.dfc.model.cache;

/** Receives {@link FeatureCache#fill}'s progress, on the filling thread, after each reused image and each batch. */
@FunctionalInterface
public interface FillListener {
    /** A listener that ignores progress. */
    FillListener NONE = p -> {
    };

    void progress(FillProgress progress);
}
