package io.tokligence.gateway.config;

import java.util.Locale;

/** Decides which keys hold secrets and how they are shown: {@code ****} plus the last four characters. */
public final class SecretMasking {

    private SecretMasking() {
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.endsWith("_api_key") || k.equals("auth_secret")
                || k.contains("password") || k.contains("secret") || k.contains("token");
    }

    /** Blank values stay blank (nothing to hide); short ones are fully hidden. */
    public static String mask(String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.length() <= 8) {
            return "****";
        }
        return "****" + value.substring(value.length() - 4);
    }
}
