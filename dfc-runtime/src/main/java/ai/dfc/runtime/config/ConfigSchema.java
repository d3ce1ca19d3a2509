package ai.dfc.runtime.config;

import ai.dfc.api.plugin.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level sections a configuration may have. Each section is one of
 * <ul>
 *   <li>a <b>record section</b>: bound to an immutable settings record, defaults from a default instance;</li>
 *   <li>a <b>plugin section</b> {@code {type: name, …settings}} selecting one plugin of a role, optionally
 *       with a default plugin (a section without default is absent until the user selects a plugin);</li>
 *   <li>a <b>plugin map</b> {@code {entry: {type?: name, weight: w, …settings}}} of weighted plugins of a
 *       role, e.g. the loss terms. An entry's {@code type} defaults to its key.</li>
 * </ul>
 * The top-level key {@value #VARIANTS} is reserved for named overlays in experiment files.
 */
public final class ConfigSchema {
    /** The reserved key holding named variant overlays in an experiment file. */
    public static final String VARIANTS = "variants";
    /** The reserved key of a plugin-map entry's weight. */
    public static final String WEIGHT = "weight";
    /** The reserved key of a plugin section's plugin name. */
    public static final String TYPE = "type";

    /** One top-level section. */
    public sealed interface Section permits RecordSection, PluginSection, PluginMapSection {
        String key();

        String description();
    }

    /** A section bound to a settings record. */
    public record RecordSection(String key, String description, Class<? extends Record> type, Record defaults)
            implements Section {
        public RecordSection {
            if (defaults == null || defaults.getClass() != type) {
                throw new IllegalArgumentException("section '" + key + "' needs defaults of type " + type);
            }
        }
    }

    /** A section selecting one plugin; {@code defaultType} may be null (the section is then optional). */
    public record PluginSection(String key, String description, Role role, String defaultType) implements Section {
    }

    /** A section of named, weighted plugins of one role; {@code defaults} are the built-in entries. */
    public record PluginMapSection(String key, String description, Role role, Map<String, Double> defaults)
            implements Section {
        public PluginMapSection {
            defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        }
    }

    private final Map<String, Section> sections;

    private ConfigSchema(Map<String, Section> sections) {
        this.sections = Collections.unmodifiableMap(sections);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sections by key, in declaration order (the order dumps use). */
    public Map<String, Section> sections() {
        return sections;
    }

    /** Builds a schema; keys must be unique snake_case words. */
    public static final class Builder {
        private final Map<String, Section> sections = new LinkedHashMap<>();

        public <R extends Record> Builder record(String key, String description, Class<R> type, R defaults) {
            return add(new RecordSection(key, description, type, defaults));
        }

        public Builder plugin(String key, String description, Role role, String defaultType) {
            return add(new PluginSection(key, description, role, defaultType));
        }

        public Builder pluginMap(String key, String description, Role role, Map<String, Double> defaults) {
            return add(new PluginMapSection(key, description, role, defaults));
        }

        private Builder add(Section section) {
            if (!section.key().matches("[a-z][a-z0-9_]*") || section.key().equals(VARIANTS)) {
                throw new IllegalArgumentException("section key must be snake_case and not '" + VARIANTS + "': " + section.key());
            }
            if (sections.putIfAbsent(section.key(), section) != null) {
                throw new IllegalArgumentException("section '" + section.key() + "' declared twice");
            }
            return this;
        }

        public ConfigSchema build() {
            return new ConfigSchema(new LinkedHashMap<>(sections));
        }
    }
}
