package io.gitops4j.diff;

import io.gitops4j.testkit.contract.StateDifferContract;

class DefaultStateDifferContractTest extends StateDifferContract {

    @Override
    protected StateDiffer newDiffer() {
        return DefaultStateDiffer.defaults();
    }
}
