package io.qorgan.gateway.protect;

/**
 * The text pipeline of one stream channel: placeholder restoration, then (when configured)
 * answer scanning, each of which may hold a bounded tail back. Not thread-safe.
 */
final class ChannelText {

    private final String channel;
    private final boolean json;
    private final StreamRestorer restorer;
    private final AnswerScanner.Session scan;

    ChannelText(String channel, boolean json, TextRestorer restorer, AnswerScanner.Session scan) {
        this.channel = channel;
        this.json = json;
        this.restorer = json ? restorer.jsonStream() : restorer.stream();
        this.scan = scan;
    }

    String feed(String delta) {
        String restored = restorer.feed(delta);
        return scan == null ? restored : scan.pass(channel, restored, json, false);
    }

    String finish() {
        String restored = restorer.finish();
        return scan == null ? restored : scan.pass(channel, restored, json, true);
    }

    int held() {
        return restorer.held() + (scan == null ? 0 : scan.held(channel));
    }
}
