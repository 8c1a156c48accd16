package io.tokligence.gateway.store;

/** A freshly created key with its plaintext token: the only time the token exists outside the caller's hands. */
public record IssuedKey(ApiKey apiKey, String token) {

    @Override
    public String toString() {
        return "IssuedKey[apiKey=" + apiKey + ", token=" + apiKey.prefix() + "...]";
    }
}
