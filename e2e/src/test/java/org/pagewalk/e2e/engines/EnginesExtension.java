package org.pagewalk.e2e.engines;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Closes the engines {@link Engines} started when the whole run ends (not after each class). */
public final class EnginesExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EnginesExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("closer",
                key -> (ExtensionContext.Store.CloseableResource) Engines::closeAll);
    }
}
