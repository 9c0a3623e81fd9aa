package io.qorgan.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UsageMeterTest {

    private static long read(String answer, int pieceSize) {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        UsageMeter meter = new UsageMeter();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            meter.scan(ByteBuffer.wrap(bytes, i, Math.min(pieceSize, bytes.length - i)));
        }
        return meter.tokens();
    }

    private static void assertTokens(String answer, long expected) {
        for (int size : new int[] {1, 2, 3, 7, 16, 47, 48, 49, 100, 100_000}) {
            assertThat(read(answer, size)).as("pieces of %d bytes", size).isEqualTo(expected);
        }
    }

    @Test
    void scan_openAiChatAnswer_totalTokens() {
        assertTokens("""
                {"id":"x","choices":[{"message":{"role":"assistant","content":"hi"}}],\
                "usage":{"prompt_tokens":12,"completion_tokens":30,"total_tokens":42}}""", 42);
    }

    @Test
    void scan_openAiStreamWithUsageChunk_inAnyPieces() {
        assertTokens("""
                data: {"choices":[{"delta":{"content":"a"}}],"usage":null}

                data: {"choices":[],"usage":{"prompt_tokens": 120 ,"completion_tokens":  3,"total_tokens":123}}

                data: [DONE]

                """, 123);
    }

    @Test
    void scan_anthropicStream_inputAndTheLastOutputCount() {
        assertTokens("""
                event: message_start
                data: {"type":"message_start","message":{"usage":{"input_tokens":25,"output_tokens":1}}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}

                """, 40);
    }

    @Test
    void scan_ollamaLastLine_promptAndEvalCounts() {
        assertTokens("""
                {"message":{"content":"a"},"done":false}
                {"done":true,"prompt_eval_count":26,"eval_count":290}
                """, 316);
    }

    @Test
    void scan_modelWritesUsageInItsText_notCounted() {
        assertTokens("""
                {"choices":[{"message":{"content":"{\\"total_tokens\\": 99999, \\"eval_count\\":5}"}}],\
                "usage":{"prompt_tokens":1,"completion_tokens":2}}""", 3);
    }

    @Test
    void scan_noUsage_zero() {
        assertTokens("{\"choices\":[]}", 0);
    }
}
