/** The AI-service simulator: answers like OpenAI, Anthropic and Ollama and records what it received, for tests and load tests. */
package io.qorgan.gateway.sim;
