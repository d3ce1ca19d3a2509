package ai.dfc.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fully resolved configuration: every section bound to its record or plugin choice, defaults filled in,
 * everything validated. Immutable; equal configurations are {@link #equals equal}. Dumping it with
 * {@link #toYaml()} and loading the dump reproduces an equal instance (inline secrets excepted: they are
 * redacted in every dump).
 */
public final class ResolvedConfig {
    private final Map<String, Object> values;

    ResolvedConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The record of a record section.
     *
     * @throws IllegalArgumentException if there is no such record section of that type
     */
    public <R extends Record> R section(String key, Class<R> type) {
        Object v = values.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("no record section '" + key + "' of type " + type.getSimpleName()
                    + " (sections: " + values.keySet() + ")");
        }
        return type.cast(v);
    }

    /** The plugin chosen in a plugin section; empty when the section has no default and was not set. */
    public Optional<PluginChoice> plugin(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof PluginChoice)) {
            throw new IllegalArgumentException("section '" + key + "' is not a plugin section");
        }
        return Optional.ofNullable((PluginChoice) v);
    }

    /** The entries of a plugin-map section, in configuration order. */
    @SuppressWarnings("unchecked")
    public Map<String, WeightedPlugin> pluginMap(String key) {
        Object v = values.get(key);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("section '" + key + "' is not a plugin map");
        }
        return (Map<String, WeightedPlugin>) v;
    }

    /** Section values by key: records, {@link PluginChoice}s, maps of {@link WeightedPlugin}s. */
    public Map<String, Object> values() {
        return values;
    }

    /** The configuration as a tree in the file format; secrets redacted. */
    public ObjectNode toTree() {
        ObjectMapper m = ConfigMappers.redacting();
        ObjectNode root = m.createObjectNode();
        values.forEach((key, value) -> {
            if (value instanceof PluginChoice choice) {
                root.set(key, pluginTree(m, choice, null));
            } else if (value instanceof Map<?, ?> map) {
                ObjectNode entries = root.putObject(key);
                map.forEach((name, entry) -> {
                    WeightedPlugin w = (WeightedPlugin) entry;
                    entries.set((String) name, pluginTree(m, w.plugin(), w.weight()));
                });
            } else {
                root.set(key, m.valueToTree(value));
            }
        });
        return root;
    }

    private static ObjectNode pluginTree(ObjectMapper m, PluginChoice choice, Double weight) {
        ObjectNode node = m.createObjectNode();
        node.put(ConfigSchema.TYPE, choice.type());
        if (weight != null) {
            node.put(ConfigSchema.WEIGHT, weight);
        }
        node.setAll((ObjectNode) m.valueToTree(choice.settings()));
        return node;
    }

    /** The configuration as YAML in the file format, secrets redacted: what {@code resolved-config.yaml} holds. */
    public String toYaml() {
        try {
            return ConfigMappers.yaml().writeValueAsString(toTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write configuration as YAML", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResolvedConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
