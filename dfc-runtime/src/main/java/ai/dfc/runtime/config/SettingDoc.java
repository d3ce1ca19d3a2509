package ai.dfc.runtime.config;

import ai.dfc.api.plugin.Secret;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One documented setting of a settings record, for {@code dfc plugins}.
 *
 * @param key          snake_case key
 * @param type         a short type name ({@code int}, {@code double}, {@code String}, {@code List<Integer>})
 * @param defaultValue the default, secrets redacted
 * @param description  from {@code @JsonPropertyDescription}, or empty
 * @param secret       whether the value is redacted in dumps
 */
public record SettingDoc(String key, String type, JsonNode defaultValue, String description, boolean secret) {

    /** The settings of a record type, in declaration order, with the defaults of {@code defaults}. */
    public static List<SettingDoc> of(Record defaults) {
        ObjectMapper m = ConfigMappers.redacting();
        ObjectNode values = m.valueToTree(defaults);
        BeanDescription bean = m.getSerializationConfig().introspect(m.constructType(defaults.getClass()));
        List<SettingDoc> docs = new ArrayList<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            AnnotatedMember member = p.getAccessor() != null ? p.getAccessor() : p.getPrimaryMember();
            String description = p.getMetadata().getDescription();
            docs.add(new SettingDoc(p.getName(), member == null ? "?" : simpleName(member.getType().toCanonical()),
                    values.get(p.getName()), description == null ? "" : description,
                    member != null && member.hasAnnotation(Secret.class)));
        }
        return docs;
    }

    private static String simpleName(String canonical) {
        return canonical.replaceAll("(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)", "$1");
    }
}
