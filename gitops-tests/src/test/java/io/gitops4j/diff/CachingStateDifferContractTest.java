package io.gitops4j.diff;

import io.gitops4j.testkit.contract.StateDifferContract;

class CachingStateDifferContractTest extends StateDifferContract {

    @Override
    protected StateDiffer newDiffer() {
        return CachingStateDiffer.wrap(DefaultStateDiffer.defaults());
    }
}
