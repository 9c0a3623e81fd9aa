package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markers written before a name, in each shape the marker pre-filter must let through. */
class AddressMarkerTest {

    private static List<String> addresses(String text) {
        List<Finding> out = new ArrayList<>();
        new AddressRecognizer().find(TextView.of(text), out);
        return out.stream().map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void find_oneLetterDottedAndHyphenatedMarkers_found() {
        assertThat(addresses("живёт: г. Астана, ул. Кенесары, д. 1, кв. 5"))
                .containsExactly("г. Астана, ул. Кенесары, д. 1, кв. 5");
        assertThat(addresses("адрес: Сайрам р-н, с. Карабулак, пр-т Абая 10")).isNotEmpty();
        assertThat(addresses("адрес: мкр. Самал-2, дом 5, г. Алматы"))
                .containsExactly("мкр. Самал-2, дом 5, г. Алматы");
    }

    @Test
    void find_capitalisedMarker_found() {
        assertThat(addresses("Ул. Кенесары, д. 1")).containsExactly("Ул. Кенесары, д. 1");
    }

    @Test
    void find_connectorWords_matchedAsWholeWordsOnly() {
        // connector() looks up the whole letter run: the longer "батыра" is one, "батырлар" and "bis" are none
        assertThat(addresses("ул. Богенбай батыра, д. 5")).containsExactly("ул. Богенбай батыра, д. 5");
        assertThat(addresses("Kazybek bi street 40, apt 7")).containsExactly("Kazybek bi street 40, apt 7");
        assertThat(addresses("ул. Богенбай батырлар, д. 5")).isEmpty();
        assertThat(addresses("Kazybek bis street 40")).isEmpty();
    }

    @Test
    void find_wordsThatOnlyStartLikeMarkers_noAddress() {
        assertThat(addresses("дома у города улыбаются проспекты по городу")).isEmpty();
    }
}
