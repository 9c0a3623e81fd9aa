/** What the gateways of a fleet share through Redis or Valkey: fleet-wide rate and token counters, sealed vaults. */
package io.qorgan.gateway.fleet;
