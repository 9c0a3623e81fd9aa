package io.qorgan.gateway.quota;

/**
 * An exchange admitted under its agency's and caller's limits: holds their places for exchanges in flight until it is
 * {@linkplain #release(long) released}, when the tokens its answer reported are counted. Released once; later calls do
 * nothing. Used on the exchange's event loop.
 */
public final class Allowance {

    /** An exchange under no limit. */
    public static final Allowance FREE = new Allowance(null, null, null, null, null, null, false);

    private final FairUse fairUse;
    private final String agency;
    private final String agencyKey;
    private final String callerKey;
    private final NodeLimits.Holder agencyHolder;
    private final NodeLimits.Holder callerHolder;
    private final boolean countsTokens;
    private boolean released;

    Allowance(
            FairUse fairUse,
            String agency,
            String agencyKey,
            String callerKey,
            NodeLimits.Holder agencyHolder,
            NodeLimits.Holder callerHolder,
            boolean countsTokens) {
        this.fairUse = fairUse;
        this.agency = agency;
        this.agencyKey = agencyKey;
        this.callerKey = callerKey;
        this.agencyHolder = agencyHolder;
        this.callerHolder = callerHolder;
        this.countsTokens = countsTokens;
        this.released = fairUse == null;
    }

    /** A meter for the answer's reported tokens when a token limit applies; null otherwise. */
    public UsageMeter meter() {
        return countsTokens ? new UsageMeter() : null;
    }

    /** The exchange ended: its places are given back and {@code tokens} (reported by its answer) counted. */
    public void release(long tokens) {
        if (released) {
            return;
        }
        released = true;
        if (agencyHolder != null) {
            agencyHolder.exit();
        }
        if (callerHolder != null) {
            callerHolder.exit();
        }
        if (tokens > 0) {
            fairUse.charge(this, tokens);
        }
    }

    /** The exchange ended before its answer (refused, the client gone). */
    public void release() {
        release(0);
    }

    String agency() {
        return agency;
    }

    String agencyKey() {
        return agencyKey;
    }

    String callerKey() {
        return callerKey;
    }

    NodeLimits.Holder agencyHolder() {
        return agencyHolder;
    }

    NodeLimits.Holder callerHolder() {
        return callerHolder;
    }
}
