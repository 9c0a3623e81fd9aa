package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordStartsTest {

    private static int[] list(TextView view, int list) {
        WordStarts starts = view.starts();
        return Arrays.copyOfRange(starts.sorted(), starts.first(list), starts.end(list));
    }

    @Test
    void lists_mixedText_eachStartSortedByItsFirstChars() {
        TextView view = TextView.of("Иван +7 (701) ул. Абая 5, sk-x id: 12 bob");
        assertThat(view.starts().all()).startsWith(0, 5, 6, 8, 9, 14, 18, 23, 26, 28, 29, 31, 33, 35, 38);
        assertThat(list(view, WordStarts.NUMBER)).containsExactly(5, 6, 8, 9, 23, 35);
        assertThat(list(view, WordStarts.CAPITAL)).containsExactly(0, 18);
        assertThat(list(view, WordStarts.ADDRESS))
                .contains(0, 6, 9, 14, 18, 23, 35)
                .doesNotContain(5, 8, 28, 33);
        assertThat(list(view, WordStarts.CODE)).containsExactly(6, 9, 23, 26, 28, 29, 33, 35, 38);
        assertThat(list(view, WordStarts.CUE)).contains(14);
    }

    @Test
    void lists_noWords_empty() {
        TextView view = TextView.of("... !!");
        for (int list = WordStarts.NUMBER; list <= WordStarts.CUE; list++) {
            assertThat(list(view, list)).isEmpty();
        }
    }

    @Test
    void cueList_everyCueOfTheListedIndexes_listedWhereItBegins() {
        for (String cue : List.of(
                "меня зовут",
                "атым",
                "password",
                "құпия сөз",
                "api_key",
                "удостоверение личности",
                "жеке куәлік",
                "id card",
                "туған күні",
                "date of birth",
                "г.р",
                "ж. т.")) {
            TextView view = TextView.of("x " + cue.toUpperCase() + " 1");
            assertThat(list(view, WordStarts.CUE)).as(cue).contains(2);
        }
    }

    @Test
    void lists_capitalPastTheScanTable_listedAsCapital() {
        TextView view = TextView.of("x \u0531\u0580\u0561\u0574 \u0561\u0580"); // Armenian: past U+0530
        assertThat(list(view, WordStarts.CAPITAL)).containsExactly(2);
        assertThat(list(view, WordStarts.ADDRESS)).contains(2).doesNotContain(7);
        assertThat(WordStarts.listsOf('\u0531')).isEqualTo(1 << WordStarts.CAPITAL | 1 << WordStarts.ADDRESS);
    }

    @Test
    void addressList_lowerCaseMarker_listed() {
        TextView view = TextView.of("в г. Астана, р-н Есиль, дом 5");
        assertThat(list(view, WordStarts.ADDRESS)).contains(2, 13, 24);
    }

    @Test
    void addressList_lowerCaseWordOfOtherCuesOnly_notListed() {
        TextView view = TextView.of("x password 1");
        assertThat(list(view, WordStarts.CUE)).contains(2);
        assertThat(list(view, WordStarts.ADDRESS)).doesNotContain(2).contains(11);
    }

    @Test
    void find_indexNotCoveredByTheList_stillWalksEveryStart() {
        CueIndex index = new CueIndex("qq");
        assertThat(WordStarts.cueBitOf(index)).isZero();
        List<Integer> found = new ArrayList<>();
        index.find(TextView.of("aa qqq qq"), (at, cue) -> found.add(at));
        assertThat(found).containsExactly(3, 7);
    }

    @Test
    void find_listedIndexesSharingTheCueList_eachFindsOnlyItsOwnCues() {
        TextView view = TextView.of("Password: x. Меня зовут Ия, пароль y, атым Ия");
        List<String> introductions = new ArrayList<>();
        PersonRecognizer.INTRODUCTIONS.find(view, (at, cue) -> introductions.add(at + " " + cue));
        List<String> labels = new ArrayList<>();
        SecretRecognizer.LABEL_INDEX.find(view, (at, cue) -> labels.add(at + " " + cue));
        assertThat(introductions).containsExactly("13 меня зовут", "38 атым");
        assertThat(labels).contains("0 password", "28 парол").noneMatch(hit -> hit.contains("зовут"));
    }

    @Test
    void ats_atSigns_listedInOrder() {
        TextView view = TextView.of("a@b.kz, @ c@d");
        WordStarts starts = view.starts();
        assertThat(Arrays.copyOf(starts.ats(), starts.atCount())).containsExactly(1, 8, 11);
    }
}
