package ai.dfc.api.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a settings component whose value must never be shown: every dump of the configuration
 * ({@code dfc config show}, {@code resolved-config.yaml}, logs) prints {@value #REDACTED} instead (an empty
 * string, meaning "unset", is shown as it is).
 * Prefer reading secrets from an environment variable named by an ordinary setting; a secret given
 * inline cannot be reproduced from a resolved config, and loading {@value #REDACTED} back fails with a
 * message that says so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Secret {
    /** What dumps print in place of a secret value. */
    String REDACTED = "<redacted>";
}
