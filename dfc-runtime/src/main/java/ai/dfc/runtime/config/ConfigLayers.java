package ai.dfc.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.commons.configuration2.tree.OverrideCombiner;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Layers configuration sources with Commons Configuration ({@link CombinedConfiguration} with an
 * {@link OverrideCombiner}: maps merge key by key, a higher layer's value or list replaces a lower one's) and
 * hands the result over as a Jackson tree for binding.
 */
final class ConfigLayers {
    private ConfigLayers() {
    }

    /** An experiment file: its base tree and its named variant overlays. */
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
        YAMLConfiguration yaml = readYaml(text, "config file " + path);
        Map<String, HierarchicalConfiguration<ImmutableNode>> variants = new LinkedHashMap<>();
        List<ImmutableNode> variantNodes = yaml.getNodeModel().getNodeHandler().getRootNode().getChildren().stream()
                .filter(n -> n.getNodeName().equals(ConfigSchema.VARIANTS)).toList();
        if (variantNodes.size() > 1) {
            throw new ConfigException(ConfigSchema.VARIANTS, "defined twice in " + path);
        }
        for (ImmutableNode holder : variantNodes) {
            if (holder.getValue() != null) {
                throw new ConfigException(ConfigSchema.VARIANTS, "must be a map of named overlays in " + path);
            }
            for (ImmutableNode variant : holder.getChildren()) {
                if (variants.containsKey(variant.getNodeName())) {
                    throw new ConfigException(ConfigSchema.VARIANTS + "." + variant.getNodeName(), "defined twice in " + path);
                }
                ImmutableNode root = new ImmutableNode.Builder().addChildren(variant.getChildren()).create();
                BaseHierarchicalConfiguration overlay = new BaseHierarchicalConfiguration();
                overlay.getNodeModel().setRootNode(root);
                variants.put(variant.getNodeName(), overlay);
            }
        }
        yaml.clearTree(ConfigSchema.VARIANTS);
        return new ExperimentFile(path, yaml, variants);
    }

    static YAMLConfiguration readYaml(String text, String what) {
        YAMLConfiguration yaml = new YAMLConfiguration();
        try (Reader reader = new StringReader(text)) {
            yaml.read(reader);
        } catch (ConfigurationException | IOException | YAMLException | ClassCastException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException("", what + " is not valid YAML (a map of sections): "
                    + cause.getMessage().replace('\n', ' '), e);
        }
        return yaml;
    }

    /** A layer from command-line overrides, each value parsed as YAML. */
    static HierarchicalConfiguration<ImmutableNode> overrides(List<ConfigOverride> overrides) {
        Yaml yaml = new Yaml(new LoaderOptions());
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
        return readYaml(new Yaml().dump(tree), "--set");
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
    static HierarchicalConfiguration<ImmutableNode> fromTree(ObjectNode tree, String what) {
        try {
            return readYaml(ConfigMappers.plain().writeValueAsString(tree), what);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Combines layers given highest priority first and returns the merged tree. */
    static ObjectNode combine(List<HierarchicalConfiguration<ImmutableNode>> highestFirst) {
        CombinedConfiguration combined = new CombinedConfiguration(new OverrideCombiner());
        int i = 0;
        for (HierarchicalConfiguration<ImmutableNode> layer : highestFirst) {
            combined.addConfiguration((BaseHierarchicalConfiguration) layer, "layer-" + i++);
        }
        ImmutableNode root = combined.getNodeModel().getNodeHandler().getRootNode();
        return (ObjectNode) toTree(root);
    }

    private static JsonNode toTree(ImmutableNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.getChildren().isEmpty()) {
            return node.getValue() == null ? f.nullNode() : ConfigMappers.plain().valueToTree(node.getValue());
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
