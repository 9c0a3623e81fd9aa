/** Who is calling: the identity store, API keys, client certificates and Shiro permissions. */
package io.qorgan.gateway.identity;
