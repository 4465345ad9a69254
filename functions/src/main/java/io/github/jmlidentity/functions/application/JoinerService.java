package io.github.jmlidentity.functions.application;

/** Employee Joined: create the user with the HR profile and add the granted groups; converge if it exists. */
public final class JoinerService extends ProvisioningService {

    public JoinerService(LifecycleSettings settings) {
        super(settings);
    }

    @Override
    protected boolean lookUpByNameFirst() {
        return false;
    }
}
