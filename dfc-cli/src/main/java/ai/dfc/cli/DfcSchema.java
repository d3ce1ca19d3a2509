package ai.dfc.cli;

import ai.dfc.api.plugin.Role;
import ai.dfc.runtime.config.ConfigSchema;
import ai.dfc.runtime.run.RunSettings;
import java.util.Map;

/**
 * The top-level configuration sections of the {@code dfc} command. Stages add their sections here as they
 * land (render, label, train, eval); plugin sections have no default until a built-in plugin of their role
 * exists.
 */
final class DfcSchema {
    private DfcSchema() {
    }

    static ConfigSchema build() {
        return ConfigSchema.builder()
                .record("run", "seed, output and cache directories, threads", RunSettings.class, RunSettings.DEFAULTS)
                .plugin("encoder", "frozen image encoder (dense tokens)", Role.ENCODER, "dense-descriptor")
                .plugin("text_encoder", "function-phrase encoder", Role.TEXT_ENCODER, "hashed-ngram")
                .plugin("part_namer", "names functional parts per (category, function)", Role.PART_NAMER, null)
                .plugin("grounder", "finds parts in images (boxes)", Role.GROUNDER, null)
                .plugin("edge_estimator", "per-point edge probability for thin parts", Role.EDGE_ESTIMATOR, "curvature")
                .plugin("benchmark", "evaluation pairs with dense ground truth", Role.BENCHMARK, null)
                .pluginMap("losses", "weighted terms of the training objective", Role.LOSS, Map.of())
                .build();
    }
}
