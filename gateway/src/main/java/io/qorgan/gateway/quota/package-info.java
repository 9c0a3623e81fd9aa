/** Fair use between agencies: requests a second, exchanges in flight and tokens, per agency and caller, on the head. */
package io.qorgan.gateway.quota;
