package ai.dfc.runtime.config;

import ai.dfc.api.plugin.PluginFactory;
import ai.dfc.api.plugin.Role;
import ai.dfc.runtime.config.ConfigSchema.PluginMapSection;
import ai.dfc.runtime.config.ConfigSchema.PluginSection;
import ai.dfc.runtime.config.ConfigSchema.RecordSection;
import ai.dfc.runtime.config.ConfigSchema.Section;
import ai.dfc.runtime.plugin.PluginException;
import ai.dfc.runtime.plugin.PluginRegistry;
import ai.dfc.runtime.plugin.RegisteredFactory;
import ai.dfc.runtime.text.Suggestions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Loads configurations: layers the sources (built-in defaults &lt; experiment file &lt; variant &lt;
 * {@code --set}), checks every key against the schema and the plugins' settings records, and binds the
 * result to a {@link ResolvedConfig}. Thread-safe.
 */
public final class ConfigLoader {
    private final ConfigSchema schema;
    private final PluginRegistry registry;

    public ConfigLoader(ConfigSchema schema, PluginRegistry registry) {
        this.schema = schema;
        this.registry = registry;
    }

    /**
     * @throws ConfigException naming the file or key path at fault, with a suggestion for misspelled keys and
     *                         plugin names
     */
    public ResolvedConfig load(ConfigSources sources) {
        List<HierarchicalConfiguration<ImmutableNode>> layers = new ArrayList<>();
        layers.add(ConfigLayers.overrides(sources.overrides()));
        if (sources.file() != null) {
            ConfigLayers.ExperimentFile file = ConfigLayers.readFile(sources.file());
            if (sources.variant() != null) {
                HierarchicalConfiguration<ImmutableNode> variant = file.variants().get(sources.variant());
                if (variant == null) {
                    throw new ConfigException(ConfigSchema.VARIANTS + "." + sources.variant(), "no such variant in "
                            + file.path() + Suggestions.hint(sources.variant(), file.variants().keySet()));
                }
                layers.add(variant);
            }
            layers.add(file.base());
        }
        layers.add(ConfigLayers.fromTree(pluginDefaultsTree()));
        return bind(ConfigLayers.combine(layers));
    }

    /**
     * Loads the base configuration and every variant of the experiment file, so that all of an ablation
     * validates before any run starts.
     *
     * @return the base under key {@code ""} and each variant under its name, in file order
     */
    public Map<String, ResolvedConfig> loadWithAllVariants(ConfigSources sources) {
        Map<String, ResolvedConfig> all = new LinkedHashMap<>();
        all.put("", load(sources.withVariant(null)));
        if (sources.file() != null) {
            for (String name : ConfigLayers.readFile(sources.file()).variants().keySet()) {
                all.put(name, load(sources.withVariant(name)));
            }
        }
        return all;
    }

    /** The built-in defaults as a tree: every record section's defaults and the plugin defaults. */
    public ObjectNode defaultsTree() {
        ObjectNode root = pluginDefaultsTree();
        for (Section section : schema.sections().values()) {
            if (section instanceof RecordSection r) {
                root.set(r.key(), ConfigMappers.plain().valueToTree(r.defaults()));
            }
        }
        return root;
    }

    /**
     * The built-in defaults layer: each plugin section's default plugin and each plugin map's default entries.
     * Record sections' defaults are not layered but applied when binding, component by component (see
     * {@link RecordBinder}), so that a map- or list-valued setting the user gives replaces its default instead of
     * merging with it.
     */
    private ObjectNode pluginDefaultsTree() {
        ObjectNode root = ConfigMappers.plain().createObjectNode();
        for (Section section : schema.sections().values()) {
            if (section instanceof PluginSection p) {
                if (p.defaultType() != null) {
                    root.putObject(p.key()).put(ConfigSchema.TYPE, p.defaultType());
                }
            } else if (section instanceof PluginMapSection m) {
                ObjectNode entries = root.putObject(m.key());
                m.defaults().forEach((name, weight) -> entries.putObject(name).put(ConfigSchema.WEIGHT, weight));
            }
        }
        return root;
    }

