/**
 * The safe-answer cache: an anonymized request's answer, kept sealed in memory and restored with each caller's own
 * vault, so identical protected requests make one AI call. No Netty in here.
 */
package io.qorgan.gateway.cache;
