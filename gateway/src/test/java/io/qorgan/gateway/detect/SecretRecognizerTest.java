package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets by assignment, label, shape, key word and URL (issue 15); every value here is made up for the test. */
class SecretRecognizerTest {

    private static final Detector DETECTOR =
            Detector.create(DetectorSettings.defaults().withEnabledTypes(EnumSet.of(EntityType.SECRET)));

    private static List<String> secrets(String text) {
        List<String> values = new ArrayList<>();
        for (Finding f : DETECTOR.detect(text)) {
            values.add(text.substring(f.start(), f.end()));
        }
        return values;
    }

    @Test
    void detect_envAndShellAssignments_valueFound() {
        assertThat(secrets("APP_DB_PASS=q7Lm!2zR\nAPP_DB_NAME=cases")).containsExactly("q7Lm!2zR");
        assertThat(secrets("export NOTIFY_API_TOKEN=\"Zr81kQpW3vNc0aTy55mBxE2d\""))
                .containsExactly("Zr81kQpW3vNc0aTy55mBxE2d");
        assertThat(secrets("set ARCHIVE_SECRET=9f1c0e7ab44d02c3b8e6a1f09d27c5e4"))
                .containsExactly("9f1c0e7ab44d02c3b8e6a1f09d27c5e4");
        assertThat(secrets("MYSQL_PWD='x$Tb8#nP0q'")).containsExactly("x$Tb8#nP0q");
        assertThat(secrets("PGPASSWORD=Hq4wZ8pLx1 psql -U audit")).containsExactly("Hq4wZ8pLx1");
    }

    @Test
    void detect_codeWordAfterItsLabelInProse_found() {
        assertThat(secrets("Клиент сверен по удостоверению, кодтық сөз Қарлығаш84 сәйкес келеді"))
                .containsExactly("Қарлығаш84");
        assertThat(secrets("Кодовое слово вкладчика Омарова Д. для звонков в банк: черешня1991. Подпись"))
                .containsExactly("черешня1991");
        assertThat(secrets("кодовое слово клиента сменено по заявлению: уточните у оператора"))
                .isEmpty();
    }

    @Test
    void detect_loginEmailAfterPasswordWord_notSecret() {
        assertThat(secrets("WARN auth: неверный пароль для логина s.abenova1990@mail.kz, блокировка через 2 попытки"))
                .isEmpty();
        assertThat(secrets("пароль для логина k.zhaksylykov77@gov.kz сброшен администратором"))
                .isEmpty();
        assertThat(secrets("пароль: Pa@ss.9xLq, логин m.ospanova@gov.kz"))
                .as("a password with an at sign and a dot is still one")
                .containsExactly("Pa@ss.9xLq");
    }

    @Test
    void detect_yamlAndJsonKeys_valueFound() {
        assertThat(secrets("mail:\n  smtp_password: \"Wq9!fe2LpA\"\n  port: 587"))
                .containsExactly("Wq9!fe2LpA");
        assertThat(secrets("storage:\n  accessKey: archive-reader\n  secretKey: m2Kp9XqL0vB7tR4wZ1yN8cF3dH6jS5gA"))
                .containsExactly("m2Kp9XqL0vB7tR4wZ1yN8cF3dH6jS5gA");
        assertThat(secrets("{\"app\": \"cabinet\", \"webhook_secret\": \"Vt5rQ1nM8kZ2pL7wX0cB4dF9\"}"))
                .containsExactly("Vt5rQ1nM8kZ2pL7wX0cB4dF9");
        assertThat(secrets("headers: {\"X-Auth-Token\": \"0c1e5a9f27b84d3e6f10a2c7d9b5e8f4\"}"))
                .containsExactly("0c1e5a9f27b84d3e6f10a2c7d9b5e8f4");
    }

    @Test
    void detect_redisUrlWithoutUser_passwordFound() {
        assertThat(secrets("REDIS_URL=redis://:R3dis!Pass@10.0.0.7:6379/0")).containsExactly("R3dis!Pass");
        assertThat(secrets("see https://:8080@example.kz/path")).isEmpty();
    }

    @Test
    void detect_placeholdersAndPlainValues_nothingFound() {
        assertThat(secrets("DB_PASSWORD=${DB_PASSWORD}\nAPI_KEY=<ключ сюда>\nSECRET_KEY=\nTOKEN_TTL=3600"))
                .isEmpty();
        assertThat(secrets("password: \"{{ vault_password }}\"\npassword: ********"))
                .isEmpty();
        assertThat(secrets("accessKey: reports-bucket\nmax_tokens: 1024\npassport_series: N12"))
                .isEmpty();
        assertThat(secrets("image: registry.local/portal:2.4.1.7 digest sha256:"
                        + "3c1f0d9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d"))
                .isEmpty();
    }

