package ai.dfc.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.CombinedConfiguration;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.commons.configuration2.tree.OverrideCombiner;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Layers configuration sources with Commons Configuration: each source becomes a hierarchical configuration,
 * and a {@link CombinedConfiguration} with an {@link OverrideCombiner} merges them (maps key by key; a higher
 * layer's value or list replaces a lower one's). The result is handed over as a Jackson tree for binding.
 *
 * <p>YAML is parsed with SnakeYAML's safe constructor (no arbitrary types, duplicate keys rejected). Commons
 * Configuration's node model has no notion of an empty list or map (they would vanish from the tree), so they
 * travel as {@link Empty} marker values and come back as {@code []} and {@code {}}.
 */
final class ConfigLayers {
    private ConfigLayers() {
    }

    /** Markers for empty collections in the node tree. */
    private enum Empty { LIST, MAP }

    /** An experiment file: its base layer and its named variant overlays. */
    record ExperimentFile(Path path, HierarchicalConfiguration<ImmutableNode> base,
            Map<String, HierarchicalConfiguration<ImmutableNode>> variants) {
    }

    static ExperimentFile readFile(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file " + path + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("", "cannot read config file " + path + ": " + e.getMessage(), e);
        }
        Map<String, Object> tree = parseMap(text, "config file " + path);
        Map<String, HierarchicalConfiguration<ImmutableNode>> variants = new LinkedHashMap<>();
        Object variantTree = tree.remove(ConfigSchema.VARIANTS);
        if (variantTree != null) {
            if (!(variantTree instanceof Map<?, ?> named)) {
                throw new ConfigException(ConfigSchema.VARIANTS, "must be a map of named overlays in " + path);
            }
            named.forEach((name, overlay) -> {
                if (overlay != null && !(overlay instanceof Map)) {
                    throw new ConfigException(ConfigSchema.VARIANTS + "." + name, "must be a map of sections in " + path);
                }
                variants.put(String.valueOf(name), layer(overlay == null ? Map.of() : (Map<?, ?>) overlay));
            });
        }
        return new ExperimentFile(path, layer(tree), variants);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseMap(String text, String what) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new ConfigException("", what + " is not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        if (parsed == null) {
            return new LinkedHashMap<>();
        }
        if (!(parsed instanceof Map)) {
            throw new ConfigException("", what + " must be a map of sections, was " + parsed.getClass().getSimpleName());
        }
        return new LinkedHashMap<>((Map<String, Object>) parsed);
    }

    /** A layer from command-line overrides, each value parsed as YAML; later overrides of a key win. */
    static HierarchicalConfiguration<ImmutableNode> overrides(List<ConfigOverride> overrides) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> tree = new LinkedHashMap<>();
        for (ConfigOverride o : overrides) {
            Object value;
            try {
                value = o.value().isEmpty() ? "" : yaml.load(o.value());
            } catch (YAMLException e) {
                throw new ConfigException(o.key(), "cannot read the value '" + o.value() + "' of --set " + o, e);
            }
            insert(tree, o.key().split("\\."), value, o);
        }
        return layer(tree);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> tree, String[] path, Object value, ConfigOverride o) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                throw new ConfigException(o.key(), "--set " + o + " conflicts with an earlier --set of "
                        + String.join(".", java.util.Arrays.copyOf(path, i + 1)));
            }
            node = (Map<String, Object>) child;
        }
        node.put(path[path.length - 1], value);
    }

    /** A layer from a tree (the built-in defaults). */
    @SuppressWarnings("unchecked")
    static HierarchicalConfiguration<ImmutableNode> fromTree(ObjectNode tree) {
        return layer(ConfigMappers.plain().convertValue(tree, Map.class));
    }

    private static BaseHierarchicalConfiguration layer(Map<?, ?> tree) {
        ImmutableNode.Builder root = new ImmutableNode.Builder();
        tree.forEach((k, v) -> addNode(root, String.valueOf(k), v, String.valueOf(k)));
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.getNodeModel().setRootNode(root.create());
        return configuration;
    }

    private static void addNode(ImmutableNode.Builder parent, String name, Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                parent.addChild(new ImmutableNode.Builder().name(name).value(Empty.MAP).create());
                return;
            }
            ImmutableNode.Builder node = new ImmutableNode.Builder().name(name);
            map.forEach((k, v) -> addNode(node, String.valueOf(k), v, path + "." + k));
            parent.addChild(node.create());
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                parent.addChild(new ImmutableNode.Builder().name(name).value(Empty.LIST).create());
            }
            for (Object element : list) {
                if (element instanceof List) {
                    throw new ConfigException(path, "lists of lists are not supported");
                }
                addNode(parent, name, element, path);
            }
        } else {
            parent.addChild(new ImmutableNode.Builder().name(name).value(value).create());
        }
    }

    /** Combines layers given highest priority first and returns the merged tree. */
    static ObjectNode combine(List<HierarchicalConfiguration<ImmutableNode>> highestFirst) {
        CombinedConfiguration combined = new CombinedConfiguration(new OverrideCombiner());
        int i = 0;
        for (HierarchicalConfiguration<ImmutableNode> layer : highestFirst) {
            combined.addConfiguration((BaseHierarchicalConfiguration) layer, "layer-" + i++);
        }
        return (ObjectNode) toTree(combined.getNodeModel().getNodeHandler().getRootNode());
    }

    private static JsonNode toTree(ImmutableNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.getChildren().isEmpty()) {
            Object v = node.getValue();
            if (v == Empty.LIST) {
                return f.arrayNode();
            }
            if (v == Empty.MAP) {
                return f.objectNode();
            }
            return v == null ? f.nullNode() : ConfigMappers.plain().valueToTree(v);
        }
        Map<String, List<ImmutableNode>> byName = new LinkedHashMap<>();
        for (ImmutableNode child : node.getChildren()) {
            byName.computeIfAbsent(child.getNodeName(), k -> new ArrayList<>()).add(child);
        }
        ObjectNode object = f.objectNode();
        byName.forEach((name, nodes) -> {
            if (nodes.size() == 1) {
                object.set(name, toTree(nodes.get(0)));
            } else {
                ArrayNode array = object.putArray(name);
                nodes.forEach(n -> array.add(toTree(n)));
            }
        });
        return object;
    }
}
