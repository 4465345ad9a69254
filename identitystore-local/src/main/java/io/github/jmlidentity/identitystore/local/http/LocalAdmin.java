package io.github.jmlidentity.identitystore.local.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.FaultSettings;
import io.github.jmlidentity.identitystore.local.StatsSnapshot;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningSettings;

/** What the admin endpoints under {@code /_local/} can do to a running emulator. */
public interface LocalAdmin {
    ObjectNode describe();

    void reset();

    StatsSnapshot stats();

    void resetStats();

    FaultSettings faults();

    void faults(FaultSettings settings);

    ProvisioningSettings provisioning();

    void provisioning(ProvisioningSettings settings);

    /** Writes the data file now; false when the emulator runs without one. */
    boolean save();
}