    @Test
    void detect_vendorStyleKeys_foundWithoutALabel() {
        assertThat(secrets("боевой: ab_live_Q2w8Er5Ty1Ui9Op3As7Df0 , тестовый позже"))
                .containsExactly("ab_live_Q2w8Er5Ty1Ui9Op3As7Df0");
        assertThat(secrets("sandbox key sbx_7GhT2kLp9QwE4rZx1VbN8mCd")).containsExactly("sbx_7GhT2kLp9QwE4rZx1VbN8mCd");
        assertThat(secrets("staging stg_Lk3Mn8Qp2Rs7Tu1Vw6Xy0Za4")).containsExactly("stg_Lk3Mn8Qp2Rs7Tu1Vw6Xy0Za4");
        assertThat(secrets("call get_userAccountSettings2024 first")).isEmpty();
        // a mode word says key on its own: sixteen random chars will do after it, not after an environment
        assertThat(secrets("API ключ шлюза, который светился в логе: smsgw_live_4Hq9Zt7PvX2mKr8L"))
                .containsExactly("smsgw_live_4Hq9Zt7PvX2mKr8L");
        assertThat(secrets("staging stg_Lk3Mn8Qp2Rs7Tu1V then")).isEmpty();
        assertThat(secrets("object resp_live_Lk3Mn8Qp2R done")).isEmpty();
    }

    @Test
    void detect_keyWordBeforeHexOrBase64_found() {
        assertThat(secrets("Ключ подписи: 4f2a9c0e1b7d3f5a8c6e2b0d9f1a3c5e"))
                .containsExactly("4f2a9c0e1b7d3f5a8c6e2b0d9f1a3c5e");
        assertThat(secrets("Архивтің кілті 7Hk2Pq9Lx0Zr4Tm1Wv8Nc3Bd6Fs5Gj2Ya0Qe7Rx1Uo="))
                .containsExactly("7Hk2Pq9Lx0Zr4Tm1Wv8Nc3Bd6Fs5Gj2Ya0Qe7Rx1Uo=");
        assertThat(secrets("the signing key = 0d8e2f4a6c1b3e5d7f9a0c2e4b6d8f1a3c5e7b9d"))
                .containsExactly("0d8e2f4a6c1b3e5d7f9a0c2e4b6d8f1a3c5e7b9d");
        assertThat(secrets("контрольная сумма файла 4f2a9c0e1b7d3f5a8c6e2b0d9f1a3c5e"))
                .isEmpty();
    }

    @Test
    void detect_passwordsInProse_found() {
        assertThat(secrets("The new password is Rm4#kq8Lz, please change it")).containsExactly("Rm4#kq8Lz");
        assertThat(secrets("пароль от кабинета Tq7wE2rYx, не теряйте")).containsExactly("Tq7wE2rYx");
        assertThat(secrets("Wi-Fi желісінің құпия сөзі: Kz2024!Guest")).containsExactly("Kz2024!Guest");
        assertThat(secrets("wifi password is Nn8$Qw3eRt (network: Hall_2)")).containsExactly("Nn8$Qw3eRt");
        assertThat(secrets("Пароль должен содержать не менее 12 символов")).isEmpty();
    }

    @Test
    void detect_wifiPasswordsCommandOptionsAndAnswersOnTheNextLine_found() {
        assertThat(secrets("Wi-Fi в переговорной: Tq83mVz2pL")).containsExactly("Tq83mVz2pL");
        assertThat(secrets("$ mysql -u admin -p'Rw7#kd92Lp' -h db.local crm")).containsExactly("Rw7#kd92Lp");
        assertThat(secrets("— Вайфай паролі?\n— Dq4nV82kPz\n— Рахмет")).containsExactly("Dq4nV82kPz");
        assertThat(secrets("Пароль:\nWm39xQa7Lk")).containsExactly("Wm39xQa7Lk");
        assertThat(secrets("Временный пароль: 48213977, смените после входа")).containsExactly("48213977");
        assertThat(secrets("Пароль должен быть не короче 12345678 символов")).isEmpty();
    }

    @Test
    void detect_passwordAskedAboutAndAnsweredNextTurnOrADoorCodeAfterItsSign_found() {
        assertThat(secrets("Ерж: сайттың admin паролін білесің бе?\nМакс: иә, S@ule_site_88, но лучше смени"))
                .containsExactly("S@ule_site_88");
        assertThat(secrets("пароль от ноута какой?\nтам Windows10 стоит")).isEmpty();
        assertThat(secrets("Код на двери 112*40, поднимешься на шестой.")).containsExactly("112*40");
        assertThat(secrets("подъезд коды 3390К, ескісі енді ашпайды")).containsExactly("3390К");
        assertThat(secrets("айтпақшы, есік коды 4417* болып ауысты")).containsExactly("4417*");
        assertThat(secrets("Шымкент, Нұрсәт 2, 45 үй, 3 подъезд, коды 45*0918")).containsExactly("45*0918");
        assertThat(secrets("Рысқұлов көшесі 33, ворота жасыл. Кодовый замок 3366"))
                .containsExactly("3366");
    }

    @Test
    void detect_codeWordJoinedByAHyphenAnsweredNextTurn_whole() {
        assertThat(secrets("[09:31] Оператор: Кодтық сөзіңіз?\n[09:32] Клиент: Балхаш-1990"))
                .containsExactly("Балхаш-1990");
        assertThat(secrets("Оператор: Кодовое слово?\nКлиент: апельсин-апельсин"))
                .containsExactly("апельсин-апельсин");
    }

    @Test
    void detect_numberNamedAsAnotherThingAfterPasswordWord_notSecret() {
        assertThat(secrets("пароль сбросил, номер заказа 5512338912, ошибка 502"))
                .isEmpty();
        assertThat(secrets("құпия сөзді ауыстырдым, өтініш нөмірі 4410872315")).isEmpty();
        assertThat(secrets("пароль от вайфая 83104477")).containsExactly("83104477");
    }

