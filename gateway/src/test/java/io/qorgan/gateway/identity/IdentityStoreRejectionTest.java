package io.qorgan.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed store that cannot be taken is reported to rejection listeners once per content (the audit records it). */
class IdentityStoreRejectionTest {

    @TempDir
    Path dir;

    @Test
    void reloadIfChanged_sameBrokenContentPolledTwice_reportedOnceThenAgainForNewBrokenContent() throws Exception {
        Path file = Files.writeString(dir.resolve("identities.yaml"), "agencies: [{id: agency-egov}]\n");
        IdentityStore store = IdentityStore.open(file);
        List<String> rejected = new ArrayList<>();
        store.onRejected(rejected::add);

        Files.writeString(file, "callers: [ {id: }");
        assertThat(store.reloadIfChanged()).isFalse();
        assertThat(store.reloadIfChanged()).isFalse();
        assertThat(rejected).containsExactly("identity_store_invalid");

        Files.writeString(file, "agencies: [ {id: }");
        store.reloadIfChanged();
        assertThat(rejected).containsExactly("identity_store_invalid", "identity_store_invalid");

        Files.writeString(file, "agencies: [{id: agency-egov}, {id: agency-health}]\n");
        assertThat(store.reloadIfChanged()).isTrue();
        Files.writeString(file, "callers: [ {id: }");
        store.reloadIfChanged();
        assertThat(rejected).hasSize(3);
    }
}