    /** Every full key path the defaults define, plus {@code <section>.type} of plugin sections: suggestion targets. */
    private List<String> knownKeyPaths() {
        List<String> paths = new ArrayList<>();
        Trees.leafPaths("", defaultsTree(), paths);
        for (Section section : schema.sections().values()) {
            if (section instanceof PluginSection p) {
                paths.add(p.key() + "." + ConfigSchema.TYPE);
            } else if (section instanceof PluginMapSection m) {
                paths.add(m.key());
            }
        }
        return paths.stream().distinct().toList();
    }

    private ResolvedConfig bind(ObjectNode tree) {
        for (Iterator<String> it = tree.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!schema.sections().containsKey(key)) {
                String leaf = Trees.firstLeaf(key, tree.get(key));
                throw new ConfigException(leaf, "unknown key: there is no section '" + key + "'"
                        + Suggestions.hint(leaf, knownKeyPaths(), schema.sections().keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Section section : schema.sections().values()) {
            JsonNode node = tree.get(section.key());
            Object value;
            if (section instanceof RecordSection r) {
                value = RecordBinder.bind(r.key(), node, r.defaults());
            } else if (section instanceof PluginSection p) {
                value = isAbsent(node) ? null : choose(p.key(), p.role(), node, null);
            } else {
                value = bindMap((PluginMapSection) section, node);
            }
            if (value == null && section instanceof PluginSection p && p.defaultType() != null) {
                throw new ConfigException(p.key(), "a " + p.role().label() + " is required; set "
                        + p.key() + ".type" + Suggestions.hint("", registry.names(p.role())));
            }
            if (value != null) {
                values.put(section.key(), value);
            }
        }
        return new ResolvedConfig(values);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private Map<String, WeightedPlugin> bindMap(PluginMapSection section, JsonNode node) {
        Map<String, WeightedPlugin> entries = new LinkedHashMap<>();
        if (isAbsent(node)) {
            return entries;
        }
        if (!node.isObject()) {
            throw new ConfigException(section.key(), "expected a map of named " + section.role().label()
                    + " entries, was " + RecordBinder.describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = section.key() + "." + e.getKey();
            ObjectNode entry = isAbsent(e.getValue()) ? ConfigMappers.plain().createObjectNode()
                    : requireObject(path, e.getValue()).deepCopy();
            double weight = 1.0;
            JsonNode w = entry.remove(ConfigSchema.WEIGHT);
            if (w != null && !w.isNull()) {
                if (!w.isNumber() || !(w.asDouble() >= 0) || Double.isInfinite(w.asDouble())) {
                    throw new ConfigException(path + "." + ConfigSchema.WEIGHT, "expected a finite number >= 0, was "
                            + RecordBinder.describe(w));
                }
                weight = w.asDouble();
            }
            entries.put(e.getKey(), new WeightedPlugin(choose(path, section.role(), entry, e.getKey()), weight));
        }
        return entries;
    }

    private static ObjectNode requireObject(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new ConfigException(path, "expected a map with a '" + ConfigSchema.TYPE + "' key, was "
                    + RecordBinder.describe(node));
        }
        return (ObjectNode) node;
    }

    private PluginChoice choose(String path, Role role, JsonNode node, String defaultType) {
        ObjectNode settings = requireObject(path, node).deepCopy();
        JsonNode type = settings.remove(ConfigSchema.TYPE);
        String name;
        if (type == null || type.isNull()) {
            if (defaultType == null) {
                throw new ConfigException(path + "." + ConfigSchema.TYPE, "missing: name the " + role.label()
                        + " to use" + Suggestions.hint("", registry.names(role)));
            }
            name = defaultType;
        } else if (!type.isTextual()) {
            throw new ConfigException(path + "." + ConfigSchema.TYPE, "expected a plugin name, was " + RecordBinder.describe(type));
        } else {
            name = type.asText();
        }
        RegisteredFactory entry;
        try {
            entry = registry.get(role, name);
        } catch (PluginException e) {
            throw new ConfigException(path + "." + ConfigSchema.TYPE, e.getMessage(), e);
        }
        PluginFactory<?, ?> factory = entry.factory();
        Record bound = RecordBinder.bind(path, settings, (Record) factory.defaultSettings());
        return new PluginChoice(role, name, bound);
    }
}
