package ai.dfc.runtime.plugin;

import ai.dfc.api.DfcException;

/** Plugin discovery or selection failed: a duplicate or malformed name, an unknown name, a broken plugin. */
public final class PluginException extends DfcException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
