package io.qorgan.gateway.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.security.cert.CertificateExpiredException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Messages as the JDK and BoringSSL word them; the real handshakes are in ServerTlsTest. */
class TlsFailureReasonTest {

    private static TlsFailureReason classify(String message) {
        return TlsFailureReason.classify(new SSLHandshakeException(message));
    }

    @Test
    void classify_openSslAlertsAndErrors_mapToReasons() {
        assertThat(classify("error:10000418:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA"))
                .isEqualTo(TlsFailureReason.UNKNOWN_CA);
        assertThat(classify("error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED"))
                .isEqualTo(TlsFailureReason.UNKNOWN_CA);
        assertThat(classify("error:100000c7:SSL routines:OPENSSL_internal:PEER_DID_NOT_RETURN_A_CERTIFICATE"))
                .isEqualTo(TlsFailureReason.CERTIFICATE_REQUIRED);
        assertThat(classify("error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL"))
                .isEqualTo(TlsFailureReason.PROTOCOL_VERSION);
        assertThat(classify("error:10000412:SSL routines:OPENSSL_internal:SSLV3_ALERT_BAD_CERTIFICATE"))
                .isEqualTo(TlsFailureReason.BAD_CERTIFICATE);
        assertThat(classify("error:100000b8:SSL routines:OPENSSL_internal:NO_SHARED_CIPHER"))
                .isEqualTo(TlsFailureReason.NO_SHARED_CIPHER);
    }

    @Test
    void classify_jdkMessagesAndCauseTypes_mapToReasons() {
        assertThat(classify("Empty client certificate chain")).isEqualTo(TlsFailureReason.CERTIFICATE_REQUIRED);
        assertThat(
                        classify(
                                "The client supported protocol versions [TLSv1.1] are not accepted by server preferences [TLS13, TLS12]"))
                .isEqualTo(TlsFailureReason.PROTOCOL_VERSION);
        assertThat(classify("No subject alternative DNS name matching localhost found."))
                .isEqualTo(TlsFailureReason.BAD_CERTIFICATE);
        SSLHandshakeException expired = new SSLHandshakeException("PKIX path validation failed");
        expired.initCause(new CertificateExpiredException("NotAfter: ..."));
        assertThat(TlsFailureReason.classify(expired)).isEqualTo(TlsFailureReason.CERTIFICATE_EXPIRED);
        assertThat(TlsFailureReason.classify(new SslHandshakeTimeoutException("handshake timed out after 10000ms")))
                .isEqualTo(TlsFailureReason.HANDSHAKE_TIMEOUT);
        assertThat(TlsFailureReason.classify(new NotSslRecordException("not an SSL/TLS record")))
                .isEqualTo(TlsFailureReason.NOT_TLS);
        assertThat(classify("something new")).isEqualTo(TlsFailureReason.OTHER);
        assertThat(TlsFailureReason.UNKNOWN_CA.label()).isEqualTo("unknown_ca");
    }

    @Test
    void handler_failedAndSuccessfulCompletion_reportsOnlyFailureAndPassesEventsOn() {
        List<TlsFailureReason> reasons = new ArrayList<>();
        List<Object> passedOn = new ArrayList<>();
        EmbeddedChannel channel =
                new EmbeddedChannel(new TlsHandshakeFailureHandler(reasons::add), new ChannelInboundHandlerAdapter() {
                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                        passedOn.add(evt);
                    }
                });

        channel.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
        channel.pipeline()
                .fireUserEventTriggered(
                        new SslHandshakeCompletionEvent(new SSLHandshakeException("Empty client certificate chain")));

        assertThat(reasons).containsExactly(TlsFailureReason.CERTIFICATE_REQUIRED);
        assertThat(passedOn).hasSize(2);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }
}
