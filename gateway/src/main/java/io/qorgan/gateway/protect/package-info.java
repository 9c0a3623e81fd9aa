/** Protect: replaces personal data in requests (placeholders and other operators) and restores it in answers and streams. */
package io.qorgan.gateway.protect;
