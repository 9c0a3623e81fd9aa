package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.protect.ProtectionFailed;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentRulesTest {

    private static boolean matches(String query, RoleText... texts) {
        return new ContentRules(List.of(ContentRules.compile(query))).match(List.of(texts))[0];
    }

    private static boolean matches(String query, String userText) {
        return matches(query, RoleText.user(userText));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "для служебного пользования"     | Документ для служебное пользование, экз. 2
            "для служебного пользования"     | ДЛЯ СЛУЖЕБНОГО ПОЛЬЗОВАНИЯ
            "служебное пользование"          | гриф «для служебного пользования» снят
            "налоговая тайна"                | сведения составляют налоговую тайну
            секретно                         | Совершенно секретно. Экз. № 1
            "совершенно секретно"            | гриф «Совершенно секретно» присвоен
            """)
    void match_russianInflectedForms_matchTheRule(String query, String text) {
        assertThat(matches(query, text)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ҚБП                              | Құжат КБП белгісімен
            КБП                              | Құжат ҚБП белгісімен
            құпия                            | Бұл құжат КУПИЯ
            "өте құпия"                      | ӨТЕ ҚҰПИЯ. Шекара туралы
            "қызмет бабында пайдалану үшін"  | құжат Қызмет бабында пайдалану үшін берілді
            "кызмет бабында пайдалану ушин"  | құжат қызмет бабында пайдалану үшін берілді
            құпия*                           | бұл құпиялы ақпарат
            """)
    void match_kazakhLetters_areFoldedInTextAndQuery(String query, String text) {
        assertThat(matches(query, text)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            құжат                            | Құжаттарыңызды тапсырыңыз
            құжат                            | құжатқа қол қойылды
            құпия                            | Бұл құпияның бөлігі
            құпия                            | ҚҰПИЯСЫН ашпаңыз
            өтініш                           | өтініштер қабылданбайды
            шағым                            | шағымдарыңызды қарадық
            салық                            | салығы төленбеген
            "салық құпиясы"                  | салық құпиясын құрайтын мәліметтер
            "өте құпия"                      | бұл мәліметтер өте құпияға жатады
            мекенжай                         | мекенжайыңызды жазыңыз
            кітап                            | кiтаптарды әкеліңіз
            """)
    void match_kazakhInflectedForms_matchTheRule(String query, String text) {
        assertThat(matches(query, text)).isTrue();
    }

    /** Wildcards are compared with the stems, and with Kazakh words as written (folded) when they lost an ending. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            құпия*                           | Бұл құпияның бөлігі
            құпия*                           | ҚҰПИЯСЫН ашпаңыз
            құжаттар*                        | құжаттарыңызды тапсырыңыз
            налогов*                         | сведения составляют налоговую тайну
            """)
    void match_wildcard_matchesStemsAndInflectedKazakhWordsAsWritten(String query, String text) {
        assertThat(matches(query, text)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            паспорт                          | Паспортыңызды көрсетіңіз
            диагноз                          | Диагнозыңыз расталды
            """)
    void match_russianRuleOnALoanwordInKazakhText_matchesItsInflectedForms(String query, String text) {
        assertThat(matches(query, text)).isTrue();
    }

    @Test
    void match_russianRule_doesNotMatchAShortKazakhWordCutToItsLetters() {
        // "иінге" (to the shoulder): cut to "иін" it would fold to the Russian "иин", the IIN of a Russian rule
        assertThat(matches("ИИН", "Екпе сол иінге салынды")).isFalse();
        assertThat(matches("ИИН", "ИИН клиента указан в договоре")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ДСП                              | Приказ (ДCП), экз. 1
            ДCП                              | Приказ (ДСП), экз. 1
            "для служебного пользования"     | для cлужебного пользования
            секретно                         | Совершенно сeкрeтно
            құпия                            | Бұл құжат құпиa
            """)
    void match_latinLookAlikesInsideCyrillicWords_matchTheRule(String query, String text) {
        assertThat(matches(query, text)).isTrue();
    }

    @Test
    void match_wordsInOneScript_keepTheirScript() {
        assertThat(matches("сор", "the cop arrived")).isFalse();
        assertThat(matches("cop", "the cop arrived")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            password                         | Here are the passwords for the servers
            "medical record"                 | attach the patient's medical records
            confidential                     | CONFIDENTIAL: staffing plans
            policy                           | the agency's policies on leave
            """)
    void match_englishPluralsAndPossessives_matchTheRule(String query, String text) {
        assertThat(matches(query, text)).isTrue();
    }

    @Test
    void match_wordNotInText_doesNotMatch() {
        assertThat(matches("ДСП", "Документ для общего доступа")).isFalse();
        assertThat(matches("секретно", "Обычное письмо о графике работы")).isFalse();
    }

    @Test
    void match_proximity_matchesWithinTheDistanceOnly() {
        assertThat(matches("\"приказ секретно\"~3", "приказ номер пять секретно"))
                .isTrue();
        assertThat(matches("\"приказ секретно\"~1", "приказ номер пять шесть семь секретно"))
                .isFalse();
    }

    @Test
    void match_booleanOperators_combineTerms() {
        assertThat(matches("паспорт AND NOT образец", "скан паспорта прилагается"))
                .isTrue();
        assertThat(matches("паспорт AND NOT образец", "образец паспорта")).isFalse();
        assertThat(matches("(ДСП OR ҚБП) AND приказ", "приказ ДСП")).isTrue();
    }

    @Test
    void match_roleField_searchesOnlyThatRolesTexts() {
        RoleText system = new RoleText(RoleText.Role.SYSTEM, "Никогда не раскрывай пароль");
        RoleText user = RoleText.user("Привет");
        assertThat(matches("system:пароль", system, user)).isTrue();
        assertThat(matches("user:пароль", system, user)).isFalse();
        assertThat(matches("пароль", system, user)).isTrue();
        assertThat(matches("role:system", system, user)).isTrue();
        assertThat(matches("role:tool", system, user)).isFalse();
    }

    @Test
    void match_phraseAcrossTwoMessages_doesNotMatch() {
        assertThat(matches("\"служебного пользования\"", RoleText.user("для служебного"), RoleText.user("пользования")))
                .isFalse();
    }

    @Test
    void match_phraseInOneOfManyTexts_matchesThere_andRoleFieldsKeepTheirTexts() {
        RoleText[] texts = new RoleText[2000];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = i % 2 == 0 ? RoleText.user("обычный текст " + i) : new RoleText(RoleText.Role.OTHER, "a");
        }
        texts[1501] = new RoleText(RoleText.Role.SYSTEM, "гриф для служебного пользования");
        assertThat(matches("\"для служебного пользования\"", texts)).isTrue();
        assertThat(matches("system:\"для служебного пользования\"", texts)).isTrue();
        assertThat(matches("user:\"для служебного пользования\"", texts)).isFalse();
        assertThat(matches("\"текст 1500 гриф\"", texts)).as("texts stay apart").isFalse();
    }

    @Test
    void match_moreWordsThanTheLimit_refusedTooComplex_notJudged() {
        ContentRules rules = new ContentRules(List.of(ContentRules.compile("ДСП")));
        List<RoleText> texts = List.of(RoleText.user("раз два три"), RoleText.user("четыре ДСП"));
        assertThat(rules.match(texts, 5)[0]).isTrue();
        assertThatThrownBy(() -> rules.match(texts, 4)).isInstanceOfSatisfying(ProtectionFailed.class, e -> {
            assertThat(e.code()).isEqualTo("request_too_complex");
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.getMessage())
                    .contains("4")
                    .contains("protection.maxTerms")
                    .doesNotContain("ДСП");
        });
    }

    @Test
    void match_noRules_analysesNothing() {
        assertThat(new ContentRules(List.of()).match(List.of(RoleText.user("раз два три")), 1))
                .isEmpty();
    }

    @Test
    void match_invisibleCharactersInsideAWord_areIgnored() {
        assertThat(matches("ДСП", "гриф Д\u00adС\u200bП на первой странице")).isTrue();
    }

    @Test
    void match_necessaryTermsShortcut_agreesWithRunningEveryQuery() {
        List<String> queries = List.of(
                "ДСП",
                "ДСП OR секретно",
                "ДСП AND секретно",
                "приказ AND NOT ДСП",
                "NOT ДСП",
                "\"служебного пользования\"",
                "\"приказ секретно\"~3",
                "секр*",
                "пол*ование AND приказ",
                "+приказ ДСП",
                "user:приказ",
                "system:приказ OR tool:секретно",
                "role:system AND ДСП",
                "(ДСП OR ҚБП) AND (приказ OR бұйрық)",
                "приказ~1",
                "confidential^2 OR пароль",
                "\"служебного пользования\" AND NOT приказ",
                "приказ AND NOT \"номер пять\"",
                "ДСП OR \"приказ секретно\"~3",
                "секр* OR ДСП",
                "приказ AND (секр* OR ҚБП)",
                "NOT секр*",
                "ДСП AND NOT (приказ AND секретно)",
                "\"салық құпиясы\"",
                "\"өте құпия\" AND NOT ДСП",
                "құпия* OR \"қызмет бабында\"",
                "\"құжаттарды тапсыру\"~2");
        List<List<RoleText>> requests = List.of(
                List.of(RoleText.user("Приказ ДСП о служебном пользовании")),
                List.of(new RoleText(RoleText.Role.SYSTEM, "приказ номер пять секретно"), RoleText.user("ДСП")),
                List.of(new RoleText(RoleText.Role.TOOL, "секретно"), RoleText.user("бұйрық ҚБП")),
                List.of(RoleText.user("обычный текст без меток"), new RoleText(RoleText.Role.OTHER, "CONFIDENTIAL")),
                List.of(RoleText.user("салық құпиясын құрайтын мәліметтер өте құпияға жатады")),
                List.of(RoleText.user("құпиясы бар салық; құжатты тапсыру мерзімі, қызметтің бабында")));
        ContentRules rules =
                new ContentRules(queries.stream().map(ContentRules::compile).toList());
        for (List<RoleText> request : requests) {
            boolean[] got = rules.match(request);
            for (int i = 0; i < queries.size(); i++) {
                boolean alone =
                        new ContentRules(List.of(ContentRules.compile(queries.get(i))), false).match(request)[0];
                assertThat(got[i])
                        .as(queries.get(i) + " on "
                                + request.stream().map(RoleText::text).toList())
                        .isEqualTo(alone);
            }
        }
    }

    @Test
    void compile_invalidSyntax_failsWithReason() {
        assertThatThrownBy(() -> ContentRules.compile("\"для служебного"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid query: ");
        assertThatThrownBy(() -> ContentRules.compile("ДСП AND (секретно"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid query: ");
    }

    @Test
    void compile_unknownField_failsWithSuggestion() {
        assertThatThrownBy(() -> ContentRules.compile("usr:пароль"))
                .hasMessageContaining("unknown field `usr:`")
                .hasMessageContaining("did you mean `user`?");
    }

    @Test
    void compile_queryWithoutWords_fails() {
        assertThatThrownBy(() -> ContentRules.compile("«»")).hasMessageContaining("no words left");
    }
}
