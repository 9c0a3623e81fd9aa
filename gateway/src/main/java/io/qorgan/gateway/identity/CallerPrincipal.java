package io.qorgan.gateway.identity;

/**
 * The principal our Shiro realm puts in a {@code PrincipalCollection}: which caller of which agency,
 * by which credential.
 */
record CallerPrincipal(String agency, String caller, AuthMethod method, String credentialId) {}
