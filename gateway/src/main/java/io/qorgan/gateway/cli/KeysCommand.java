package io.qorgan.gateway.cli;

import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.identity.IdentityStoreException;
import io.qorgan.gateway.identity.IdentityStoreFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qorgan keys create|list|revoke}: API keys in the identity store file. The store holds
 * Argon2id hashes only; {@code create} prints the key once, alone on standard output (notes go to
 * standard error), so {@code KEY=$(qorgan keys create ...)} works.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API keys in an identity store file.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand {

    // Not runnable: without a subcommand picocli prints "Missing required subcommand" and the usage to standard
    // error and exits 2, a usage error.

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Generate a key for a caller (created with its agency if missing) and store its hash.")
    static final class Create implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--store", required = true, description = "Identity store YAML file (created if missing).")
        Path store;

        @Option(names = "--agency", required = true, description = "Agency id, e.g. egov.")
        String agency;

        @Option(names = "--caller", required = true, description = "Caller id, e.g. egov-chatbot.")
        String caller;

        @Option(names = "--roles", split = ",", description = "Roles of a new caller, comma-separated.")
        List<String> roles = new ArrayList<>();

        @Option(names = "--expires", description = "Expiry as an ISO-8601 instant, e.g. 2027-01-01T00:00:00Z.")
        String expires;

        @Override
        public Integer call() {
            Instant expiry = parseExpiry(expires);
            ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.RECOMMENDED);
            IdentityStoreFile.CreatedKey created = edit(
                    () -> IdentityStoreFile.createKey(store, agency, caller, roles, expiry, keys, Clock.systemUTC()));
            PrintWriter err = spec.commandLine().getErr();
            if (created.agencyCreated()) {
                err.println("created agency " + agency);
            }
            if (created.callerCreated()) {
                err.println("created caller " + caller + " with roles " + roles);
            }
            for (String role : created.rolesCreated()) {
                err.println("role " + role + " has no permissions yet: add them under roles: in " + store);
            }
            err.println("created API key " + created.key().id() + " for " + caller + " (" + agency + ")"
                    + (expiry == null ? "" : ", expires " + expiry)
                    + ". It is shown only now; the store keeps its hash.");
            spec.commandLine().getOut().println(created.key().key());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static Instant parseExpiry(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UserError("--expires must be an ISO-8601 instant such as 2027-01-01T00:00:00Z", 2);
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List keys: id, caller, agency, created, expiry, revoked. Never secrets or hashes.")
    static final class ListKeys implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--store", required = true, description = "Identity store YAML file.")
        Path store;

        @Override
        public Integer call() {
            List<IdentityStoreFile.KeyListing> keys = edit(() -> IdentityStoreFile.listKeys(store));
            PrintWriter out = spec.commandLine().getOut();
            String format = "%-12s %-24s %-20s %-21s %-21s %s%n";
            out.printf(format, "ID", "CALLER", "AGENCY", "CREATED", "EXPIRES", "REVOKED");
            for (IdentityStoreFile.KeyListing key : keys) {
                out.printf(
                        format,
                        key.id(),
                        key.caller(),
                        key.agency(),
                        key.created(),
                        key.expires() == null ? "-" : key.expires(),
                        key.revoked() ? "yes" : "no");
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Mark a key revoked. Gateways watching the store refuse it from their next reload.")
    static final class Revoke implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--store", required = true, description = "Identity store YAML file.")
        Path store;

        @Parameters(index = "0", paramLabel = "KEY_ID", description = "The key's public id, e.g. qg_ab12cd34.")
        String keyId;

        @Override
        public Integer call() {
            if (!ApiKeys.isKeyId(keyId)) {
                throw new UserError("KEY_ID is the public id like qg_ab12cd34, not the key itself", 2);
            }
            boolean changed = edit(() -> IdentityStoreFile.revokeKey(store, keyId));
            spec.commandLine().getOut().println(changed ? "revoked " + keyId : keyId + " was already revoked");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private interface StoreEdit<T> {
        T run() throws IOException;
    }

    /** Store problems are the user's to fix: one line, no stack trace. */
    private static <T> T edit(StoreEdit<T> edit) {
        try {
            return edit.run();
        } catch (IdentityStoreException e) {
            throw new UserError(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + e.getFile());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read or write the store: " + CliErrors.describe(e));
        }
    }
}
