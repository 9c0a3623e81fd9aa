/** Accept: the traffic and admin listeners, their channel pipelines, the frontend handler facing agency systems, and errors in the AI APIs' shape. */
package io.qorgan.gateway.server;
