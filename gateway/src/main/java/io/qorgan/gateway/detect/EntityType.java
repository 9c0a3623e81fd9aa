package io.qorgan.gateway.detect;

/** Kinds of personal data the gateway recognises. Stand-in until the detect branch lands. */
public enum EntityType {
    PERSON, IIN, BIN, PHONE, EMAIL, IBAN, PAYMENT_CARD, ID_DOCUMENT, VEHICLE_PLATE, ADDRESS,
    IP_ADDRESS, DATE_OF_BIRTH, SECRET
}
