package io.qorgan.gateway.detect;

/** The kinds of personal data the gateway recognises; one vocabulary across detection, policy and audit. */
public enum EntityType {
    PERSON,
    IIN,
    BIN,
    PHONE,
    EMAIL,
    IBAN,
    PAYMENT_CARD,
    ID_DOCUMENT,
    VEHICLE_PLATE,
    ADDRESS,
    IP_ADDRESS,
    DATE_OF_BIRTH,
    SECRET
}
