/** The audit trail: one record per decision, encrypted, hash-chained, signed, indexed, verified and reported on. */
package io.qorgan.gateway.audit;
