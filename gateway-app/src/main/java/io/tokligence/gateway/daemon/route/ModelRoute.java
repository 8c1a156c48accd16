package io.tokligence.gateway.daemon.route;

import java.util.regex.Pattern;

/** One {@code glob=adapter} pair of {@code model_provider_routes}; {@code *} and {@code ?} are the wildcards. */
public record ModelRoute(String glob, String adapter) {

    public boolean matches(String model) {
        return toRegex(glob).matcher(model).matches();
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
