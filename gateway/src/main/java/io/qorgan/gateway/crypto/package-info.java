/** Keys and certificates: Bouncy Castle PKIX builders, PEM and PKCS#12 files, secret references. */
package io.qorgan.gateway.crypto;
