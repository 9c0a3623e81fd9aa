/** Dialect: per AI API, where text lives in request bodies, answers and stream events, read and rewritten with Jackson streaming. */
package io.qorgan.gateway.dialect;
