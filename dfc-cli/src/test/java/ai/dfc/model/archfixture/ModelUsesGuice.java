package ai.dfc.model.archfixture;

import com.google.inject.Inject;

/** Test-only: breaks the "no Guice in library code" rule on purpose. */
public final class ModelUsesGuice {
    @Inject
    public ModelUsesGuice() {
    }
}
