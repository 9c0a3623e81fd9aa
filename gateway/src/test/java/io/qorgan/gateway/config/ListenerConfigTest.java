package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ListenerConfigTest {

    private static final ServerTlsConfig TLS = new ServerTlsConfig(
            Path.of("server.pem"), Path.of("server-key.pem"), ServerTlsConfig.ClientAuth.NONE, null);

    @Test
    void url_tlsOn_saysHttps() {
        assertThat(new ListenerConfig("127.0.0.1", 8080, TLS).url(8080)).isEqualTo("https://127.0.0.1:8080");
    }

    @Test
    void url_plain_saysHttpWithTheBoundPort() {
        assertThat(new ListenerConfig("0.0.0.0", 0).url(41234)).isEqualTo("http://0.0.0.0:41234");
    }

    @Test
    void url_ipv6Host_isBracketed() {
        assertThat(new ListenerConfig("::1", 8443, TLS).url(8443)).isEqualTo("https://[::1]:8443");
    }
}
