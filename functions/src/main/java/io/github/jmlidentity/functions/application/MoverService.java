package io.github.jmlidentity.functions.application;

/**
 * Employee Moved: update only the changed attributes (one UpdateUser), add newly granted groups, remove managed
 * groups no longer granted. A mover for an employee the directory does not know provisions them.
 */
public final class MoverService extends ProvisioningService {

    public MoverService(LifecycleSettings settings) {
        super(settings);
    }

    @Override
    protected boolean lookUpByNameFirst() {
        return true;
    }
}