    @Test
    void detect_networkNamesStandardsAndEmailsNearLabels_notSecrets() {
        assertThat(secrets("Wi-Fi: сеть «Guest_5G», пароль Hn47qLx2Vb")).containsExactly("Hn47qLx2Vb");
        assertThat(secrets("Wi-Fi: Office_5G, пароль у администратора")).isEmpty();
        assertThat(secrets("Поддерживается Wi-Fi 802.11ac и Bluetooth 5.0.")).isEmpty();
        assertThat(secrets("Action: token revoked, user contacted at a.serikova88@mail.kz."))
                .isEmpty();
        assertThat(secrets("$ mysql -u root -p\"$DB_PASSWORD\" crm")).isEmpty();
    }

    @Test
    void detect_vaultTelegramAndUrlCredentials_found() {
        assertThat(secrets("VAULT_ADDR=https://vault.local\ntoken hvs.Q1w2E3r4T5y6U7i8O9p0Asdf"))
                .containsExactly("hvs.Q1w2E3r4T5y6U7i8O9p0Asdf");
        assertThat(secrets("bot 6123456789:AAFq2Lk9Zx7Wm3Np8Qr1Ts5Uv0Yb4Cd6Ee"))
                .containsExactly("6123456789:AAFq2Lk9Zx7Wm3Np8Qr1Ts5Uv0Yb4Cd6Ee");
        assertThat(secrets("jdbc url postgresql://svc_app:Pz8!wq3Lk@127.0.0.1:5432/app"))
                .containsExactly("Pz8!wq3Lk");
        assertThat(secrets("https://docs.example.org:8443/path")).isEmpty();
    }

    /** Requests carry the ids of earlier answers back (a Responses continuation, tool results); they are no keys. */
    @Test
    void detect_idsOfApiObjects_notSecrets() {
        assertThat(secrets("{\"previous_response_id\":\"resp_67cb71b351908190a308f3859487620d06981a8637e6f5b6\"}"))
                .isEmpty();
        assertThat(secrets("{\"tool_call_id\":\"call_Xq9fL2kP7wZ4mN8vB1cT6yR3\"}"))
                .isEmpty();
        assertThat(secrets("{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01A09q90qw90lq917835lq9X\"}"))
                .isEmpty();
        assertThat(secrets("{\"id\":\"msg_013Zva2CMHLNnXjNJJKqJ2EF\",\"type\":\"message\"}"))
                .isEmpty();
        assertThat(secrets("staging key stg_Rt5yU8iO2pA4sD6fG9hJ1kL3")).containsExactly("stg_Rt5yU8iO2pA4sD6fG9hJ1kL3");
    }

    @Test
    void detect_commandLineCredentials_passwordFound() {
        assertThat(secrets("curl -u admin:Hq72mLx9Vb https://10.1.1.1/api")).containsExactly("Hq72mLx9Vb");
        assertThat(secrets("curl --user 'svc:Pw-83kd!Lz' https://api.local")).containsExactly("Pw-83kd!Lz");
        assertThat(secrets("mysql -h db -u root -pKl93_xQz2 crm")).containsExactly("Kl93_xQz2");
        assertThat(secrets("sshpass -p 'Mz8#qL2wX' ssh ops@app")).containsExactly("Mz8#qL2wX");
        assertThat(secrets("docker login reg.local -u ci -p Vt5nQ8wLz2")).containsExactly("Vt5nQ8wLz2");
    }

    @Test
    void detect_portsPathsFlagsAndIds_notCommandLineCredentials() {
        assertThat(secrets("docker run -p 8080:80 -u 1000:1000 nginx")).isEmpty();
        assertThat(secrets("mkdir -p /opt/app2 && gcc -pthread main.c")).isEmpty();
        assertThat(secrets("ssh -p 2222 ops@host; git push -u origin main")).isEmpty();
        assertThat(secrets("mysql -u root -p crm")).isEmpty();
    }

    @Test
    void detect_basicAuthPassPhrasesAndWifiDigits_found() {
        assertThat(secrets("Authorization: Basic YWRtaW46S3o3MiFtbnE5")).containsExactly("YWRtaW46S3o3MiFtbnE5");
        assertThat(secrets("the pass is Steppe2025! for the mailbox")).containsExactly("Steppe2025!");
        assertThat(secrets("пароль от вайфая 20461937, сеть Home")).containsExactly("20461937");
        assertThat(secrets("Authorization: Basic <base64>, password policy: 12 chars"))
                .isEmpty();
        assertThat(secrets("Пароль должен содержать 10000000 символов? Нет.")).isEmpty();
    }

    @Test
    void detect_moreVendorPrefixes_foundWhenTheBodyLooksRandom() {
        assertThat(secrets("token hf_Xq2LmZ7rTp4WvB8nCy3dGh6jSa1UeKoPiQ leaked"))
                .containsExactly("hf_Xq2LmZ7rTp4WvB8nCy3dGh6jSa1UeKoPiQ");
        assertThat(secrets("whsec_Lm72QpXz9RtV4wBn8CsYd3Gh in the script"))
                .containsExactly("whsec_Lm72QpXz9RtV4wBn8CsYd3Gh");
        assertThat(secrets("key=AIzaSyC8mQ2xLp9Vw3Rt7Zk4Nb6Hd1Fj5Gs0Ey"))
                .containsExactly("AIzaSyC8mQ2xLp9Vw3Rt7Zk4Nb6Hd1Fj5Gs0Ey");
        assertThat(secrets("npm_Tk38LqZ9mW2xRv7Bn4Cs6Dy1Fg5Hj0KpQw8E"))
                .containsExactly("npm_Tk38LqZ9mW2xRv7Bn4Cs6Dy1Fg5Hj0KpQw8E");
        assertThat(secrets("SG.Kq2LmXz7RtP4wVb8NcYd3G.hJ6sEa1UfQpWmXzLrTy"))
                .containsExactly("SG.Kq2LmXz7RtP4wVb8NcYd3G.hJ6sEa1UfQpWmXzLrTy");
        assertThat(secrets("from huggingface_hub import hf_hub_download_with_retries_enabled"))
                .isEmpty();
    }

