package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.FeatureStatus;
import io.clientworkspace.spring.WorkspaceConfigurationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The start-up check behind {@code client-workspace.features.required}: every feature named there must be one the kit
 * knows and must be available on the store set, or the application does not start. The bean itself only
 * records what was required.
 */
final class RequiredFeatures {

    private final List<String> names;

    private RequiredFeatures(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The required feature names, as the kit names them (lower case, trimmed). */
    List<String> names() {
        return names;
    }

    /**
     * Checks {@code required} against the kit's features.
     *
     * @param required the feature names of {@code client-workspace.features.required}
     * @param features every feature of the kit with its availability ({@code WorkspaceKit.features()})
     * @return the check that passed, naming the required features
     * @throws WorkspaceConfigurationException naming each unknown name (and the valid ones) and each unavailable
     *                               feature with the store SPI it lacks
     */
    static RequiredFeatures check(List<String> required, List<FeatureStatus> features) {
        requireNonNull(required, "required must not be null");
        requireNonNull(features, "features must not be null");
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : required) {
            String name = entry.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Optional<FeatureStatus> status = features.stream().filter(f -> f.name().equals(name)).findFirst();
            if (status.isEmpty()) {
                problems.add("'" + entry.trim() + "' is not a feature of the kit (the features are: "
                        + String.join(", ", features.stream().map(FeatureStatus::name).toList()) + ")");
            } else if (!status.get().available()) {
                problems.add("the feature '" + name + "' is unavailable: the store set provides no "
                        + status.get().missingStore().map(Class::getName).orElse("store it needs"));
            }
            names.add(name);
        }
        if (!problems.isEmpty()) {
            throw new WorkspaceConfigurationException("client-workspace.features.required cannot be met: "
                    + String.join("; ", problems) + ".", "Provide the missing stores (InMemoryStores.create() and"
                    + " JpaStores.create(...) provide every store) or remove the feature from client-workspace.features.required.");
        }
        return new RequiredFeatures(names);
    }
}
