package io.tokligence.gateway.dist.frontend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Node's own version strings ("v20.20.2"), parsed into comparable triples. */
final class NodeVersion {
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*");

    private NodeVersion() {
    }

    /** @throws IllegalArgumentException when the text does not start with a version number */
    static int[] parse(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version: '" + text.trim() + "'");
        }
        return new int[] {part(m.group(1)), part(m.group(2)), part(m.group(3))};
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static int part(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
