package io.qorgan.gateway.quota;

/** Which limit a request went over; its label in metrics and its words in the error message. */
public enum Limit {
    AGENCY_REQUESTS("agency_requests", "requests a second of the agency"),
    CALLER_REQUESTS("caller_requests", "requests a second of the caller"),
    AGENCY_CONCURRENCY("agency_concurrency", "exchanges in flight of the agency"),
    CALLER_CONCURRENCY("caller_concurrency", "exchanges in flight of the caller"),
    AGENCY_TOKENS_MINUTE("agency_tokens_minute", "tokens a minute of the agency"),
    AGENCY_TOKENS_DAY("agency_tokens_day", "tokens a day of the agency"),
    CALLER_TOKENS_MINUTE("caller_tokens_minute", "tokens a minute of the caller"),
    CALLER_TOKENS_DAY("caller_tokens_day", "tokens a day of the caller");

    private final String label;
    private final String words;

    Limit(String label, String words) {
        this.label = label;
        this.words = words;
    }

    public String label() {
        return label;
    }

    public String words() {
        return words;
    }
}