    @Test
    void detect_passwordAndTokenColumns_cellsFound() {
        String table =
                "| Сервис | Логин | Пароль |\n|---|---|---|\n| Jira | intern07 | Lk-Intern-42 |\n| VPN | intern07 | vpn_Zim4!x |";
        assertThat(secrets(table)).containsExactly("Lk-Intern-42", "vpn_Zim4!x");
        String csv = "name;api_key;host\nA. K.;QX7-4M2Z-8LRT-3WVN-9KPB;web01\nB. S.;QX7-1H8Y-5JDF-2GAE-7TUQ;web02";
        assertThat(secrets(csv)).containsExactly("QX7-4M2Z-8LRT-3WVN-9KPB", "QX7-1H8Y-5JDF-2GAE-7TUQ");
        assertThat(secrets("| Пользователь | Пароль |\n|---|---|\n| admin | ******** |\n| ops | <в Vault> |"))
                .isEmpty();
    }

    @Test
    void detect_passwordWordInARowNotTheHeader_cellsBelowNotTaken() {
        String fields =
                "| Field | Description | Example |\n|---|---|---|\n| Password | Minimum 12 chars | (not shown) |\n"
                        + "| API key | Issued by admin | YOUR_API_KEY |\n| Address | Office address | see company profile |";
        assertThat(secrets(fields)).isEmpty();
    }

    @Test
    void detect_passwordsAnsweredOrListedOnTheNextLines_found() {
        assertThat(secrets("скинь плиз пароль от бухгалтерии\nсейчас\nBuh_2025-Q1\nспасибо!"))
                .containsExactly("Buh_2025-Q1");
        assertThat(secrets("вайфайдың құпия сөзі қандай еді\nsaule777kz\nрахмет!"))
                .containsExactly("saule777kz");
        assertThat(secrets("Найдены пароли на стикерах:\nфилиал Абая 12 — Filial_Ab12\nпочта: pochta_2019x"))
                .containsExactly("Filial_Ab12", "pochta_2019x");
        assertThat(secrets("Вёл себя, как просил пароль, тут же.\nТикет INC-20394 закрыт\nsshd[2214]: ok"))
                .isEmpty();
        assertThat(secrets("ADMIN_PASSWORD=<құпия сөз осында>\nGIT_SHA=86516cd59894d34941d93a16f329213951b69211"))
                .isEmpty();
        assertThat(secrets("Пароль сменили вчера.\n\nreport_2024.pdf во вложении, commit: 9fceb02d0ae598e95dc9"))
                .isEmpty();
    }

    @Test
    void detect_strongPasswordFurtherFromItsLabel_found() {
        assertThat(secrets("продиктовала пароль от клиент-банка, записываю, чтобы настроить: Zh#Bank1961x."))
                .containsExactly("Zh#Bank1961x");
        assertThat(secrets("пароль от клиент-банка мы меняли в прошлом месяце, тикет был abc12345 или такой"))
                .isEmpty();
    }

    @Test
    void detect_base32SeedsAndMadeUpValuesOfSecretNames_found() {
        assertThat(secrets("OTP_SECRET=KRSXG5CTMV3XEZ2UKN2XAZLSKNSWG4TF"))
                .containsExactly("KRSXG5CTMV3XEZ2UKN2XAZLSKNSWG4TF");
        assertThat(secrets("WEBHOOK_SECRET=EGOVHOOKVALUE2026")).containsExactly("EGOVHOOKVALUE2026");
        assertThat(secrets("SORT_KEY=CREATED_AT_DESC\nSECRET_NAME=db-creds-2024\nTOKEN_TTL=3600"))
                .isEmpty();
        assertThat(secrets("JWT_SECRET_FILE=/run/secrets/jwt2024.pem")).isEmpty();
    }

    @Test
    void detect_passSlangHtpasswdAndPgpassLines_found() {
        assertThat(secrets("роутер 192.168.0.1 пасс keenetic_77")).containsExactly("keenetic_77");
        assertThat(secrets("пассажир Kz12345 вышел, пассивы 2024")).isEmpty();
        assertThat(secrets("htpasswd -bc /etc/nginx/.htpasswd viewer V1ew#er2025"))
                .containsExactly("V1ew#er2025");
        assertThat(secrets("htpasswd -c /etc/nginx/.htpasswd viewer")).isEmpty();
        assertThat(secrets("db1.local:5432:reports:analyst:An4lyst!db\n*:*:*:replica:Repl_2024x"))
                .containsExactly("An4lyst!db", "Repl_2024x");
        assertThat(secrets("uptime:12:30:45:done")).isEmpty();
    }

    @Test
    void detect_digitsRightAfterAPasswordWord_found() {
        assertThat(secrets("пароль от телефона, пароль 240563, не забудь")).containsExactly("240563");
        assertThat(secrets("пароль — 771093")).containsExactly("771093");
        assertThat(secrets("пароль из 123456 символов, пароль 2024 года, пароль 8 символов"))
                .isEmpty();
    }

