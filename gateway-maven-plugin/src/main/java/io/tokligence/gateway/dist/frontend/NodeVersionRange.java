package io.tokligence.gateway.dist.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of npm's semver ranges that {@code engines.node} uses in practice: comparators
 * ({@code >=20}, {@code >18.2}, {@code <23}, {@code =20.1.0}), caret and tilde ({@code ^20.10}, {@code ~20.1}),
 * x-ranges ({@code 20}, {@code 20.x}, {@code *}), hyphen ranges ({@code 18 - 22}), space-separated
 * intersections and {@code ||} unions.
 */
public final class NodeVersionRange {
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|<|>|=|\\^|~)?\\s*v?([0-9xX*]+(?:\\.[0-9xX*]+){0,2})");

    private final String text;
    /** A union of intersections; each comparator is a lower/upper bound on a version triple. */
    private final List<List<Bound>> alternatives;

    private NodeVersionRange(String text, List<List<Bound>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** @throws IllegalArgumentException when the range uses a form this class does not understand */
    public static NodeVersionRange parse(String range) {
        String trimmed = range == null ? "" : range.trim();
        List<List<Bound>> alternatives = new ArrayList<>();
        for (String alternative : trimmed.split("\\|\\|")) {
            alternatives.add(parseIntersection(alternative.trim(), trimmed));
        }
        return new NodeVersionRange(trimmed, List.copyOf(alternatives));
    }

    public boolean isSatisfiedBy(String version) {
        int[] v = NodeVersion.parse(version);
        return alternatives.stream().anyMatch(bounds -> bounds.stream().allMatch(b -> b.accepts(v)));
    }

    @Override
    public String toString() {
        return text;
    }

    private static List<Bound> parseIntersection(String text, String whole) {
        List<Bound> bounds = new ArrayList<>();
        if (text.isEmpty() || text.equals("*") || text.equalsIgnoreCase("x")) {
            return bounds;
        }
        String[] hyphen = text.split("\\s+-\\s+");
        if (hyphen.length == 2) {
            bounds.add(Bound.atLeast(Partial.parse(hyphen[0], whole).lowest()));
            Partial upper = Partial.parse(hyphen[1], whole);
            bounds.add(upper.isComplete() ? Bound.atMost(upper.lowest()) : Bound.below(upper.nextAfterPrefix()));
            return bounds;
        }
        Matcher m = COMPARATOR.matcher(text);
        int end = 0;
        while (m.find()) {
            if (!text.substring(end, m.start()).isBlank()) {
                throw unsupported(whole);
            }
            end = m.end();
            String op = m.group(1) == null ? "" : m.group(1);
            Partial p = Partial.parse(m.group(2), whole);
            switch (op) {
                case ">=" -> bounds.add(Bound.atLeast(p.lowest()));
                case ">" -> bounds.add(p.isComplete() ? Bound.above(p.lowest()) : Bound.atLeast(p.nextAfterPrefix()));
                case "<" -> bounds.add(Bound.below(p.lowest()));
                case "<=" -> bounds.add(p.isComplete() ? Bound.atMost(p.lowest()) : Bound.below(p.nextAfterPrefix()));
                case "^" -> {
                    bounds.add(Bound.atLeast(p.lowest()));
                    bounds.add(Bound.below(p.caretCeiling()));
                }
                case "~" -> {
                    bounds.add(Bound.atLeast(p.lowest()));
                    bounds.add(Bound.below(p.tildeCeiling()));
                }
                default -> {
                    // "=20.1.0", "20.1.0", "20", "20.x": everything the given prefix covers.
                    bounds.add(Bound.atLeast(p.lowest()));
                    bounds.add(p.isComplete() ? Bound.atMost(p.lowest()) : Bound.below(p.nextAfterPrefix()));
                }
            }
        }
        if (!text.substring(end).isBlank() || bounds.isEmpty()) {
            throw unsupported(whole);
        }
        return bounds;
    }

    private static IllegalArgumentException unsupported(String whole) {
        return new IllegalArgumentException("unsupported version range '" + whole
                + "' (use forms such as >=20, ^20.10.0, 20.x, >=18 <23, or 18 || 20)");
    }

    /** A version with possibly missing or wildcard parts: "20", "20.1", "20.x". */
    private record Partial(int[] parts, int given) {
        static Partial parse(String text, String whole) {
            String[] pieces = text.trim().replaceFirst("^v", "").split("\\.");
            int[] parts = new int[3];
            int given = 0;
            for (int i = 0; i < pieces.length && i < 3; i++) {
                if (pieces[i].matches("[xX*]")) {
                    break;
                }
                if (!pieces[i].matches("\\d+")) {
                    throw unsupported(whole);
                }
                parts[i] = Integer.parseInt(pieces[i]);
                given = i + 1;
            }
            return new Partial(parts, given);
        }

        boolean isComplete() {
            return given == 3;
        }

        int[] lowest() {
            return parts.clone();
        }

        /** The first version past everything this prefix covers: 20 → 21.0.0, 20.1 → 20.2.0. */
        int[] nextAfterPrefix() {
            if (given == 0) {
                return new int[] {Integer.MAX_VALUE, 0, 0};
            }
            int[] next = new int[3];
            System.arraycopy(parts, 0, next, 0, given);
            next[given - 1]++;
            return next;
        }

        /** ^ allows changes that keep the left-most non-zero part. */
        int[] caretCeiling() {
            if (parts[0] > 0 || given <= 1) {
                return new int[] {parts[0] + 1, 0, 0};
            }
            if (parts[1] > 0 || given == 2) {
                return new int[] {0, parts[1] + 1, 0};
            }
            return new int[] {0, 0, parts[2] + 1};
        }

        /** ~ allows patch changes when a minor is given, minor changes otherwise. */
        int[] tildeCeiling() {
            return given >= 2 ? new int[] {parts[0], parts[1] + 1, 0} : new int[] {parts[0] + 1, 0, 0};
        }
    }

    private record Bound(int[] version, int sign, boolean inclusive) {
        static Bound atLeast(int[] v) {
            return new Bound(v, 1, true);
        }

        static Bound above(int[] v) {
            return new Bound(v, 1, false);
        }

        static Bound atMost(int[] v) {
            return new Bound(v, -1, true);
        }

        static Bound below(int[] v) {
            return new Bound(v, -1, false);
        }

        boolean accepts(int[] candidate) {
            int c = NodeVersion.compare(candidate, version);
            return c == 0 ? inclusive : Integer.signum(c) == sign;
        }
    }
}
