package io.qorgan.gateway.protect;

/** What happens to a value of one entity type before the request leaves. */
public enum Operator {
    /** {@code [TYPE_n]}, restored in the answer. */
    PLACEHOLDER,
    /** Keeps a few edge characters: {@code +7 701 *** ** 67}, {@code 8711********1234}; not restored. */
    MASK,
    /** {@code [REDACTED]}; not restored. */
    REDACT,
    /** Keyed HMAC-SHA256, short and stable across requests for one key: {@code [IIN_h:3fa9c01d]}; not restored. */
    HASH,
    /** Format-preserving encryption of the digits (FF1, radix 10); restored in the answer. */
    FPE,
    /** Left as it is (counted only). */
    KEEP
}
