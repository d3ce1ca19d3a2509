package ai.dfc.cli;

import ai.dfc.runtime.config.ConfigLoader;
import ai.dfc.runtime.config.ConfigSchema;
import ai.dfc.runtime.plugin.PluginRegistry;

/** What every command needs: discovered plugins, the schema and a loader; discovered once per process. */
final class Workspace {
    private static volatile Workspace instance;

    final PluginRegistry registry;
    final ConfigSchema schema;
    final ConfigLoader loader;

    private Workspace(PluginRegistry registry, ConfigSchema schema) {
        this.registry = registry;
        this.schema = schema;
        this.loader = new ConfigLoader(schema, registry);
    }

    static Workspace get() {
        Workspace w = instance;
        if (w == null) {
            synchronized (Workspace.class) {
                w = instance;
                if (w == null) {
                    w = new Workspace(PluginRegistry.discover(), DfcSchema.build());
                    instance = w;
                }
            }
        }
        return w;
    }
}
