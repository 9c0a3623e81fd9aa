package io.qorgan.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void split_surrogatePairs_neverCutInsideACharacter() {
        String text = "a😀b🇰🇿сә";

        List<String> pieces = Chunks.split(text, 2);

        assertThat(pieces).containsExactly("a😀", "b\uD83C\uDDF0", "\uD83C\uDDFFс", "ә");
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void split_emptyText_givesNoPieces() {
        assertThat(Chunks.split("", 4)).isEmpty();
    }

    @Test
    void split_fewerCodePointsThanChunk_givesOnePiece() {
        assertThat(Chunks.split("Сәл", 4)).containsExactly("Сәл");
    }
}
