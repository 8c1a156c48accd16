package io.tokligence.gateway.dist.python;

import io.tokligence.gateway.dist.DistException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Python package version, derived from the Maven version so that the project has one version source.
 *
 * <p>Mapping (case-insensitive, {@code -} or {@code .} before a qualifier and its number):
 * <ul>
 *   <li>release numbers are kept, leading zeros dropped as PEP 440 normalises them: {@code 1.02.0} → {@code 1.2.0}</li>
 *   <li>{@code -alpha-N}, {@code -alphaN}, {@code -aN} → {@code aN}; {@code -beta-N}, {@code -bN} → {@code bN};
 *       {@code -rc-N}, {@code -cr-N} → {@code rcN}; a missing number is 0</li>
 *   <li>{@code -ga}, {@code -final}, {@code -release} → the plain release</li>
 *   <li>{@code -SNAPSHOT} (alone or after a pre-release) → {@code .dev0}: {@code 1.2.0-rc1-SNAPSHOT} → {@code 1.2.0rc1.dev0}</li>
 * </ul>
 * Milestones ({@code -M1}) are refused: Maven orders them between beta and rc, where PEP 440 has no slot, and
 * mapping them onto {@code b} or {@code rc} would make pip order releases differently from Maven.
 */
public record Pep440Version(String value) {

    /** The rule quoted in error messages so a user can pick a version that maps. */
    public static final String RULE = "use <numbers>[-alpha|-beta|-rc[-N]][-SNAPSHOT], e.g. 1.2.0, 1.2.0-rc1, "
            + "1.2.0-beta-2, 1.2.0-SNAPSHOT";

    private static final Pattern MAVEN_VERSION = Pattern.compile(
            "(?<release>\\d+(?:\\.\\d+)*)"
                    + "(?:[-.]?(?<pre>alpha|beta|rc|cr|a|b)(?:[-.]?(?<preNumber>\\d+))?"
                    + "|[-.](?<final>ga|final|release))?"
                    + "(?<snapshot>[-.]SNAPSHOT)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Maps a Maven project version.
     *
     * @throws DistException naming the version and the rule when it has no faithful PEP 440 form
     */
    public static Pep440Version fromMaven(String mavenVersion) {
        String text = mavenVersion == null ? "" : mavenVersion.trim();
        Matcher matcher = MAVEN_VERSION.matcher(text);
        if (!matcher.matches()) {
            throw new DistException("Project version '" + text + "' has no PEP 440 form for the Python package: "
                    + RULE + " (milestones such as -M1 have no PEP 440 equivalent)");
        }
        StringBuilder version = new StringBuilder(Arrays.stream(matcher.group("release").split("\\."))
                .map(part -> String.valueOf(Long.parseLong(part)))
                .collect(Collectors.joining(".")));
        String pre = matcher.group("pre");
        if (pre != null) {
            version.append(preReleaseLetter(pre.toLowerCase(Locale.ROOT)));
            String number = matcher.group("preNumber");
            version.append(number == null ? 0 : Long.parseLong(number));
        }
        if (matcher.group("snapshot") != null) {
            version.append(".dev0");
        }
        return new Pep440Version(version.toString());
    }

    private static String preReleaseLetter(String qualifier) {
        return switch (qualifier) {
            case "alpha", "a" -> "a";
            case "beta", "b" -> "b";
            default -> "rc";
        };
    }

    /**
     * The version as it appears in wheel and sdist file names; PEP 440 normal forms contain no {@code -},
     * so it is the version itself.
     */
    @Override
    public String toString() {
        return value;
    }
}
