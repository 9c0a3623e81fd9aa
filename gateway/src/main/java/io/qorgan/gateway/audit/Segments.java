package io.qorgan.gateway.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The files of a trail directory: {@code segments/NNNNNNNN-YYYYMMDD.seg} (the segment's number, and the UTC day it
 * was started) and the Lucene index in {@code index/}.
 */
final class Segments {

    static final String SEGMENTS = "segments";
    static final String INDEX = "index";
    private static final String SUFFIX = ".seg";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private Segments() {}

    /** One segment file. */
    record Segment(long number, Path file) {}

    static Path segmentsDir(Path trail) {
        return trail.resolve(SEGMENTS);
    }

    static Path indexDir(Path trail) {
        return trail.resolve(INDEX);
    }

    static Path file(Path trail, long number, LocalDate day) {
        return segmentsDir(trail).resolve(String.format("%08d-%s%s", number, DAY.format(day), SUFFIX));
    }

    /** The segment files, by number; an empty list when there are none (or no directory). */
    static List<Segment> list(Path trail) throws IOException {
        List<Segment> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(segmentsDir(trail), "*" + SUFFIX)) {
            for (Path f : files) {
                OptionalLong n = number(f.getFileName().toString());
                if (n.isPresent()) {
                    out.add(new Segment(n.getAsLong(), f));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        out.sort(Comparator.comparingLong(Segment::number));
        return out;
    }

    static OptionalLong number(String name) {
        int dash = name.indexOf('-');
        if (dash <= 0 || !name.endsWith(SUFFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(name.substring(0, dash)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
