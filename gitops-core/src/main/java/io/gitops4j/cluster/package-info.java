/**
 * Running a controller as several replicas: membership and claims on leases ({@link io.gitops4j.cluster.LeaseStore},
 * Kubernetes {@code coordination.k8s.io/v1} Leases in production), applications shared out by consistent hashing
 * with bounded loads ({@link io.gitops4j.cluster.ShardAssigner}), one owner per application at a time with a fence
 * before every write phase ({@link io.gitops4j.cluster.ClusterCoordinator}), or one active leader
 * ({@link io.gitops4j.cluster.ClusterMode#LEADER}).
 */
package io.gitops4j.cluster;
