/**
 * Policies as code: YAML policies per agency loaded and validated once, an evaluator that turns a request into a
 * {@link io.qorgan.gateway.policy.Verdict} (content rules run as Lucene queries on one in-memory index), hot
 * reload, and the runner of the policies' own tests. No Netty in here.
 */
package io.qorgan.gateway.policy;
