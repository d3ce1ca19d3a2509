package ai.dfc.runtime.config;

import ai.dfc.api.plugin.Secret;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;

/**
 * The Jackson mappers of the configuration system. Settings records bind from snake_case keys, strictly:
 * unknown keys, nulls for primitives, trailing tokens and floats for ints are errors. Two serializing
 * flavours exist: {@link #plain()} writes values as they are (for binding), {@link #redacting()} replaces
 * every {@link Secret} value with {@value Secret#REDACTED} (for every dump a person or a file sees).
 */
public final class ConfigMappers {
    private static final ObjectMapper PLAIN = configure(JsonMapper.builder(), false).build();
    private static final ObjectMapper REDACTING = configure(JsonMapper.builder(), true).build();
    private static final YAMLMapper YAML = configure(YAMLMapper.builder(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)), true).build();

    private ConfigMappers() {
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(
            B builder, boolean redact) {
        builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST);
        if (redact) {
            builder.addModule(new SimpleModule("dfc-redaction").setSerializerModifier(new RedactSecrets()));
        }
        return builder;
    }

    /** Binds and serializes settings without redaction. Never use it to show or store a configuration. */
    public static ObjectMapper plain() {
        return PLAIN;
    }

    /** Serializes settings with secrets redacted. */
    public static ObjectMapper redacting() {
        return REDACTING;
    }

    /** Writes YAML with secrets redacted. */
    public static YAMLMapper yaml() {
        return YAML;
    }

    private static final class RedactSecrets extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                List<BeanPropertyWriter> properties) {
            for (BeanPropertyWriter writer : properties) {
                if (writer.getAnnotation(Secret.class) != null) {
                    writer.assignSerializer(new RedactedSerializer());
                }
            }
            return properties;
        }
    }

    private static final class RedactedSerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            // an unset secret reveals nothing and must survive a dump/reload unchanged
            if ("".equals(value)) {
                gen.writeString("");
            } else {
                gen.writeString(Secret.REDACTED);
            }
        }
    }
}
