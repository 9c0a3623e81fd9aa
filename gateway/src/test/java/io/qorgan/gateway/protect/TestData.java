package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Synthetic personal data (Kazakh, Russian, English) used across the protect tests. */
final class TestData {

    static final String NAME_KK = "Ахметов Нұрлан";
    static final String NAME_RU = "Иванова Анна";
    static final String NAME_EN = "John Smith";
    static final String IIN_1 = "900515301234";
    static final String IIN_2 = "850101456780";
    static final String PHONE = "+7 701 123 45 67";
    static final String EMAIL = "nurlan.akhmetov@mail.kz";
    static final String EMAIL_2 = "anna.ivanova@gov.kz";
    static final String ADDRESS = "г. Астана, ул. \"Абая\" 12";
    static final String CARD = "4400 4301 2345 6789";

    static final Map<String, EntityType> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put(NAME_KK, EntityType.PERSON);
        VALUES.put(NAME_RU, EntityType.PERSON);
        VALUES.put(NAME_EN, EntityType.PERSON);
        VALUES.put(IIN_1, EntityType.IIN);
        VALUES.put(IIN_2, EntityType.IIN);
        VALUES.put(PHONE, EntityType.PHONE);
        VALUES.put(EMAIL, EntityType.EMAIL);
        VALUES.put(EMAIL_2, EntityType.EMAIL);
        VALUES.put(ADDRESS, EntityType.ADDRESS);
        VALUES.put(CARD, EntityType.PAYMENT_CARD);
    }

    private TestData() {}

    static KnownValuesScanner scanner() {
        return new KnownValuesScanner(VALUES);
    }

    static RequestProtector protector() {
        return RequestProtector.create(scanner(), ValueKey.simple(), ProtectionSettings.defaults());
    }
}