    @Test
    void detect_plainOneClassPasswordAfterItsColonOrName_found() {
        assertThat(secrets("логин: operator\nпароль: sunshine")).containsExactly("sunshine");
        assertThat(secrets("DB_PASSWORD=postgres\nDB_USER=app")).containsExactly("postgres");
        assertThat(secrets("password: required\nPassword: optional\npassword: string"))
                .isEmpty();
        assertThat(secrets("пароль: sunshine потом сменю")).isEmpty();
    }

    @Test
    void detect_privateKeyPastedWithoutItsFooter_bodyCovered() {
        String pasted = "pasted in #general:\n-----BEGIN OPENSSH PRIVATE KEY-----\n"
                + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdz\n...\nwhose is it?";
        assertThat(secrets(pasted))
                .containsExactly("-----BEGIN OPENSSH PRIVATE KEY-----\n"
                        + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdz");
        assertThat(secrets("-----BEGIN PGP PRIVATE KEY BLOCK-----\nkey pasted by mistake, deleted"))
                .containsExactly("-----BEGIN PGP PRIVATE KEY BLOCK-----");
    }

    @Test
    void detect_derPrivateKeyBodyOrSlackWebhook_found() {
        assertThat(secrets("SSH_PRIVATE_KEY құрамы: MIIEpAIBAAKCAQEAuK3x8tQyo1ZcJmD0wLhVbn5sRfE2gYaP9qWe..."))
                .containsExactly("MIIEpAIBAAKCAQEAuK3x8tQyo1ZcJmD0wLhVbn5sRfE2gYaP9qWe");
        assertThat(secrets("cert body: MIIDdzCCAl+gAwIBAgIUJ2k9xQ7Lr0cPa8vT3mN5bW1zYkEwDQYJ"))
                .isEmpty();
        assertThat(secrets("SLACK=https://hooks.slack.com/services/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 ok"))
                .containsExactly("https://hooks.slack.com/services/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");
        assertThat(secrets("posted hooks.slack.com/services/T04Q8/B07L2/xZ9kQ2mWv7Lr4Tn1Bp8Hc3 in #general"))
                .containsExactly("hooks.slack.com/services/T04Q8/B07L2/xZ9kQ2mWv7Lr4Tn1Bp8Hc3");
        assertThat(secrets("docs: https://hooks.slack.com/services/ and api.slack.com/messaging/webhooks"))
                .isEmpty();
    }

    @Test
    void detect_appPasswordOfFourGroupsAssigned_wholeValueFound() {
        assertThat(secrets("SMTP_USER=portal@mektep.kz\nSMTP_PASSWORD=zxpl qrmt vbnw ahsd\nSMTP_PORT=587"))
                .containsExactly("zxpl qrmt vbnw ahsd");
        assertThat(secrets("mail:\n  password: \"abcd efgh ijkl mnop\"")).containsExactly("abcd efgh ijkl mnop");
        // words that only begin like one: not an app password
        assertThat(secrets("SMTP_PASSWORD=see the vault note")).isEmpty();
    }

    @Test
    void detect_appPasswordAfterALabel_foundUnlessEveryGroupIsAWord() {
        assertThat(secrets("пароль приложения: hxkd wprm tyqe zbcf")).containsExactly("hxkd wprm tyqe zbcf");
        assertThat(secrets("Gmail app password — qwer tyui opas dfgh")).containsExactly("qwer tyui opas dfgh");
        // four words of four letters, each with a vowel: prose
        assertThat(secrets("the password is long gone from here")).isEmpty();
    }

    @Test
    void detect_preSharedKeyRedisPasswordOrLoginThenPassword_passwordFound() {
        assertThat(secrets("the VPN profile with PSK vpn-psk-7Hq2LxP9 saved")).containsExactly("vpn-psk-7Hq2LxP9");
        assertThat(secrets("redis-cli -h 10.0.12.9 -a Rds_Asylan_2024 ping")).containsExactly("Rds_Asylan_2024");
        assertThat(secrets("auth-user-pass: e.ospan / Vpn_Erasyl#77")).containsExactly("Vpn_Erasyl#77");
        assertThat(secrets("ls -a /tmp; grep -a pattern file; PSK mode is on")).isEmpty();
        assertThat(secrets("пароль: Asel_2024k / доступ до пятницы")).containsExactly("Asel_2024k");
    }

    @Test
    void detect_imageTagOrPortUnderAPasswordQuestion_notAPassword() {
        String compose = "кто поставил в docker-compose пароль открытым текстом?\n```\n  postgres:\n"
                + "    image: postgres:15\n    environment:\n      POSTGRES_PASSWORD: pgAdm1n_7731\n```";
        assertThat(secrets(compose)).containsExactly("pgAdm1n_7731");
    }

    @Test
    void detect_passwordChangedToANewOneLinesLater_bothFound() {
        assertThat(secrets("пароль от роутера Adm1n_RT_55 не подходит\nего гоша менял на Gosha_router#1\nага"))
                .containsExactly("Adm1n_RT_55", "Gosha_router#1");
        assertThat(secrets("құпия сөзің Botik_2001 емес пе?\nжоқ мен ауыстырдым Bota!2024kz\nок"))
                .containsExactly("Botik_2001", "Bota!2024kz");
        assertThat(secrets("пароль Adm1n_RT_55 не подходит\nего менял на прошлой неделе, новый офис на Abay_St 12"))
                .containsExactly("Adm1n_RT_55");
        assertThat(secrets("роутер менял на TP-Link, пароль не помню")).isEmpty();
    }

    @Test
    void detect_phpConstantDefinedWithASecretsName_valueFound() {
        assertThat(secrets("define('DB_PASSWORD', 'Qz8_wpDb!2024');")).containsExactly("Qz8_wpDb!2024");
        assertThat(secrets("define( \"NONCE_KEY\", \"k#9Lm2@Pq7!Vx4$Rt1&Ws5\" );"))
                .containsExactly("k#9Lm2@Pq7!Vx4$Rt1&Ws5");
        assertThat(secrets("define('WP_DEBUG', 'false'); define('DB_NAME', 'wordpress');"))
                .isEmpty();
        assertThat(secrets("define('DB_PASSWORD', getenv('DB_PASSWORD'));")).isEmpty();
    }

    @Test
    void detect_valueOfAnotherKeyOrAnAssignmentAfterALabel_notTheLabelsSecret() {
        assertThat(secrets("{\"password\": \"<hidden>\", \"build\": \"a91f03c7\"}"))
                .isEmpty();
        assertThat(secrets("{\"password\": \"Rt_77!qaz\", \"user\": \"admin\"}"))
                .containsExactly("Rt_77!qaz");
        assertThat(secrets("поставь password: \"{{ db_pass }}\" и TOKEN_SECRET=zzzzzzzzzzzzzzzz в примере"))
                .isEmpty();
    }

    @Test
    void detect_commitHashAfterAKeyWord_notASecret() {
        assertThat(secrets("ключи не меняли, коммит 3f1a9c0e7b2d45f6a8c9e0d1b2a3f4c5d6e7f809 всё сломал"))
                .isEmpty();
        assertThat(secrets("the key rotation landed in commit: 3f1a9c0e7b2d45f6a8c9e0d1b2a3f4c5d6e7f809"))
                .isEmpty();
        assertThat(secrets("ключ 3f1a9c0e7b2d45f6a8c9e0d1b2a3f4c5d6e7f809"))
                .containsExactly("3f1a9c0e7b2d45f6a8c9e0d1b2a3f4c5d6e7f809");
    }

    @Test
    void detect_cookieNamedValue_found() {
        assertThat(secrets("rabbitmq:\n  auth:\n    erlangCookie: Qm7Zt2Lx9Pw4Rk8Vn3Hc"))
                .containsExactly("Qm7Zt2Lx9Pw4Rk8Vn3Hc");
        assertThat(secrets("SESSION_COOKIE=true")).isEmpty();
    }

    @Test
    void detect_nginxBasicHeaderTotpSeedAndPwIs_found() {
        assertThat(secrets("proxy_set_header Authorization \"Basic b3BzOlF6N19uZ2lueF8yMDI2\";"))
                .containsExactly("b3BzOlF6N19uZ2lueF8yMDI2");
        assertThat(secrets("- TOTP seed для VPN: KRSXG5CTMV3XEZ2U — перевыпущен"))
                .containsExactly("KRSXG5CTMV3XEZ2U");
        assertThat(secrets("the staging db pw is honestly Winter2025! smh")).containsExactly("Winter2025!");
        assertThat(secrets("TOTP включили всем, seed выдаёт приложение")).isEmpty();
    }

    @Test
    void detect_chatThreadAfterPasswordQuestion_laterPasswordsFound() {
        assertThat(secrets("дай пароль от принтера\nне помню\nPrn_3etazh! вроде\nне то\nтогда Prn_3etazh!! попробуй"))
                .containsExactly("Prn_3etazh!", "Prn_3etazh!!");
        assertThat(secrets("скинь пароль от ютуба\nYt_Home_2024\nне подходит\nсорри, сменила, теперь Yt_Home_2025"))
                .containsExactly("Yt_Home_2024", "Yt_Home_2025");
        assertThat(secrets("напомни логин пароль от склада\nсклад2 / sklad7741\nа от 1с?\nтам Odin_C#44, но тихо"))
                .containsExactly("sklad7741", "Odin_C#44");
        assertThat(secrets("what's the wifi pw upstairs\nLoft_Net#5\nand for visitors?\nvisitors get hello2almaty"))
                .containsExactly("Loft_Net#5", "hello2almaty");
    }

    @Test
    void detect_passwordWithNoLabelNear_foundWhenItMixesAllFourKinds() {
        assertThat(secrets("DB_PASSWORD=${DB_PASSWORD} в шаблоне, а на проде стоит tjViqmv1f7#^n — надо убрать."))
                .containsExactly("tjViqmv1f7#^n");
        assertThat(secrets("jess: its Blu3-Herring!88, host 192.168.40.21")).containsExactly("Blu3-Herring!88");
        assertThat(secrets("на втором сервере Vm_R00t#26, как обычно")).containsExactly("Vm_R00t#26");
        // three kinds, code, a path, a regex, a handle or a placeholder: none
        for (String text : List.of(
                "новый Kassa-1207, старый не работает",
                "if (a!=0&&B2) return;",
                "см. C:\\Users\\Admin2#\\docs",
                "шаблон ^[A-Z]{2}\\d{6}$ для номера",
                "пиши @Admin_2024#kz в телеграм",
                "ссылка https://portal.gov.kz/Login?Step=2#top")) {
            assertThat(secrets(text)).as(text).isEmpty();
        }
    }

    @Test
    void detect_secondPasswordOnLabelLine_found() {
        assertThat(secrets("пароль на ЭЦП 654321Zz, а на портал Nurlan_1988"))
                .containsExactly("654321Zz", "Nurlan_1988");
        assertThat(secrets("паролі қазір Zal_Bir_2026 деп тұр, ескісі Zal_Bir_2025 еді"))
                .containsExactly("Zal_Bir_2026", "Zal_Bir_2025");
    }

    @Test
    void detect_chatThreadWordsThatAreNoPasswords_nothingMore() {
        assertThat(secrets("пароль от ноута какой?\nтам Windows10 стоит, спроси у Серика\nон в отпуске до 12.07"))
                .isEmpty();
        assertThat(secrets("wifi password is oT@r?Oz5E05VYIDX (network: Lobby_Guest_2)"))
                .containsExactly("oT@r?Oz5E05VYIDX");
        assertThat(secrets("пароль не подходит\nсмотри https://wiki.corp.kz/Help_Desk2024 там написано"))
                .isEmpty();
    }

    @Test
    void detect_kazakhPasswordWordBeforeAnotherPasswordWord_bothFound() {
        assertThat(secrets("порталдың логині ops_user, құпия сөзі Prt-Ops_7731. ЭЦҚ паролі — Ecp123kzQ"))
                .containsExactly("Prt-Ops_7731", "Ecp123kzQ");
    }

    @Test
    void detect_configShapes_secretFound() {
        assertThat(secrets("<hudson.util.Secret>{AQAAABAAAAAQx7Vb2mK9pZ4rT1wY8nC3dH5eF6gJ0aLs}</hudson.util.Secret>"))
                .containsExactly("{AQAAABAAAAAQx7Vb2mK9pZ4rT1wY8nC3dH5eF6gJ0aLs}");
        assertThat(secrets("url: jdbc:oracle:thin:hr/Hr_Pass_2026@//10.2.3.4:1521/XE"))
                .containsExactly("Hr_Pass_2026");
        assertThat(secrets("SENTRY_DSN=https://9b2c7e41d0a84f6fb3e15c8a27d90e6b@o12345.ingest.sentry.io/42"))
                .containsExactly("9b2c7e41d0a84f6fb3e15c8a27d90e6b");
        assertThat(secrets("rabbitmq:\n  erlangCookie: QWMZXPLRTYUNBVCKDHSG")).containsExactly("QWMZXPLRTYUNBVCKDHSG");
    }

    @Test
    void detect_configShapesThatHoldNoSecret_nothingFound() {
        assertThat(secrets("{AQAA} is the header of an encrypted value; url: jdbc:oracle:thin:@//db:1521/XE"))
                .isEmpty();
        assertThat(secrets("see https://4f2a@example.kz and cookie_name: SESSIONID"))
                .isEmpty();
        assertThat(secrets("Failed password for root from 212.154.63.18 port 52211 ssh2\n"
                        + "Accepted password for deploy2 from 10.1.0.7 port 40022 ssh2"))
                .isEmpty();
    }

    @Test
    void detect_pinOrSafeCode_digitsFound() {
        assertThat(secrets("на стикере: пин 5093, пароль rustem1990")).containsExactly("5093", "rustem1990");
        assertThat(secrets("скинь пин-код от карты\n6618\nспс")).containsExactly("6618");
        assertThat(secrets("Агент: And your PIN for phone banking?\nКлиент: 3307, ой, это нельзя говорить?"))
                .containsExactly("3307");
        assertThat(secrets("сейфтің коды 7702 емес пе?\nжоқ, 2219. ешкімге айтпа"))
                .containsExactly("7702", "2219");
        assertThat(secrets("и пароль к сейфу 4826 поменяй")).containsExactly("4826");
        assertThat(secrets("код к сейфу: 5190")).containsExactly("5190");
        assertThat(secrets("Сейфуллин көшесіндегі үй 2024 жылдан бері жөнделмеді"))
                .isEmpty();
    }

    @Test
    void detect_pinWordsWithoutAPin_nothingFound() {
        assertThat(secrets("PIN-код состоит из 4 цифр, ПИН-код 6 символов не бывает"))
                .isEmpty();
        assertThat(secrets("ПИН-код от карты 4400 4301 2233 4455 никому не сообщайте"))
                .isEmpty();
        assertThat(secrets("пин-код сменили 12.05.2024, pinned message, ПИНФЛ 31205198800123"))
                .isEmpty();
        assertThat(secrets("GPIO pin 13 is the LED; PIN 0000 is the factory one"))
                .isEmpty();
    }

    @Test
    void detect_codeWordAnswered_wordFound() {
        assertThat(secrets("Оператор: Назовите кодовое слово.\nКлиент: тюльпан2001.\nОператор: Верно."))
                .containsExactly("тюльпан2001");
        assertThat(secrets("кодовое слово: Berkut77")).containsExactly("Berkut77");
        assertThat(secrets("Оператор: А кодовое слово?\nКлиент: Не помню, 1990 наверное"))
                .isEmpty();
    }

    @Test
    void detect_codeWordOfLettersOnly_wordFoundUnlessItGivesNone() {
        assertThat(secrets("— Представьтесь, пожалуйста.\n— Кодовое слово?\n— Черёмуха."))
                .containsExactly("Черёмуха");
        assertThat(secrets("кодовое слово — ласточка")).containsExactly("ласточка");
        assertThat(secrets("— Кодовое слово?\n— Забыла.")).isEmpty();
        assertThat(secrets("Кодовое слово: отсутствует")).isEmpty();
        assertThat(secrets("кодовое слово: назовите его оператору")).isEmpty();
    }

    @Test
    void detect_codeWordEndingItsSentence_wordFound() {
        assertThat(secrets("Новое кодовое слово: Ласточка2020. Не сообщайте его никому."))
                .containsExactly("Ласточка2020");
        assertThat(secrets("Кодовое слово: Отсутствует. Установите его в приложении."))
                .isEmpty();
    }

    @Test
    void detect_pkcs8KeyBodyAndPassInThread_found() {
        assertThat(secrets("sa_key = \"MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDx\""))
                .containsExactly("MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDx");
        assertThat(secrets("pub: MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo"))
                .isEmpty();
        assertThat(secrets("кто знает wifi пароль?\n> Дана: SSID Lobby_5G, pass lobby_guest_2026\nспс"))
                .containsExactly("lobby_guest_2026");
    }

    @Test
    void find_codeWordAnsweredInATimestampedTurnOrAfterPlease_theAnswer() {
        assertThat(secrets("[09:12:52] Оператор: кодовое слово, пожалуйста\n[09:12:55] Клиент: незабудка\n"))
                .containsExactly("незабудка");
        assertThat(secrets("[11:15:40] Оператор: кодтық сөз?\n[11:15:43] Клиент: қарлығаш."))
                .containsExactly("қарлығаш");
        assertThat(secrets("[11:15:40] Оператор: кодовое слово?\n[11:15:43] Клиент: не помню"))
                .isEmpty();
    }

    @Test
    void find_doorCodeAfterItsWord_theCode() {
        assertThat(secrets("я у подъезда. Код домофона 52К3381 если что")).containsExactly("52К3381");
        assertThat(secrets("тимур: и подъезд код?\nаружан: 204К7719")).containsExactly("204К7719");
        assertThat(secrets("door code is 5580, flat 12")).containsExactly("5580");
        // a flat's number on the intercom, and a count
        assertThat(secrets("жк сияние 3 блок кв 118 домофон 118 и звонок")).isEmpty();
        assertThat(secrets("Домофон на 40 квартир, код из 4 цифр.")).isEmpty();
    }

    @Test
    void find_doorCodeWithTheFlatAndAKeyOrHash_theWholeCode() {
        assertThat(secrets("кв. 112, код домофона 112#7040, этаж 4")).containsExactly("112#7040");
        assertThat(secrets("137-пәтер. домофон 137 кілт 4402. кешке кел")).containsExactly("137 кілт 4402");
        assertThat(secrets("домофон 45 ключ 3008, третий этаж")).containsExactly("45 ключ 3008");
        assertThat(secrets("домофон 118 и звонок")).isEmpty();
    }

    @Test
    void find_gateAndEntranceCodesInKazakhAndRussian_theCode() {
        assertThat(secrets("подъездің коды әлі 2741 ме?")).containsExactly("2741");
        assertThat(secrets("участок 114, ворота код 0714")).containsExactly("0714");
        assertThat(secrets("қақпаның коды 5183, кіре бер")).containsExactly("5183");
        assertThat(secrets("қақпаның коды ауысты ма?")).isEmpty();
    }

    @Test
    void find_pinDictatedDigitByDigit_theDigits() {
        assertThat(secrets("а пин от планшета 1 9 7 3. Я в Шымкенте")).containsExactly("1 9 7 3");
        assertThat(secrets("пин 4 9 1 7 3 0 келді")).containsExactly("4 9 1 7 3 0");
        assertThat(secrets("PIN из 4 цифр: 1 2 3")).isEmpty();
    }

    @Test
    void find_codeWordAskedForByAnImperativeAndAnsweredAfterABareTime_theAnswer() {
        assertThat(secrets("Оператор: Кодовое слово назовите.\nАбонент: черемуха.\nОператор: Спасибо"))
                .containsExactly("черемуха");
        assertThat(secrets("00:00:20 Маман: Кодтық сөзіңізді айтыңыз\n00:00:24 Ұлдана: ақбидай"))
                .containsExactly("ақбидай");
        assertThat(secrets("Оператор: Кодовое слово назовите.\nАбонент: не помню"))
                .isEmpty();
    }

    @Test
    void detect_aCodeWordWithAClauseAfterItOrAMemorableWord_found() {
        assertThat(secrets("Кодтық сөзіңіз: Алтынай2019 — оны ешкімге айтпаңыз."))
                .containsExactly("Алтынай2019");
        assertThat(secrets("For security questions, your memorable word is Bluebird84; our staff will never ask."))
                .containsExactly("Bluebird84");
        // a plain word with a clause after it may be anything; the word of a rule is none
        assertThat(secrets("Кодовое слово: обязательно - без него не соединят")).isEmpty();
        assertThat(secrets("The memorable word is required for all calls.")).isEmpty();
    }

    @Test
    void detect_aCodeWordAskedToBeConfirmed_theNextTurnsAnswer() {
        assertThat(secrets("Оператор: Картаны бұғаттадым. Кодтық сөзді растаңыз.\nҚоңырау шалушы: Көкжиек."))
                .containsExactly("Көкжиек");
    }
}
