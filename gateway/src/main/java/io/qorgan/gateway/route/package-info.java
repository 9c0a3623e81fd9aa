/** Route: the request path to a configured route and the upstream path it maps to. */
package io.qorgan.gateway.route;
