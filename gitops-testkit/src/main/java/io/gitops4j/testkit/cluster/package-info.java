/** Fleet testing: an in-memory {@link io.gitops4j.cluster.LeaseStore} with network faults on demand. */
package io.gitops4j.testkit.cluster;
