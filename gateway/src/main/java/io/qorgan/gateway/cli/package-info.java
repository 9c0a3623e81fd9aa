/** The command line: picocli commands that parse arguments and call the parts. */
package io.qorgan.gateway.cli;
