/** Immutable configuration records bound from YAML, validated once at load, with errors that name file, line and field. */
package io.qorgan.gateway.config;
