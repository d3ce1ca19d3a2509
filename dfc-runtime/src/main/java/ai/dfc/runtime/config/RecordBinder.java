package ai.dfc.runtime.config;

import ai.dfc.api.plugin.Secret;
import ai.dfc.api.plugin.SettingException;
import ai.dfc.runtime.text.Suggestions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * Binds a configuration subtree onto a settings record: the record's defaults first, the user's keys over
 * them, then Jackson's strict binding and the record's own validation. Every failure becomes a
 * {@link ConfigException} naming the full key path.
 */
public final class RecordBinder {
    private RecordBinder() {
    }

    /**
     * @param path     the dotted path of {@code userTree} in the whole configuration ({@code encoder})
     * @param userTree the user's keys (an object node), or null/missing for "all defaults"
     * @param defaults the record's default instance; its class is the target type
     */
    public static <R extends Record> R bind(String path, JsonNode userTree, R defaults) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) defaults.getClass();
        ObjectNode merged = ConfigMappers.plain().valueToTree(defaults);
        if (userTree != null && !userTree.isNull() && !userTree.isMissingNode()) {
            if (!userTree.isObject()) {
                throw new ConfigException(path, "expected a map of settings, was " + describe(userTree));
            }
            overlay(merged, (ObjectNode) userTree, type);
        }
        R bound;
        try {
            bound = ConfigMappers.plain().treeToValue(merged, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw translate(path, e);
        }
        rejectRedactedSecrets(path, bound);
        return bound;
    }

    /**
     * Puts the user's keys over the defaults, component by component: a nested settings record merges key by
     * key, any other value (a map, a list, a scalar) replaces its default whole, so a user's map is never
     * mixed with the default's entries.
     */
    private static void overlay(ObjectNode defaults, ObjectNode user, Class<?> recordType) {
        Map<String, Class<?>> nested = new java.util.HashMap<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            if (c.getType().isRecord()) {
                nested.put(snake(c.getName()), c.getType());
            }
        }
        user.fields().forEachRemaining(e -> {
            JsonNode base = defaults.get(e.getKey());
            Class<?> nestedType = nested.get(e.getKey());
            if (nestedType != null && base instanceof ObjectNode b && e.getValue() instanceof ObjectNode u) {
                overlay(b, u, nestedType);
            } else {
                defaults.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static ConfigException translate(String path, Exception e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String where = join(path, jsonPath(u.getPath().subList(0, u.getPath().size() - 1)));
            String key = join(where, u.getPropertyName());
            List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).toList();
            return new ConfigException(key, "unknown key" + Suggestions.hint(u.getPropertyName(), known), e);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            while (cause instanceof InvocationTargetException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String where = join(path, jsonPath(v.getPath()));
            if (cause instanceof SettingException s) {
                return new ConfigException(join(where, s.key()), s.problem(), e);
            }
            return new ConfigException(where, cause != null ? cause.getMessage() : v.getOriginalMessage(), e);
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(join(path, jsonPath(f.getPath())), "expected " + typeName(f.getTargetType())
                    + ", was '" + f.getValue() + "'", e);
        }
        if (e instanceof MismatchedInputException m) {
            return new ConfigException(join(path, jsonPath(m.getPath())), "expected " + typeName(m.getTargetType())
                    + " (" + m.getOriginalMessage().split("\n")[0] + ")", e);
        }
        if (e instanceof JsonMappingException m) {
            return new ConfigException(join(path, jsonPath(m.getPath())), m.getOriginalMessage(), e);
        }
        return new ConfigException(path, e.getMessage(), e);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a map";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return b.startsWith("[") ? a + b : a + "." + b;
    }

    static String describe(JsonNode node) {
        return node.isTextual() ? "'" + node.asText() + "'" : node.toString();
    }

    /** A secret written back as its redaction placeholder cannot be used: say so instead of sending it. */
    private static void rejectRedactedSecrets(String path, Record record) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String key = join(path, snake(c.getName()));
            if (c.isAnnotationPresent(Secret.class) && Secret.REDACTED.equals(value)) {
                throw new ConfigException(key, "this secret was redacted when the configuration was saved; supply it "
                        + "with --set " + key + "=… or through its environment variable");
            }
            if (value instanceof Record nested) {
                rejectRedactedSecrets(key, nested);
            }
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
