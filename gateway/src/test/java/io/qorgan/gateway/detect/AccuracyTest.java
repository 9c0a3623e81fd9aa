package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.detect.LabelledSet.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and leak-cover per entity type on fourteen labelled sets (see {@link Accuracy}): the generated
 * corpus {@code detect/corpus.jsonl}; the development sets {@code detect/dev-patterns.jsonl} (written blind),
 * {@code detect/dev2-patterns.jsonl} (new lines of issue 15's patterns), {@code detect/dev3/dev3.jsonl} (written
 * blind to the code for the third round), {@code detect/dev4/dev4.jsonl}, {@code detect/dev5/dev5.jsonl}, {@code detect/dev6/dev6.jsonl},
 * {@code detect/dev7/dev7.jsonl}, {@code detect/dev8/dev8.jsonl} and {@code detect/dev9/dev9.jsonl} (free prose written blind to the code for the
 * fourth round, after the fifth, during the seventh, the eighth and the ninth), {@code detect/dev-own4.jsonl} and
 * {@code detect/dev-own5.jsonl} (the fourth and fifth rounds' lines of the patterns they fixed); and the three frozen
 * held-out sets {@code detect/heldout/heldout.jsonl}, {@code detect/heldout2/heldout2.jsonl} and
 * {@code detect/heldout3/heldout3.jsonl} (free prose), all written blind to the detector. Prints each table; fails
 * below the floors. The held-out sets are only measured: their lines and misses are never printed, and the detector
 * is never tuned to them (see their README.md).
 */
class AccuracyTest {

    /** The frozen held-out set's SHA-256: a changed file is a new set, and its numbers are not comparable. */
    private static final String HELD_OUT_SHA256 = "c22556593a5883a4c0f76bac16286f75a2f99c4dbc36dcf71f6a7819e6430bce";

    private record Floor(double precision, double recall) {}

    /**
     * Floors on the held-out set: issue 15's bar where the detector meets it (IIN, BIN, IBAN, PAYMENT_CARD, EMAIL,
     * PHONE, IP_ADDRESS 0.98; PERSON, ADDRESS, ID_DOCUMENT, SECRET, DATE_OF_BIRTH, VEHICLE_PLATE 0.95), the achieved
     * number where it does not yet (marked "below the bar"), so that no fix is lost; PERSON and leak-cover raised to
     * what rounds 9 and 10 reached (less 0.001). docs/detection.md has the table. PERSON precision lowered to 0.978
     * in round 18: unlisted speakers who speak twice raised its recall 0.994 → 0.997 for two false findings.
     */
    private static final Map<EntityType, Floor> HELD_OUT = floors(
            new Object[] {EntityType.PERSON, 0.978, 0.996},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 0.986},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 0.971, 1.0}, // precision below the bar
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.987, 0.981},
            new Object[] {EntityType.IP_ADDRESS, 0.979, 1.0}, // precision below the bar
            new Object[] {EntityType.DATE_OF_BIRTH, 0.985, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 0.961});

    /**
     * Below the bar of 0.99 (0.959 before the third round, 0.970 before the fourth, 0.973 before the fifth, 0.975
     * before the sixth, 0.976 before the seventh).
     */
    private static final double HELD_OUT_LEAK_COVER = 0.994;

    /** The second frozen held-out set's SHA-256 ({@code detect/heldout2}, written blind before the second round). */
    private static final String HELD_OUT_2_SHA256 = "a68fdc5b6e88c234ab8fbfa1dd0359c0bb1a432910b93042707054c7db1a92fa";

    /**
     * Floors on the second held-out set: the values measured when it was added (main at d3b0300, rounded down),
     * raised to what the detector reaches since (the third to ninth rounds: PERSON, ID_DOCUMENT, ADDRESS, EMAIL,
     * DATE_OF_BIRTH, SECRET, IP_ADDRESS, leak-cover); never lowered. Every issue bar holds on it since the sixteenth
     * round (ID_DOCUMENT recall 0.942 -> 0.971, leak-cover 0.994).
     */
    private static final Map<EntityType, Floor> HELD_OUT_2 = floors(
            new Object[] {EntityType.PERSON, 0.972, 0.992},
            new Object[] {EntityType.IIN, 1.0, 0.99},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.99, 0.99},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.97},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.986, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 0.979, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 0.989, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 0.985});

    private static final double HELD_OUT_2_LEAK_COVER = 0.993;

    /** The third frozen held-out set's SHA-256 ({@code detect/heldout3}, free prose written blind before the fifth round). */
    private static final String HELD_OUT_3_SHA256 = "e9f8cb213a3d1f71a8c83758b3c854dde82b05cc42799c220a8e92c1c3bda520";

    /**
     * Floors on the third held-out set: the values measured when it was added (main at 8cce2d4, before the fifth
     * round, less 0.001), raised to what the fifth and seventh rounds reach (PERSON, ADDRESS, DATE_OF_BIRTH,
     * leak-cover), the eighth (ID_DOCUMENT, SECRET recall, PERSON precision, ADDRESS, leak-cover), the ninth
     * (IP_ADDRESS and SECRET recall, leak-cover) and the tenth (PERSON, leak-cover). Below the bar:
     * leak-cover.
     */
    private static final Map<EntityType, Floor> HELD_OUT_3 = floors(
            // precision 0.981 -> 0.977 (round 15): a found name's later mentions (NameEchoes) cost two false alarms
            // here and covered more names in held-out set 2 and development sets 3, 5, 7, 9, 13 and 15 to 18;
            // 0.977 -> 0.975 (round 17): English first names no longer taken for words (faker-names.mjs) cost one
            // here, for recall 0.980 -> 0.983 here and up in development sets 2, 4, 5, 6, 10, 11, 14, 19 and 20
            new Object[] {EntityType.PERSON, 0.975, 0.986},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 0.985},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.953},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.986, 0.974},
            new Object[] {EntityType.IP_ADDRESS, 0.981, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 0.983});

    private static final double HELD_OUT_3_LEAK_COVER = 0.987;

    /** Floors on the development set, so that a fixed pattern stays fixed. */
    private static final Map<EntityType, Floor> DEV = floors(
            new Object[] {EntityType.PERSON, 1.0, 1.0},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 0.964, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV_LEAK_COVER = 1.0;

    /** Floors on the second development set (detect2's new lines of issue 15's patterns). */
    private static final Map<EntityType, Floor> DEV2 = floors(
            new Object[] {EntityType.PERSON, 1.0, 0.999},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV2_LEAK_COVER = 0.999;

    /**
     * Floors on the third development set ({@code detect/dev3}, written blind to the code for the third round; its
     * lines are read and tuned to): the values the third round reached, never lowered.
     */
    private static final Map<EntityType, Floor> DEV3 = floors(
            new Object[] {EntityType.PERSON, 0.996, 0.997},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 0.985},
            new Object[] {EntityType.ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            // precision 1.0 -> 0.953 (round 16): a door's code is a PIN to a home (development 20 labels it); this
            // set's
            // template leaves "the door code? / 4471" unlabelled in five chats
            new Object[] {EntityType.SECRET, 0.953, 0.989});

    private static final double DEV3_LEAK_COVER = 0.998;

    /**
     * Floors on the fourth round's own development lines ({@code detect/dev-own4.jsonl}: forms of issue 15's families
     * written for the fourth round, with their hard negatives).
     */
    private static final Map<EntityType, Floor> DEV_OWN4 = floors(
            new Object[] {EntityType.PERSON, 1.0, 1.0},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV_OWN4_LEAK_COVER = 1.0;

    /**
     * Floors on the fifth round's own development lines ({@code detect/dev-own5.jsonl}: forms of issue 15's families
     * written for the fifth round, with their hard negatives).
     */
    private static final Map<EntityType, Floor> DEV_OWN5 = floors(
            new Object[] {EntityType.PERSON, 1.0, 1.0},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV_OWN5_LEAK_COVER = 1.0;

    /** The fourth development set's SHA-256 ({@code detect/dev4}): its numbers below are of this file. */
    private static final String DEV4_SHA256 = "74caf74789a0d0f58c8ca48b0b382104c62c826c0887a0ec5681236755b77e98";

    /**
     * Floors on the fourth development set ({@code detect/dev4}, free prose written blind to the code for the fourth
     * round; its lines are read and tuned to): the values the fourth, fifth and seventh rounds reached, never lowered.
     */
    private static final Map<EntityType, Floor> DEV4 = floors(
            new Object[] {EntityType.PERSON, 0.972, 0.972},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.999, 0.989},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.99},
            new Object[] {EntityType.SECRET, 1.0, 0.974});

    private static final double DEV4_LEAK_COVER = 0.985;

    /** The fifth development set's SHA-256 ({@code detect/dev5}): its numbers below are of this file. */
    private static final String DEV5_SHA256 = "6c6622ceb8f459a6dec97a21e1461836a74ca80f1a4c79be6ba78630d720501b";

    /**
     * Floors on the fifth development set ({@code detect/dev5}, free prose written blind to the code after the fifth
     * round, weighted to documents, secrets and names known from context): the values measured when it was added
     * (main at 0dd542e, less 0.001), raised to what the short sixth round reaches (ID_DOCUMENT, SECRET, PHONE,
     * IP_ADDRESS, VEHICLE_PLATE, leak-cover), the seventh (PERSON, DATE_OF_BIRTH, leak-cover), the eighth
     * (ID_DOCUMENT) and the ninth (IP_ADDRESS).
     */
    private static final Map<EntityType, Floor> DEV5 = floors(
            new Object[] {EntityType.PERSON, 0.992, 0.976},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            // precision 1.0 until round 7 read digit words out loud as the number they are: dev5 labels only the
            // digits said after them ("one two zero, … so 120 488 731"), so the words count as two false findings
            new Object[] {EntityType.ID_DOCUMENT, 0.983, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 0.97, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV5_LEAK_COVER = 0.991;

    /** The sixth development set's SHA-256 ({@code detect/dev6}): its numbers below are of this file. */
    private static final String DEV6_SHA256 = "ee10690d38ca255aaea64c280d0426812a948f4b6cabf7d9fff97526dc4f748b";

    /**
     * Floors on the sixth development set ({@code detect/dev6}, free prose written blind to the code during the
     * seventh round, weighted to names known from context, addresses as people write them, birth dates in prose, and
     * hard negatives for IP and card precision): the values measured when it was added (main at a6b9a01, less 0.001),
     * raised to what the seventh round's names, addresses, documents and birth dates reach (less 0.001).
     */
    private static final Map<EntityType, Floor> DEV6 = floors(
            new Object[] {EntityType.PERSON, 0.978, 0.981},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.983},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 0.961},
            // precision 0.99 -> 0.982 (round 17): the same finds "Гульдер-1, 12, кв 56" of a longer labelled address
            new Object[] {EntityType.ADDRESS, 0.982, 0.95},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.968},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV6_LEAK_COVER = 0.981;

    /** The seventh development set's SHA-256 ({@code detect/dev7}): its numbers below are of this file. */
    private static final String DEV7_SHA256 = "409e18d51504b80a3a55ce19817c6f43414d4cee619fe8533ec0564c4ed3df1b";

    /**
     * Floors on the seventh development set ({@code detect/dev7}, free prose written blind to the code during the
     * seventh round, weighted to identity documents and secrets in every form people and systems write them): the
     * values measured when it was added (main at d233802, less 0.001), PERSON and leak-cover raised to what the
     * seventh round's names reach, and to what the eighth round's secrets, names and e-mails reach.
     */
    private static final Map<EntityType, Floor> DEV7 = floors(
            new Object[] {EntityType.PERSON, 0.983, 0.994},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.957, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 0.989, 0.989},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            new Object[] {EntityType.SECRET, 0.992, 0.992});

    private static final double DEV7_LEAK_COVER = 0.995;

    /** The eighth development set's SHA-256 ({@code detect/dev8}): its numbers below are of this file. */
    private static final String DEV8_SHA256 = "26f6c3015f6f74d7c7a7daafb5a5a7c4b5732f7182d670f53f8ec22bd0d4e02d";

    /**
     * Floors on the eighth development set ({@code detect/dev8}, free prose written blind to the code during the
     * eighth round, weighted to addresses, names and secrets, with organisations' addresses as hard negatives): the
     * values measured when it was added (main at 5053ffe, less 0.001), raised to what the eighth round reaches
     * (IP_ADDRESS, ID_DOCUMENT, leak-cover; PERSON, EMAIL, ADDRESS and SECRET, less 0.001) and the ninth (SECRET).
     */
    private static final Map<EntityType, Floor> DEV8 = floors(
            new Object[] {EntityType.PERSON, 0.973, 1.0},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.924, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.805, 0.993},
            new Object[] {EntityType.IP_ADDRESS, 0.963, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.981},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV8_LEAK_COVER = 0.997;

    /** The ninth development set's SHA-256 ({@code detect/dev9}): its numbers below are of this file. */
    private static final String DEV9_SHA256 = "089eef5f2b8cc0469900979c7a9150cd2cf1dfbd093abbbc08472fb5a5bdaec9";

    /**
     * Floors on the ninth development set ({@code detect/dev9}, free prose written blind to the code during the ninth
     * round, weighted to names in every case, dates of birth and identity documents, with names used as words, public
     * figures and dates that are not births as hard negatives): the values measured when it was added (main at
     * efcf461), less 0.001, raised to what the ninth round reaches (ID_DOCUMENT, SECRET, leak-cover).
     */
    private static final Map<EntityType, Floor> DEV9 = floors(
            new Object[] {EntityType.PERSON, 0.979, 0.989},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.872, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.973},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV9_LEAK_COVER = 0.991;

    /** The tenth development set's SHA-256 ({@code detect/dev10}): its numbers below are of this file. */
    private static final String DEV10_SHA256 = "19979ad93fa6603f737b53011704d8f90cf50ed1bd8a6b96cb0d9dd1d1890681";

    /**
     * Floors on the tenth development set ({@code detect/dev10}, free prose written blind to the code at the start of
     * the tenth round, weighted to names known only from context, identity documents in forms and templates, with
     * long numbers that are no cards and dotted numbers that are no addresses as hard negatives): the values measured
     * when it was added (main at 63a56fa), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV10 = floors(
            new Object[] {EntityType.PERSON, 0.977, 0.953},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.976, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.959},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.865, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.98},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV10_LEAK_COVER = 0.968;

    /** The eleventh development set's SHA-256 ({@code detect/dev11}): its numbers below are of this file. */
    private static final String DEV11_SHA256 = "1e4f305fbcb6306c94219119631eb09d2fa8ea7998d077a66241ccdee6bd7d25";

    /**
     * Floors on the eleventh development set ({@code detect/dev11}, free conversation written blind to the code during
     * the tenth round — chats, call transcripts, e-mail threads, tickets — weighted to addresses as people say them,
     * documents and birth dates said casually, with numbers, dates and places that are no personal data as hard
     * negatives): the values measured when it was added (main at 373fb6a), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV11 = floors(
            new Object[] {EntityType.PERSON, 0.953, 0.929},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.94, 1.0},
            new Object[] {EntityType.EMAIL, 0.943, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.867, 0.912},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.835},
            new Object[] {EntityType.SECRET, 1.0, 0.791});

    private static final double DEV11_LEAK_COVER = 0.931;

    /** The twelfth development set's SHA-256 ({@code detect/dev12}): its numbers below are of this file. */
    private static final String DEV12_SHA256 = "4a72e358c349a4fee2ca0afd1bde0f87f7fe3e4bba77b25c2b3ae1bb02ac8742";

    /**
     * Floors on the twelfth development set ({@code detect/dev12}, forms written blind to the code during the eleventh
     * round — OCR-scanned applications, questionnaires, KYC, hotel, migration and school forms and their exports —
     * weighted to identity documents in every form, phones said in words and names in Kazakh and Russian cases, with
     * forms full of numbers that are no personal data as hard negatives): the values measured when it was added (main
     * at ac17346), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV12 = floors(
            new Object[] {EntityType.PERSON, 0.949, 0.954},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.949, 0.969},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 0.975, 0.868},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            // precision 0.815 -> 0.807 (round 17): the same finds "Sahaidachnoho 21, apt 5" of a longer labelled
            // foreign address
            new Object[] {EntityType.ADDRESS, 0.807, 0.951},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 0.99, 0.911},
            new Object[] {EntityType.SECRET, 1.0, 0.928});

    private static final double DEV12_LEAK_COVER = 0.934;

    /** The thirteenth development set's SHA-256 ({@code detect/dev13}): its numbers below are of this file. */
    private static final String DEV13_SHA256 = "95056c063470090e231593e4b332c669361fc0a2c8a88adac04a2506d01873dc";

    /**
     * Floors on the thirteenth development set ({@code detect/dev13}, agency prose written blind to the code during the
     * eleventh round — court decisions, police reports, HR orders, medical extracts, notary deeds, letters — weighted to
     * identity documents, addresses and birth dates inside sentences, with official prose full of numbers and names that
     * are no personal data as hard negatives): the values measured when it was added (main at 877b97b), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV13 = floors(
            new Object[] {EntityType.PERSON, 0.967, 0.985},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.985},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 0.916},
            new Object[] {EntityType.ADDRESS, 0.851, 0.992},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 0.99, 0.981},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV13_LEAK_COVER = 0.986;

    /** The fourteenth development set's SHA-256 ({@code detect/dev14}): its numbers below are of this file. */
    private static final String DEV14_SHA256 = "61ba8577cf25db0e38524f27d680d37d0e297273cb2cc8e3e4fe184bf9c52698";

    /**
     * Floors on the fourteenth development set ({@code detect/dev14}, written blind to the code during the twelfth
     * round: migration, visa, bank, border, hotel, rental and IT paperwork, weighted to identity documents of many
     * countries and shapes, payment cards and IP addresses, with version, section, serial, reference and form numbers
     * as hard negatives): the values measured when it was added (main at 4ea7661), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV14 = floors(
            // precision 0.987 -> 0.983 (round 17): "HARTMANN / JONAS" is one span in the labels; JONAS, now a known
            // name, is found alone, which counts as a false finding and covers half the span
            new Object[] {EntityType.PERSON, 0.983, 0.987},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.92, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.984},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 0.949},
            new Object[] {EntityType.ADDRESS, 0.955, 0.914},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 1.0},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV14_LEAK_COVER = 0.986;

    /** The fifteenth development set's SHA-256 ({@code detect/dev15}): its numbers below are of this file. */
    private static final String DEV15_SHA256 = "44236571f36d40e5ad2c58d2d13795ca5f72a4d92904e821bb8a482d1c7860ce";

    /**
     * Floors on the fifteenth development set ({@code detect/dev15}, written blind to the code at the end of the
     * twelfth round: agency traffic as an AI service receives it — call-centre chats, operators' notes, retyped forms,
     * e-mail threads, registry JSON, police, medical, HR and benefit files — weighted to identity documents as people
     * write them and to names in every form): the values measured when it was added (main at 723aa38), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV15 = floors(
            new Object[] {EntityType.PERSON, 0.97, 0.976},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.799, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.984},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.881, 0.92},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.987},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV15_LEAK_COVER = 0.976;

    /** The sixteenth development set's SHA-256 ({@code detect/dev16}): its numbers below are of this file. */
    private static final String DEV16_SHA256 = "2f85396b2d2995c122078bce91e6d8c095c4e88d9ee1a00efc2551564b09126d";

    /**
     * Floors on the sixteenth development set ({@code detect/dev16}, written blind to the code at the start of the
     * thirteenth round: IT tickets and logs, bank disputes, migration, court, insurance and registration paperwork,
     * weighted to identity documents of every shape, people's IP addresses and payment cards, with version, clause,
     * OID, masked-card, IMEI and other long numbers as hard negatives): the values measured when it was added (main
     * at 9886d1e), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV16 = floors(
            new Object[] {EntityType.PERSON, 0.969, 0.992},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.952, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.993},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.869, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 0.989, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.983},
            new Object[] {EntityType.SECRET, 0.937, 0.937});

    private static final double DEV16_LEAK_COVER = 0.993;

    /** The seventeenth development set's SHA-256 ({@code detect/dev17}): its numbers below are of this file. */
    private static final String DEV17_SHA256 = "d28bd27864e75798ffd669a760e85df4ff0bfc5f424605696ff9f7f136a57d78";

    /**
     * Floors on the seventeenth development set ({@code detect/dev17}, written blind to the code at the start of the
     * fourteenth round: free narrative prose — police and court narratives, medical histories, home-visit notes,
     * complaints, witness statements, inheritance family histories, school characterisations, obituaries and voice
     * transcripts — weighted to persons met in every case and mentioned again, addresses told in sentences, documents
     * and birth dates in passing, with public figures, named streets and institutions as hard negatives): the values
     * measured when it was added (main at cf42b61), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV17 = floors(
            new Object[] {EntityType.PERSON, 0.944, 0.973},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.954, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            // precision 0.988 -> 0.978 (round 16): a village named alone where a family lives is an address by the
            // entity definitions ("семья … живёт … в ауле Талдыбұлақ"), a span this set's author left unlabelled
            // precision 0.979 -> 0.97 (round 17): a street without its word told by its flat finds "ДОС 14, кв. 9" of a
            // longer labelled address, half of it
            new Object[] {EntityType.ADDRESS, 0.971, 0.83},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.954},
            new Object[] {EntityType.SECRET, 1.0, 1.0});

    private static final double DEV17_LEAK_COVER = 0.954;

    /** The eighteenth development set's SHA-256 ({@code detect/dev18}): its numbers below are of this file. */
    private static final String DEV18_SHA256 = "9d8f70db3319ae9377bddaa03272f30ef9c3370170c1a244f158681ab1a71668";

    /**
     * Floors on the eighteenth development set ({@code detect/dev18}, written blind to the code during the fourteenth
     * round: everyday conversation as agencies receive it — call-centre and chatbot chats, messenger groups quoted in
     * complaints, call transcripts, e-mail threads, comments, citizens' tickets and operators' notes — weighted to names
     * as people write them in conversation, addresses said in chats, and documents, phones and birth dates typed,
     * corrected and dictated): the values measured when it was added (main at 81029a2), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV18 = floors(
            new Object[] {EntityType.PERSON, 0.947, 0.947},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 1.0, 0.931},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.904},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.981, 0.904},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.756},
            new Object[] {EntityType.SECRET, 1.0, 0.908});

    private static final double DEV18_LEAK_COVER = 0.929;

    /** The nineteenth development set's SHA-256 ({@code detect/dev19}): its numbers below are of this file. */
    private static final String DEV19_SHA256 = "f5615512e41766c8b2f69a716f80d41113f4a57b1e0b6856ab61a512ed978c51";

    /**
     * Floors on the nineteenth development set ({@code detect/dev19}, written blind to the code during the fifteenth
     * round: the whole range of an agency's traffic — complaints, chats, e-mail threads, transcripts, court, police
     * and medical extracts, HR and social-services notes, bank letters, tickets with logs, configs, exports and
     * tables — with the persons of each text mentioned again in other forms): the values measured when it was added
     * (main at 1a28e44), less 0.001. Main at the round's start (a227ee0) measured PERSON 0.959 / 0.947 and leak-cover
     * 0.955 on it, against 0.959 / 0.955 and 0.959 with the round's names.
     */
    private static final Map<EntityType, Floor> DEV19 = floors(
            new Object[] {EntityType.PERSON, 0.98, 0.972},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.913, 0.984},
            new Object[] {EntityType.EMAIL, 0.884, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.835, 0.988},
            new Object[] {EntityType.IP_ADDRESS, 0.884, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.999},
            new Object[] {EntityType.SECRET, 0.929, 0.929});

    private static final double DEV19_LEAK_COVER = 0.979;

    /** The twentieth development set's SHA-256 ({@code detect/dev20}): its numbers below are of this file. */
    private static final String DEV20_SHA256 = "0624cca02e5bdea0074f89629d3acfacaadf45b3f10258b7377bd1c10cb7f4df";

    /**
     * Floors on the twentieth development set ({@code detect/dev20}, written blind to the code during the sixteenth
     * round: free prose as people write it — messenger chats in lower case, call-centre and voice-message
     * transcripts, e-mail threads, users' tickets, social posts and officials' notes — with the persons of each text
     * greeted, thanked, asked about and mentioned again in other forms): the values measured when it was added (main
     * at 36bef60), less 0.001. Main at the round's start (bf14736) measured exactly the same tables: none of the
     * round's fixes made before it was written met one of its spans.
     */
    private static final Map<EntityType, Floor> DEV20 = floors(
            new Object[] {EntityType.PERSON, 0.97, 0.955},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.973, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.946, 0.972},
            new Object[] {EntityType.IP_ADDRESS, 1.0, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.893},
            new Object[] {EntityType.SECRET, 1.0, 0.949});

    private static final double DEV20_LEAK_COVER = 0.961;

    /** The twenty-first development set's SHA-256 ({@code detect/dev21}): its numbers below are of this file. */
    private static final String DEV21_SHA256 = "1a6de11a7ec85548bca291403c54747f4af11404c09dc804ddd3f0a7fc5b0f87";

    /**
     * Floors on the twenty-first development set ({@code detect/dev21}, written blind to the code during the
     * seventeenth round: free everyday prose again — family and house chats, call-centre and voice-message
     * transcripts, e-mail threads, users' tickets, social posts, officials' memos, a few messages with a table):
     * the values measured when it was added (main at d669ace, and the same with this round's first change), less
     * 0.001, raised by the round's door codes (SECRET), speakers (PERSON) and years answered (DATE_OF_BIRTH), and leak-cover.
     */
    private static final Map<EntityType, Floor> DEV21 = floors(
            new Object[] {EntityType.PERSON, 0.945, 0.945},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.817, 1.0},
            new Object[] {EntityType.EMAIL, 1.0, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 0.94},
            new Object[] {EntityType.ADDRESS, 0.858, 1.0},
            new Object[] {EntityType.IP_ADDRESS, 0.899, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.982},
            new Object[] {EntityType.SECRET, 1.0, 0.853});

    private static final double DEV21_LEAK_COVER = 0.96;

    /** The twenty-second development set's SHA-256 ({@code detect/dev22}): its numbers below are of this file. */
    private static final String DEV22_SHA256 = "53140eb995b5dc60658007f4522704a360ec6c4257b7ff51f5f26b452b31e720";

    /**
     * Floors on the twenty-second development set ({@code detect/dev22}, written blind to the code during the
     * eighteenth round: free everyday prose leaning on people named in passing, documents talked about and homes
     * described in passing): the values measured when it was added (main at 224825b), less 0.001.
     */
    private static final Map<EntityType, Floor> DEV22 = floors(
            new Object[] {EntityType.PERSON, 0.962, 0.947},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.785, 0.977},
            new Object[] {EntityType.EMAIL, 0.749, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.976},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.869, 0.937},
            new Object[] {EntityType.IP_ADDRESS, 0.946, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 0.966, 0.936},
            new Object[] {EntityType.SECRET, 0.971, 0.874});

    private static final double DEV22_LEAK_COVER = 0.952;

    /** The twenty-third development set's SHA-256 ({@code detect/dev23}): its numbers below are of this file. */
    private static final String DEV23_SHA256 = "82b059de3df4dfd27636995736b22bb83bd3fd417d0a6049f2875a418762936a";

    /**
     * Floors on the twenty-third development set ({@code detect/dev23}, written blind to the code during the
     * eighteenth round, after its first changes: group chats about documents and moves, data dictated to hotlines and
     * voice bots, quoted and forwarded e-mail, handwritten complaints, officers' visit notes, messages from abroad):
     * the values measured when it was added (main at c66f51c), less 0.001. Main at the round's start (5786c64)
     * measured leak-cover 0.932 on it, c66f51c 0.935.
     */
    private static final Map<EntityType, Floor> DEV23 = floors(
            new Object[] {EntityType.PERSON, 0.939, 0.969},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.802, 0.983},
            new Object[] {EntityType.EMAIL, 0.934, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 0.962, 1.0},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 0.881},
            new Object[] {EntityType.ADDRESS, 0.801, 0.933},
            new Object[] {EntityType.IP_ADDRESS, 0.908, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 1.0, 0.882},
            new Object[] {EntityType.SECRET, 1.0, 0.842});

    private static final double DEV23_LEAK_COVER = 0.955;

    /** The twenty-fourth development set's SHA-256 ({@code detect/dev24}): its numbers below are of this file. */
    private static final String DEV24_SHA256 = "9b986a4a21231ca7377188502392ab6071980d055989e4541ae8e9064a493b19";

    /**
     * Floors on the twenty-fourth development set ({@code detect/dev24}, written blind to the code at the end of the
     * eighteenth round: documents, homes, people, phones and codes given in passing in chats, calls, notes and
     * complaints): the values measured when it was added (main at 6e22145), less 0.001. Main at the round's start
     * (5786c64) measured leak-cover 0.926 on it, at c66f51c and at the round's end 0.933.
     */
    private static final Map<EntityType, Floor> DEV24 = floors(
            new Object[] {EntityType.PERSON, 0.901, 0.93},
            new Object[] {EntityType.IIN, 1.0, 1.0},
            new Object[] {EntityType.BIN, 1.0, 1.0},
            new Object[] {EntityType.PHONE, 0.841, 0.979},
            new Object[] {EntityType.EMAIL, 0.866, 1.0},
            new Object[] {EntityType.IBAN, 1.0, 1.0},
            new Object[] {EntityType.PAYMENT_CARD, 1.0, 1.0},
            new Object[] {EntityType.ID_DOCUMENT, 1.0, 0.982},
            new Object[] {EntityType.VEHICLE_PLATE, 1.0, 1.0},
            new Object[] {EntityType.ADDRESS, 0.862, 0.899},
            new Object[] {EntityType.IP_ADDRESS, 0.888, 1.0},
            new Object[] {EntityType.DATE_OF_BIRTH, 0.977, 0.935},
            new Object[] {EntityType.SECRET, 0.974, 0.847});

    private static final double DEV24_LEAK_COVER = 0.937;

    /** The twenty-fifth development set's SHA-256 ({@code detect/dev25}): its numbers below are of this file. */
    private static final String DEV25_SHA256 = "4f67b273235bbee57e839f083ccbb3153f4b0e177243567ff133e332f707d77b";

    /**
     * Floors on the twenty-fifth development set ({@code detect/dev25}, written blind to the code during the
     * nineteenth round in the genre of the third held-out set: agency documents, letters, extracts, orders, exports,
     * configs and tickets): main at the round's start (0586d1f) and before anything was made on it measured
     * leak-cover 0.992 (963 of 971 spans).
     */
    private static final Map<EntityType, Floor> DEV25 = floors(
            new Object[] {EntityType.PERSON, 0.95, 0.997},
            new Object[] {EntityType.IIN, 0.999, 0.999},
            new Object[] {EntityType.BIN, 0.999, 0.999},
            new Object[] {EntityType.PHONE, 0.98, 0.999},
            new Object[] {EntityType.EMAIL, 0.999, 0.999},
            new Object[] {EntityType.IBAN, 0.999, 0.999},
            new Object[] {EntityType.PAYMENT_CARD, 0.999, 0.999},
            new Object[] {EntityType.ID_DOCUMENT, 0.999, 0.999},
            new Object[] {EntityType.VEHICLE_PLATE, 0.999, 0.999},
            new Object[] {EntityType.ADDRESS, 0.846, 0.999},
            new Object[] {EntityType.IP_ADDRESS, 0.999, 0.965},
            new Object[] {EntityType.DATE_OF_BIRTH, 0.983, 0.999},
            new Object[] {EntityType.SECRET, 0.928, 0.98});

    private static final double DEV25_LEAK_COVER = 0.997;

    private final Detector detector = Detector.defaults();

    @Test
    void detect_generatedCorpus_meetsFloors() {
        List<Text> corpus = LabelledSet.offsets("/detect/corpus.jsonl");
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        Accuracy accuracy = Accuracy.measure(detector, corpus, true);
        System.out.println(accuracy.table("corpus.jsonl"));
        accuracy.misses().forEach(System.out::println);
        assertThat(accuracy.labels()).isGreaterThan(300);
        List<String> below = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            double floor = switch (type) {
                case IIN, BIN, IBAN, PAYMENT_CARD, EMAIL, PHONE, IP_ADDRESS -> 0.97;
                case PERSON, ADDRESS -> 0.85;
                default -> 0.90;
            };
            below(below, type, accuracy.tally(type), new Floor(floor, floor));
        }
        assertThat(below).isEmpty();
    }

    @Test
    void detect_developmentSet_meetsFloors() {
        List<Text> dev = LabelledSet.markup("/detect/dev-patterns.jsonl");
        assertThat(dev).hasSizeGreaterThanOrEqualTo(863);
        assertDevelopmentSet(dev, "dev-patterns.jsonl", DEV, DEV_LEAK_COVER);
    }

    @Test
    void detect_secondDevelopmentSet_meetsFloors() {
        List<Text> dev2 = LabelledSet.markup("/detect/dev2-patterns.jsonl");
        assertThat(dev2).hasSizeGreaterThanOrEqualTo(150);
        assertDevelopmentSet(dev2, "dev2-patterns.jsonl", DEV2, DEV2_LEAK_COVER);
    }

    @Test
    void detect_thirdDevelopmentSet_meetsFloors() {
        List<Text> dev3 = LabelledSet.markup("/detect/dev3/dev3.jsonl");
        assertThat(dev3).hasSize(572);
        assertDevelopmentSet(dev3, "dev3.jsonl", DEV3, DEV3_LEAK_COVER);
    }

    @Test
    void detect_fourthDevelopmentSet_meetsFloors() {
        List<Text> dev4 =
                frozenSet("/detect/dev4/dev4.jsonl", DEV4_SHA256, 404, "the fourth development set as measured");
        assertDevelopmentSet(dev4, "dev4.jsonl", DEV4, DEV4_LEAK_COVER);
    }

    @Test
    void detect_fourthRoundOwnLines_meetsFloors() {
        List<Text> own = LabelledSet.markup("/detect/dev-own4.jsonl");
        assertThat(own).hasSizeGreaterThanOrEqualTo(80);
        assertDevelopmentSet(own, "dev-own4.jsonl", DEV_OWN4, DEV_OWN4_LEAK_COVER);
    }

    @Test
    void detect_fifthRoundOwnLines_meetsFloors() {
        List<Text> own = LabelledSet.markup("/detect/dev-own5.jsonl");
        assertThat(own).hasSizeGreaterThanOrEqualTo(20);
        assertDevelopmentSet(own, "dev-own5.jsonl", DEV_OWN5, DEV_OWN5_LEAK_COVER);
    }

    @Test
    void detect_fifthDevelopmentSet_meetsFloors() {
        List<Text> dev5 =
                frozenSet("/detect/dev5/dev5.jsonl", DEV5_SHA256, 257, "the fifth development set as measured");
        assertDevelopmentSet(dev5, "dev5.jsonl", DEV5, DEV5_LEAK_COVER);
    }

    @Test
    void detect_sixthDevelopmentSet_meetsFloors() {
        List<Text> dev6 =
                frozenSet("/detect/dev6/dev6.jsonl", DEV6_SHA256, 280, "the sixth development set as measured");
        assertDevelopmentSet(dev6, "dev6.jsonl", DEV6, DEV6_LEAK_COVER);
    }

    @Test
    void detect_seventhDevelopmentSet_meetsFloors() {
        List<Text> dev7 =
                frozenSet("/detect/dev7/dev7.jsonl", DEV7_SHA256, 276, "the seventh development set as measured");
        assertDevelopmentSet(dev7, "dev7.jsonl", DEV7, DEV7_LEAK_COVER);
    }

    @Test
    void detect_eighthDevelopmentSet_meetsFloors() {
        List<Text> dev8 =
                frozenSet("/detect/dev8/dev8.jsonl", DEV8_SHA256, 261, "the eighth development set as measured");
        assertDevelopmentSet(dev8, "dev8.jsonl", DEV8, DEV8_LEAK_COVER);
    }

    @Test
    void detect_ninthDevelopmentSet_meetsFloors() {
        List<Text> dev9 =
                frozenSet("/detect/dev9/dev9.jsonl", DEV9_SHA256, 282, "the ninth development set as measured");
        assertDevelopmentSet(dev9, "dev9.jsonl", DEV9, DEV9_LEAK_COVER);
    }

    @Test
    void detect_tenthDevelopmentSet_meetsFloors() {
        List<Text> dev10 =
                frozenSet("/detect/dev10/dev10.jsonl", DEV10_SHA256, 281, "the tenth development set as measured");
        assertDevelopmentSet(dev10, "dev10.jsonl", DEV10, DEV10_LEAK_COVER);
    }

    @Test
    void detect_eleventhDevelopmentSet_meetsFloors() {
        List<Text> dev11 =
                frozenSet("/detect/dev11/dev11.jsonl", DEV11_SHA256, 280, "the eleventh development set as measured");
        assertDevelopmentSet(dev11, "dev11.jsonl", DEV11, DEV11_LEAK_COVER);
    }

    @Test
    void detect_twelfthDevelopmentSet_meetsFloors() {
        List<Text> dev12 =
                frozenSet("/detect/dev12/dev12.jsonl", DEV12_SHA256, 280, "the twelfth development set as measured");
        assertDevelopmentSet(dev12, "dev12.jsonl", DEV12, DEV12_LEAK_COVER);
    }

    @Test
    void detect_thirteenthDevelopmentSet_meetsFloors() {
        List<Text> dev13 =
                frozenSet("/detect/dev13/dev13.jsonl", DEV13_SHA256, 280, "the thirteenth development set as measured");
        assertDevelopmentSet(dev13, "dev13.jsonl", DEV13, DEV13_LEAK_COVER);
    }

    @Test
    void detect_fourteenthDevelopmentSet_meetsFloors() {
        List<Text> dev14 =
                frozenSet("/detect/dev14/dev14.jsonl", DEV14_SHA256, 280, "the fourteenth development set as measured");
        assertDevelopmentSet(dev14, "dev14.jsonl", DEV14, DEV14_LEAK_COVER);
    }

    @Test
    void detect_fifteenthDevelopmentSet_meetsFloors() {
        List<Text> dev15 =
                frozenSet("/detect/dev15/dev15.jsonl", DEV15_SHA256, 281, "the fifteenth development set as measured");
        assertDevelopmentSet(dev15, "dev15.jsonl", DEV15, DEV15_LEAK_COVER);
    }

    @Test
    void detect_sixteenthDevelopmentSet_meetsFloors() {
        List<Text> dev16 =
                frozenSet("/detect/dev16/dev16.jsonl", DEV16_SHA256, 282, "the sixteenth development set as measured");
        assertDevelopmentSet(dev16, "dev16.jsonl", DEV16, DEV16_LEAK_COVER);
    }

    @Test
    void detect_seventeenthDevelopmentSet_meetsFloors() {
        List<Text> dev17 = frozenSet(
                "/detect/dev17/dev17.jsonl", DEV17_SHA256, 284, "the seventeenth development set as measured");
        assertDevelopmentSet(dev17, "dev17.jsonl", DEV17, DEV17_LEAK_COVER);
    }

    @Test
    void detect_eighteenthDevelopmentSet_meetsFloors() {
        List<Text> dev18 =
                frozenSet("/detect/dev18/dev18.jsonl", DEV18_SHA256, 305, "the eighteenth development set as measured");
        assertDevelopmentSet(dev18, "dev18.jsonl", DEV18, DEV18_LEAK_COVER);
    }

    @Test
    void detect_nineteenthDevelopmentSet_meetsFloors() {
        List<Text> dev19 =
                frozenSet("/detect/dev19/dev19.jsonl", DEV19_SHA256, 280, "the nineteenth development set as measured");
        assertDevelopmentSet(dev19, "dev19.jsonl", DEV19, DEV19_LEAK_COVER);
    }

    @Test
    void detect_twentiethDevelopmentSet_meetsFloors() {
        List<Text> dev20 =
                frozenSet("/detect/dev20/dev20.jsonl", DEV20_SHA256, 286, "the twentieth development set as measured");
        assertDevelopmentSet(dev20, "dev20.jsonl", DEV20, DEV20_LEAK_COVER);
    }

    @Test
    void detect_twentyFirstDevelopmentSet_meetsFloors() {
        List<Text> dev21 = frozenSet(
                "/detect/dev21/dev21.jsonl", DEV21_SHA256, 281, "the twenty-first development set as measured");
        assertDevelopmentSet(dev21, "dev21.jsonl", DEV21, DEV21_LEAK_COVER);
    }

    @Test
    void detect_twentySecondDevelopmentSet_meetsFloors() {
        List<Text> dev22 = frozenSet(
                "/detect/dev22/dev22.jsonl", DEV22_SHA256, 287, "the twenty-second development set as measured");
        assertDevelopmentSet(dev22, "dev22.jsonl", DEV22, DEV22_LEAK_COVER);
    }

    @Test
    void detect_twentyThirdDevelopmentSet_meetsFloors() {
        List<Text> dev23 = frozenSet(
                "/detect/dev23/dev23.jsonl", DEV23_SHA256, 281, "the twenty-third development set as measured");
        assertDevelopmentSet(dev23, "dev23.jsonl", DEV23, DEV23_LEAK_COVER);
    }

    @Test
    void detect_twentyFourthDevelopmentSet_meetsFloors() {
        List<Text> dev24 = frozenSet(
                "/detect/dev24/dev24.jsonl", DEV24_SHA256, 284, "the twenty-fourth development set as measured");
        assertDevelopmentSet(dev24, "dev24.jsonl", DEV24, DEV24_LEAK_COVER);
    }

    @Test
    void detect_twentyFifthDevelopmentSet_meetsFloors() {
        List<Text> dev25 = frozenSet(
                "/detect/dev25/dev25.jsonl", DEV25_SHA256, 281, "the twenty-fifth development set as measured");
        assertDevelopmentSet(dev25, "dev25.jsonl", DEV25, DEV25_LEAK_COVER);
    }

    @Test
    void detect_heldOutSet_meetsFloors() {
        List<Text> heldOut =
                frozenSet("/detect/heldout/heldout.jsonl", HELD_OUT_SHA256, 524, "the held-out set is frozen");
        assertHeldOutSet(heldOut, "heldout.jsonl", HELD_OUT, HELD_OUT_LEAK_COVER);
    }

    @Test
    void detect_secondHeldOutSet_meetsFloors() {
        List<Text> heldOut2 = frozenSet(
                "/detect/heldout2/heldout2.jsonl", HELD_OUT_2_SHA256, 468, "the second held-out set is frozen");
        assertHeldOutSet(heldOut2, "heldout2.jsonl", HELD_OUT_2, HELD_OUT_2_LEAK_COVER);
    }

    @Test
    void detect_thirdHeldOutSet_meetsFloors() {
        List<Text> heldOut3 = frozenSet(
                "/detect/heldout3/heldout3.jsonl", HELD_OUT_3_SHA256, 422, "the third held-out set is frozen");
        assertHeldOutSet(heldOut3, "heldout3.jsonl", HELD_OUT_3, HELD_OUT_3_LEAK_COVER);
    }

    @Test
    void strip_markedText_spansInUtf16OffsetsOfTheStrippedText() {
        // 𝒜 is outside the BMP: two UTF-16 units
        Text text = LabelledSet.strip("t1", "Я, [[PERSON:Әсел 𝒜 Ким]], тел. [[PHONE:+7 701 123 45 67]].");
        assertThat(text.text()).isEqualTo("Я, Әсел 𝒜 Ким, тел. +7 701 123 45 67.");
        assertThat(text.spans())
                .containsExactly(
                        new LabelledSet.Span(EntityType.PERSON, 3, 14), new LabelledSet.Span(EntityType.PHONE, 21, 37));
    }

    /** A development set: its table and its misses printed (its lines may be read and tuned to), then its floors. */
    /**
     * A labelled set whose numbers are kept comparable: its file is the one measured (SHA-256, {@code what} says which
     * set) and holds {@code lines} texts.
     */
    private static List<Text> frozenSet(String path, String sha256, int lines, String what) {
        assertThat(LabelledSet.sha256(path)).as(what).isEqualTo(sha256);
        List<Text> set = LabelledSet.markup(path);
        assertThat(set).hasSize(lines);
        return set;
    }

    private void assertDevelopmentSet(List<Text> set, String name, Map<EntityType, Floor> floors, double leakCover) {
        Accuracy accuracy = Accuracy.measure(detector, set, true);
        System.out.println(accuracy.table(name));
        accuracy.misses().forEach(System.out::println);
        assertFloors(accuracy, floors, leakCover);
    }

    /** A frozen held-out set: its per-type table only, never a line of it, then its floors. */
    private void assertHeldOutSet(List<Text> set, String name, Map<EntityType, Floor> floors, double leakCover) {
        Accuracy accuracy = Accuracy.measure(detector, set, false);
        System.out.println(accuracy.table(name));
        assertFloors(accuracy, floors, leakCover);
    }

    private static void assertFloors(Accuracy accuracy, Map<EntityType, Floor> floors, double leakCover) {
        List<String> below = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            below(below, type, accuracy.tally(type), floors.get(type));
        }
        if (accuracy.leakCover() < leakCover) {
            below.add(String.format("leak-cover %.3f below %.3f", accuracy.leakCover(), leakCover));
        }
        assertThat(below).isEmpty();
    }

    private static void below(List<String> below, EntityType type, Accuracy.Tally tally, Floor floor) {
        if (tally.precision() < floor.precision()) {
            below.add(String.format("%s precision %.3f below %.3f", type, tally.precision(), floor.precision()));
        }
        if (tally.recall() < floor.recall()) {
            below.add(String.format("%s recall %.3f below %.3f", type, tally.recall(), floor.recall()));
        }
    }

    private static Map<EntityType, Floor> floors(Object[]... rows) {
        Map<EntityType, Floor> floors = new EnumMap<>(EntityType.class);
        for (Object[] row : rows) {
            floors.put((EntityType) row[0], new Floor((Double) row[1], (Double) row[2]));
        }
        assertThat(floors).as("a floor for every type").hasSize(EntityType.values().length);
        return floors;
    }
}
